// `nonrecours upload`: streams an extract to the API with its key check value and an idempotency
// key (the file's SHA-256, so a retried upload is recognised), then follows it to a final status.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { extractColumns, keyCheckValue, schemaOfColumns } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
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

const usage = `usage: nonrecours upload --api URL --convention ID --kind KIND [--schema SCHEMA] --month YYYY-MM
                         --key-file KEY --in EXTRACT.csv [--client-id ID --client-secret SECRET]
                         [--timeout SECONDS] [--poll-interval SECONDS] [--show-errors N] [--dry-run]

  --api            the service's URL (or NONRECOURS_API_URL)
  --convention     the convention id
  --kind           caf, cpam, msa, carsat or landlord; --schema defaults to KIND.v1, or KIND.v2 when the extract has the monthly columns
  --month          the reference month of the extract
  --key-file       the convention key file the extract was made with (only its check value is sent)
  --in             the extract made by 'nonrecours pseudonymise'
  --client-id      API client credentials (or NONRECOURS_CLIENT_ID, NONRECOURS_CLIENT_SECRET)
  --timeout        how long to wait for a final status (default 600 s)
  --poll-interval  seconds between status checks (default 2)
  --show-errors    row errors to print (default 20)
  --dry-run        check the file only: the service answers what an upload would, and stores nothing`;

const FINAL = new Set(['accepted', 'rejected', 'failed', 'withdrawn', 'purged']);

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!(Number.isFinite(n) && n >= 0)) throw new UsageError(`--${name} is a number of seconds`);
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
  const header = first?.value ? parseHeader(first.value.bytes, 'the extract') : undefined;
  if (!header) throw new UsageError(`${path} is empty`);
  const allowed = extractColumns[kind].map((c) => c.name);
  const unknown = header.columns.filter((c) => !allowed.includes(c));
  if (unknown.length > 0) {
    throw new UsageError(
      `${path} has columns an extract of kind ${kind} cannot have (${unknown.join(', ')}); ` +
        `is it a clear file? Run 'nonrecours pseudonymise' first`,
    );
  }
  return schemaOfColumns(kind, header.columns);
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const part of createReadStream(path)) hash.update(part as Buffer);
  return hash.digest('hex');
}

function describe(extract: ExtractStatus): string {
  const counts = [
    extract.row_count != null ? `${extract.row_count} rows` : undefined,
    extract.valid_count != null ? `${extract.valid_count} valid` : undefined,
    extract.error_count != null ? `${extract.error_count} with errors` : undefined,
  ].filter(Boolean);
  const refusal = extract.refusal ? ` — ${extract.refusal.code}: ${extract.refusal.message}` : '';
  return `extract ${extract.id}: ${extract.status}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}${refusal}`;
}

function printCheck(check: ExtractCheck, showErrors: number): void {
  const refusal = check.refusal ? ` — ${check.refusal.code}: ${check.refusal.message}` : '';
  console.log(
    `dry run: the extract would be ${check.verdict} (${check.row_count} rows, ${check.valid_count} valid, ` +
      `${check.error_count} with errors)${refusal}; nothing was stored`,
  );
  for (const e of check.errors.slice(0, showErrors))
    console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.code}`);
  if (check.errors.length > showErrors || check.error_count > check.errors.length) console.log('  …');
}

export async function run(argv: string[]): Promise<number> {
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
    usage,
  );
  if (!values) return 0;
  const api = required(values.api ?? process.env.NONRECOURS_API_URL, 'api');
  const conventionId = required(values.convention, 'convention');
  const kind = parseKind(values.kind);
  const month = required(values.month, 'month');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError('--month is a month written YYYY-MM');
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
  const size = await inputSize(path, 'the extract');
  const detected = await checkExtractHeader(path, kind);
  const schema = values.schema ?? detected;

  try {
    const client = createApiClient(api);
    const idempotencyKey = await sha256Of(path);
    const token = await client.token(clientId, clientSecret);
    const progress = progressBar(values['dry-run'] ? 'check' : 'upload', size);
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
        console.error(
          `nonrecours upload: ${error.message} (HTTP 404: an unknown convention, or an API without extract uploads)`,
        );
        return 1;
      }
      throw error;
    } finally {
      progress.stop();
    }
    console.error(`uploaded ${size} bytes; extract ${extract.id} is ${extract.status}`);

    const deadline = Date.now() + timeoutMs;
    while (!FINAL.has(extract.status)) {
      if (Date.now() >= deadline) {
        console.error(
          `nonrecours upload: no final status after ${timeoutMs / 1000} s (${describe(extract)})`,
        );
        return 1;
      }
      await sleep(pollMs);
      extract = await client.extract(token, conventionId, extract.id);
    }
    console.log(describe(extract));
    if (showErrors > 0 && ((extract.error_count ?? 0) > 0 || extract.status === 'rejected')) {
      const page = await client.rowErrors(token, conventionId, extract.id, showErrors);
      for (const e of page.items)
        console.log(`  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.code}`);
      if (page.next_cursor !== null) console.log('  …');
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
