// `nonrecours upload`: streams an extract to the API with its key check value and an idempotency
// key (the file's SHA-256, so a retried upload is recognised), then follows it to a final status.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { extractColumns, keyCheckValue, schemaOfColumns } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { jsonOutput, messages, printJson } from '../messages/language.ts';
import {
  ApiError,
  ApiUnreachableError,
  createApiClient,
  type ExtractCheck,
  type ExtractStatus,
} from '../toolkit/api-client.ts';
import {
  inputSize,
  loadKey,
  parseKind,
  parseOptions,
  progressBar,
  required,
} from '../toolkit/command-options.ts';
import { parseHeader } from '../toolkit/csv-text.ts';
import { recordChunks } from '../toolkit/record-chunks.ts';

const FINAL = new Set(['accepted', 'rejected', 'failed', 'withdrawn', 'purged']);

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isFinite(n) && n >= 0)) throw new UsageError(messages().upload.seconds(name));
  return n;
}

/**
 * The extract's columns must be those of its kind: a clear file sent by mistake stops here. Returns
 * the schema they follow (v2 when the monthly columns are there).
 */
async function checkExtractHeader(path: string, kind: keyof typeof extractColumns): Promise<string> {
  const first = await recordChunks(createReadStream(path, { end: 1 << 16 }))
    .next()
    .catch(() => undefined);
  const header = first?.value ? parseHeader(first.value.bytes, messages().files.extract) : undefined;
  if (!header) throw new UsageError(messages().upload.extractEmpty(path));
  const allowed = extractColumns[kind].map((c) => c.name);
  const unknown = header.columns.filter((c) => !allowed.includes(c));
  if (unknown.length > 0) {
    throw new UsageError(messages().upload.clearColumns(path, kind, unknown));
  }
  return schemaOfColumns(kind, header.columns);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const part of createReadStream(path)) hash.update(part as Buffer);
  return hash.digest('hex');
}

const statusOf = (status: string) => messages().upload.statuses[status] ?? status;
const refusalOf = (refusal: { code: string; message: string } | null | undefined) =>
  refusal ? ` — ${refusal.code}: ${refusal.message}` : '';

function describe(extract: ExtractStatus): string {
  const say = messages().upload;
  return (
    say.describe(
      extract.id,
      statusOf(extract.status),
      extract.row_count,
      extract.valid_count,
      extract.error_count,
    ) + refusalOf(extract.refusal)
  );
}

type RowError = { line: number; column: string | null; code: string };
const rowErrorLine = (e: RowError) => messages().upload.rowError(e.line, e.column, e.code);

function printCheck(check: ExtractCheck, showErrors: number): void {
  const say = messages().upload;
  if (jsonOutput()) {
    printJson(check);
    return;
  }
  console.log(
    `${say.dryRun(statusOf(check.verdict), check.row_count, check.valid_count, check.error_count)}${refusalOf(check.refusal)}${say.nothingStored}`,
  );
  for (const e of check.errors.slice(0, showErrors)) console.log(rowErrorLine(e));
  if (check.errors.length > showErrors || check.error_count > check.errors.length) console.log('  …');
}

export async function run(argv: string[]): Promise<number> {
  const say = messages();
  const values = parseOptions(
    argv,
    {
      api: { type: 'string' },
      convention: { type: 'string' },
      kind: { type: 'string' },
      schema: { type: 'string' },
      month: { type: 'string' },
      'key-file': { type: 'string' },
      in: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      timeout: { type: 'string' },
      'poll-interval': { type: 'string' },
      'show-errors': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
    say.upload.usage,
  );
  if (!values) return 0;
  const api = required(values.api ?? process.env.NONRECOURS_API_URL, 'api');
  const conventionId = required(values.convention, 'convention');
  const kind = parseKind(values.kind);
  const month = required(values.month, 'month');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(say.upload.month);
  const clientId = required(values['client-id'] ?? process.env.NONRECOURS_CLIENT_ID, 'client-id');
  const clientSecret = required(
    values['client-secret'] ?? process.env.NONRECOURS_CLIENT_SECRET,
    'client-secret',
  );
  const timeoutMs = positive(values.timeout, 'timeout', 600) * 1000;
  const pollMs = positive(values['poll-interval'], 'poll-interval', 2) * 1000;
  const showErrors = Math.min(
    1000,
    Math.max(0, Math.trunc(positive(values['show-errors'], 'show-errors', 20))),
  );
  const key = await loadKey(required(values['key-file'], 'key-file'));
  const path = required(values.in, 'in');
  const size = await inputSize(path, say.files.extract);
  const detected = await checkExtractHeader(path, kind);
  const schema = values.schema ?? detected;

  try {
    const client = createApiClient(api);
    const idempotencyKey = await sha256Of(path);
    const token = await client.token(clientId, clientSecret);
    const progress = progressBar(values['dry-run'] ? say.progress.check : say.progress.upload, size);
    const upload = {
      conventionId,
      kind,
      schema,
      referenceMonth: month,
      keyCheck: keyCheckValue(key),
      idempotencyKey,
      path,
      size,
      onProgress: (sent: number) => progress.update(sent),
    };
    let extract: ExtractStatus;
    try {
      if (values['dry-run']) {
        const check = await client.check(token, upload).finally(() => progress.stop());
        printCheck(check, showErrors);
        return check.verdict === 'accepted' ? 0 : 1;
      }
      extract = await client.upload(token, upload);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        console.error(`nonrecours upload: ${say.upload.notFound(error.message)}`);
        return 1;
      }
      throw error;
    } finally {
      progress.stop();
    }
    console.error(say.upload.uploaded(size, extract.id, statusOf(extract.status)));

    const deadline = Date.now() + timeoutMs;
    while (!FINAL.has(extract.status)) {
      if (Date.now() >= deadline) {
        if (jsonOutput()) printJson(extract);
        console.error(`nonrecours upload: ${say.upload.noFinalStatus(timeoutMs / 1000, describe(extract))}`);
        return 1;
      }
      await sleep(pollMs);
      extract = await client.extract(token, conventionId, extract.id);
    }
    const withErrors = showErrors > 0 && ((extract.error_count ?? 0) > 0 || extract.status === 'rejected');
    const page = withErrors ? await client.rowErrors(token, conventionId, extract.id, showErrors) : undefined;
    if (jsonOutput()) {
      printJson({ ...extract, errors: page?.items ?? [] });
    } else {
      console.log(describe(extract));
      for (const e of page?.items ?? []) console.log(rowErrorLine(e));
      if (page && page.next_cursor !== null) console.log('  …');
    }
    return extract.status === 'accepted' ? 0 : 1;
  } catch (error) {
    if (error instanceof ApiError || error instanceof ApiUnreachableError) {
      console.error(`nonrecours upload: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
