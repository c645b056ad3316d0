// `nonrecours pseudonymise`: turns a partner's clear file into an extract, on the partner's own
// machine. Refused rows go to the error file as line;column;code, never with their values.

import { createReadStream } from 'node:fs';
import { keyCheckValue } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { jsonOutput, messages, printJson } from '../messages/language.ts';
import { asUtf8, parseEncoding } from '../toolkit/clear-encoding.ts';
import {
  inputSize,
  loadKey,
  type OutputFile,
  openOutput,
  parseKind,
  parseOptions,
  progressBar,
  required,
} from '../toolkit/command-options.ts';
import { pseudonymiseStream } from '../toolkit/pseudonymise-stream.ts';

export async function run(argv: string[]): Promise<number> {
  const say = messages();
  const values = parseOptions(
    argv,
    {
      kind: { type: 'string' },
      'key-file': { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      errors: { type: 'string' },
      clk: { type: 'boolean' },
      threads: { type: 'string' },
      encoding: { type: 'string' },
    },
    say.pseudonymise.usage,
  );
  if (!values) return 0;
  const kind = parseKind(values.kind);
  const encoding = parseEncoding(values.encoding);
  const key = await loadKey(required(values['key-file'], 'key-file'));
  const input = required(values.in, 'in');
  const outPath = required(values.out, 'out');
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new UsageError(say.pseudonymise.threads);
  }
  const size = await inputSize(input, say.files.clear);

  let out: OutputFile | undefined;
  let errors: OutputFile | undefined;
  try {
    out = await openOutput(outPath);
    errors = values.errors ? await openOutput(values.errors) : undefined;
    const progress = progressBar(say.progress.pseudonymise, size);
    const summary = await pseudonymiseStream({
      kind,
      key,
      input: asUtf8(createReadStream(input), encoding, say.files.clear),
      output: out.stream,
      errors: errors?.stream,
      clk: values.clk ?? false,
      threads,
      onProgress: (bytes) => progress.update(Math.min(bytes, size)),
    }).finally(() => progress.stop());

    const refused = say.refusedCounts(summary.refusedByCode);
    await errors?.commit();
    const report = {
      extract: summary.rowsWritten > 0 ? outPath : null,
      schema: summary.schema,
      kcv: keyCheckValue(key),
      rows_written: summary.rowsWritten,
      rows_refused: summary.rowsRefused,
      refused_by_code: summary.refusedByCode,
      errors_file: values.errors ?? null,
    };
    if (summary.rowsWritten === 0) {
      await out.discard();
      if (jsonOutput()) printJson(report);
      console.error(
        `nonrecours pseudonymise: ${
          summary.rowsRefused === 0
            ? say.pseudonymise.noRows
            : say.pseudonymise.allRefused(summary.rowsRefused, refused)
        }`,
      );
      return 1;
    }
    await out.commit();
    if (jsonOutput()) printJson(report);
    console.error(say.pseudonymise.written(summary.rowsWritten, outPath, summary.schema, report.kcv));
    if (summary.rowsRefused > 0) {
      console.error(say.pseudonymise.refused(summary.rowsRefused, refused, values.errors));
    }
    return 0;
  } catch (error) {
    await out?.discard();
    await errors?.discard();
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as NodeJS.ErrnoException).syscall === 'write')
      throw new UsageError(say.cannotWrite(outPath, String(code)));
    throw error;
  }
}
