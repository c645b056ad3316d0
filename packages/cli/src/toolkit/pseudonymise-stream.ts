// The core of `nonrecours pseudonymise`, callable without a process (tests, synthetic territories):
// streams a partner's clear file into an extract and an error list. Chunks of whole records are
// pseudonymised in turn by this thread and by worker threads, at most a few at a time, and written
// back in input order, so memory stays flat whatever the size of the file.
//
// Measured choices: chunks of 64 KiB keep every string in V8's young generation (1 MiB chunks made
// large-object garbage that pushed the peak RSS past 500 MB); this thread takes its share of chunks
// because, left idle, it collects garbage so rarely that buffers from the workers piled up; workers
// get a small heap, since each costs about 30 MB before any work.

import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { type ExtractKind, schemaColumns, schemaOfColumns } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { messages } from '../messages/language.ts';
import { CsvSyntaxError } from './chunk-records.ts';
import { csvLine, parseHeader } from './csv-text.ts';
import {
  type ChunkPlan,
  type ChunkResult,
  checkClearHeader,
  createChunkPseudonymiser,
} from './pseudonymise-chunk.ts';
import { recordChunks } from './record-chunks.ts';
import { endOf, writeTo } from './stream-writes.ts';
import { createWorkerPool, WorkerTaskError } from './worker-pool.ts';

export type PseudonymiseOptions = {
  kind: ExtractKind;
  /** The convention key (32 bytes). */
  key: Uint8Array;
  /** The clear file's bytes. */
  input: AsyncIterable<Buffer | string>;
  /** Receives the extract; ended when done. */
  output: Writable;
  /** Receives `line;column;code` for each problem of a refused row; ended when done. */
  errors?: Writable;
  /** Also compute identity_clk. */
  clk?: boolean;
  /** Threads pseudonymising, this one included (1: no worker). Defaults to the available parallelism. */
  threads?: number;
  /** Bytes of input per chunk of work (64 KiB). */
  chunkBytes?: number;
  /** Called with the number of input bytes handled so far. */
  onProgress?: (bytes: number) => void;
};

export type PseudonymiseSummary = {
  /** The extract's schema: v2 when the clear file has monthly columns (upload it with this schema). */
  schema: string;
  rowsWritten: number;
  rowsRefused: number;
  /** Refused rows by the code of their first problem. */
  refusedByCode: Record<string, number>;
};

const CHUNK_BYTES = 64 * 1024;
// The worker beside this module; in the toolkit's bundle (build.ts), beside the bundle, as .mjs.
const workerScript = new URL(
  import.meta.url.endsWith('.ts') ? './pseudonymise.worker.ts' : './pseudonymise.worker.mjs',
  import.meta.url,
);
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128 };

const write = async (stream: Writable | undefined, data: string | Uint8Array) =>
  stream && writeTo(stream, data);
const end = async (stream: Writable | undefined) => stream && endOf(stream);

/** Pseudonymises a clear file; throws UsageError when the input is unusable (header, CSV syntax). */
export async function pseudonymiseStream(options: PseudonymiseOptions): Promise<PseudonymiseSummary> {
  const { kind, key, output, errors, onProgress } = options;
  const chunks = recordChunks(options.input, options.chunkBytes ?? CHUNK_BYTES);
  const first = await chunks.next();
  if (first.done) throw new UsageError(messages().emptyFile(messages().files.clear));
  const header = parseHeader(first.value.bytes, messages().files.clear);
  checkClearHeader(kind, header.columns);
  const schema = schemaOfColumns(kind, header.columns);
  const plan: ChunkPlan = {
    kind,
    key,
    columns: header.columns,
    delimiter: header.delimiter,
    clk: options.clk ?? false,
  };

  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool =
    threads > 1
      ? createWorkerPool<{ bytes: ArrayBuffer; firstLine: number }, ChunkResult>(
          workerScript,
          threads - 1,
          plan,
          WORKER_LIMITS,
        )
      : undefined;
  const inline = createChunkPseudonymiser(plan);
  let turn = 0;
  const submit = (bytes: Buffer, firstLine: number): Promise<ChunkResult> => {
    if (!pool || turn++ % threads === 0) return Promise.resolve(inline(bytes, firstLine));
    // A private copy, so its memory can move to the worker instead of being cloned.
    const own = new Uint8Array(bytes);
    return pool.run({ bytes: own.buffer, firstLine }, [own.buffer]);
  };

  const summary: PseudonymiseSummary = { schema, rowsWritten: 0, rowsRefused: 0, refusedByCode: {} };
  let bytesDone = first.value.bytes.length;
  const collect = async (result: ChunkResult, size: number) => {
    await write(output, result.extract);
    await write(errors, result.errors);
    summary.rowsWritten += result.written;
    summary.rowsRefused += result.refused;
    for (const [code, n] of Object.entries(result.codes)) {
      summary.refusedByCode[code] = (summary.refusedByCode[code] ?? 0) + n;
    }
    bytesDone += size;
    onProgress?.(bytesDone);
  };

  try {
    await write(
      output,
      csvLine(
        schemaColumns(kind, schema).map((c) => c.name),
        header.delimiter,
      ),
    );
    await write(errors, 'line;column;code\n');
    // Enough chunks in flight to keep every thread busy, few enough to bound memory.
    const inFlightMax = Math.max(2, 2 * threads);
    const inFlight: { result: Promise<ChunkResult>; size: number }[] = [];
    for await (const chunk of chunks) {
      const result = submit(chunk.bytes, chunk.firstLine);
      result.catch(() => {}); // awaited below, in order; this only keeps it from counting as unhandled
      inFlight.push({ result, size: chunk.bytes.length });
      while (inFlight.length >= inFlightMax) {
        const next = inFlight.shift()!;
        await collect(await next.result, next.size);
      }
    }
    for (const next of inFlight) await collect(await next.result, next.size);
  } catch (error) {
    if (
      error instanceof CsvSyntaxError ||
      (error instanceof WorkerTaskError && error.name === 'CsvSyntaxError')
    ) {
      const { line, code } =
        error instanceof CsvSyntaxError ? error : (error.details as { line: number; code: string });
      throw new UsageError(messages().notCsv(messages().files.clear, line, code));
    }
    throw error;
  } finally {
    await pool?.close();
  }
  await end(output);
  await end(errors);
  return summary;
}
