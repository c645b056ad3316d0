// Property-based fuzzing of the extract upload: bodies valid, cut, corrupted, oversized, wrongly
// encoded or carrying clear identifiers, sent whole, chunked, cut mid-way, with lying lengths, half
// closed or crawling, under every content type and query variant. `pnpm test` runs the CI size;
// `pnpm test:fuzz --runs N` the long run.
import { gzipSync } from 'node:zlib';
import { extractRefusalCodes } from '@nonrecours/core/extracts/parse/index.ts';
import { type ExtractKind, extractKinds } from '@nonrecours/pseudo';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../support/extract-files.ts';
import {
  expectSettled,
  expectStableAnswer,
  type FuzzTarget,
  fuzzParameters,
  fuzzRuns,
  KCV,
  MAX_UPLOAD_BYTES,
  rawRequest,
  startFuzzTarget,
  type Transport,
} from './fuzz-harness.ts';

const RUNS = fuzzRuns(1000);

const uploadCodes = new Set<string>([
  ...extractRefusalCodes,
  'too_many_row_errors',
  'unsupported_media_type',
  'unsupported_encoding',
  'invalid_request',
  'unknown_schema',
  'not_a_provider_of_kind',
  'key_check_missing',
  'key_check_mismatch',
  'reference_month_out_of_range',
  'payload_too_large',
  'upload_in_progress',
  'idempotency_key_reused',
  'too_many_uploads',
  'upload_too_slow',
  'body_too_slow',
  'upload_interrupted',
  'unauthorized',
  'forbidden',
  'convention_not_active',
  'not_found',
  'rate_limited',
]);

// A few files per kind, made once: the cases mutate them.
const files = Object.fromEntries(
  extractKinds.map((kind) => [kind, [1, 5, 40].map((rows) => Buffer.from(extractFile(kind, rows)))]),
) as Record<ExtractKind, Buffer[]>;
const bomb = gzipSync(Buffer.alloc(MAX_UPLOAD_BYTES * 4));

const lines = (b: Buffer) => b.toString('utf8').split('\n');
const join = (ls: string[]) => Buffer.from(ls.join('\n'));

type Mutation = (file: Buffer) => Buffer;
const at = (b: Buffer, p: number) => Math.min(b.length, p);

const mutation: fc.Arbitrary<[string, Mutation]> = fc.oneof(
  fc.constant<[string, Mutation]>(['as is', (b) => b]),
  fc.nat().map<[string, Mutation]>((p) => ['truncated', (b) => b.subarray(0, at(b, p % (b.length + 1)))]),
  fc
    .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map<[string, Mutation]>(([p, bytes]) => [
      'bytes inserted',
      (b) =>
        Buffer.concat([
          b.subarray(0, at(b, p % (b.length + 1))),
          bytes,
          b.subarray(at(b, p % (b.length + 1))),
        ]),
    ]),
  fc
    .tuple(fc.nat(), fc.integer({ min: 1, max: 64 }))
    .map<[string, Mutation]>(([p, n]) => [
      'NUL bytes',
      (b) =>
        Buffer.concat([
          b.subarray(0, at(b, p % (b.length + 1))),
          Buffer.alloc(n),
          b.subarray(at(b, p % (b.length + 1))),
        ]),
    ]),
  fc
    .tuple(fc.constantFrom(';', ',', 'x', '"'), fc.integer({ min: 1_000, max: 300_000 }), fc.nat(3))
    .map<[string, Mutation]>(([c, n, line]) => [
      'giant line',
      (b) => {
        const ls = lines(b);
        ls.splice(Math.min(line, ls.length), 0, c.repeat(n));
        return join(ls);
      },
    ]),
  fc
    .tuple(fc.constantFrom(';', ','), fc.integer({ min: 1, max: 100_000 }))
    .map<[string, Mutation]>(([c, n]) => [
      'giant header',
      (b) => {
        const ls = lines(b);
        ls[0] = c.repeat(n);
        return join(ls);
      },
    ]),
  fc.integer({ min: 1, max: 100_000 }).map<[string, Mutation]>((n) => [
    'extra fields',
    (b) => {
      const ls = lines(b);
      ls[1] = `${ls[1]}${';'.repeat(n)}`;
      return join(ls);
    },
  ]),
  fc
    .nat()
    .map<[string, Mutation]>((p) => [
      'unbalanced quote',
      (b) =>
        Buffer.concat([
          b.subarray(0, at(b, p % (b.length + 1))),
          Buffer.from('"'),
          b.subarray(at(b, p % (b.length + 1))),
        ]),
    ]),
  fc
    .tuple(
      fc.constantFrom(
        '=HYPERLINK("http://x")',
        '+cmd|/C calc!A0',
        '-2+3',
        '@SUM(1)',
        '"a\r\nb"',
        '"x-injected: 1\r\n\r\nGET / HTTP/1.1"',
        'jean.dupont@example.fr',
        '06 12 34 56 78',
        '+33612345678',
        '1850578006084',
        '\u202edlrow',
        '\ud83d\ude00',
        "'; drop table extracts; --",
      ),
      fc.nat(),
    )
    .map<[string, Mutation]>(([value, column]) => [
      `value ${value.slice(0, 12)}`,
      (b) => {
        const ls = lines(b);
        if (ls.length < 2) return b;
        const fields = ls[1]!.split(';');
        fields[column % fields.length] = value;
        ls[1] = fields.join(';');
        return join(ls);
      },
    ]),
  fc
    .nat()
    .map<[string, Mutation]>((p) => [
      'invalid UTF-8',
      (b) =>
        Buffer.concat([
          b.subarray(0, at(b, p % (b.length + 1))),
          Buffer.from([0xc3]),
          Buffer.from([0xff, 0xfe]),
        ]),
    ]),
  fc.constant<[string, Mutation]>([
    'BOM and CRLF',
    (b) => Buffer.from(`\ufeff${b.toString('utf8').replaceAll('\n', '\r\n')}`),
  ]),
  fc
    .uint8Array({ maxLength: 4096 })
    .map<[string, Mutation]>((bytes) => ['random bytes', () => Buffer.from(bytes)]),
  fc
    .string({ unit: 'grapheme', maxLength: 500 })
    .map<[string, Mutation]>((s) => ['random text', () => Buffer.from(s)]),
);

type Encoding = 'identity' | 'gzip' | 'gzip_truncated' | 'gzip_corrupt' | 'gzip_bomb' | 'br' | 'junk';
const encode = (encoding: Encoding, body: Buffer, cut: number): { body: Buffer; header?: string } => {
  switch (encoding) {
    case 'identity':
      return { body };
    case 'gzip':
      return { body: gzipSync(body), header: 'gzip' };
    case 'gzip_truncated': {
      const gz = gzipSync(body);
      return { body: gz.subarray(0, cut % gz.length), header: 'gzip' };
    }
    case 'gzip_corrupt': {
      const gz = Buffer.from(gzipSync(body));
      const i = cut % gz.length;
      gz[i] = (gz[i] ?? 0) ^ 0x5a;
      return { body: gz, header: 'gzip' };
    }
    case 'gzip_bomb':
      return { body: bomb, header: 'gzip' };
    case 'br':
      return { body, header: 'br' };
    case 'junk':
      return { body, header: 'gzip, ;;\u00e9' };
  }
};

const uploadCase = fc.record({
  kind: fc.constantFrom(...extractKinds),
  file: fc.nat(2),
  mutation,
  encoding: fc.constantFrom<Encoding>(
    'identity',
    'identity',
    'identity',
    'gzip',
    'gzip_truncated',
    'gzip_corrupt',
    'gzip_bomb',
    'br',
    'junk',
  ),
  cut: fc.nat(),
  contentType: fc.constantFrom(
    'text/csv',
    'text/csv',
    'text/csv; charset=utf-8',
    'text/csv; charset=latin1',
    'TEXT/CSV; charset="UTF-8"',
    'application/json',
    'application/octet-stream',
    'multipart/form-data; boundary=x',
    null,
  ),
  transport: fc.constantFrom<Transport>(
    'whole',
    'whole',
    'whole',
    'whole',
    'whole',
    'whole',
    'whole',
    'whole',
    'whole',
    'whole',
    'chunked',
    'chunked_cut',
    'length_longer_close',
    'length_longer_half_close',
    'length_shorter',
    'slow',
  ),
  query: fc.record({
    schema: fc.constantFrom('ok', 'ok', 'ok', 'caf.v2', '', '%00'),
    month: fc.constantFrom('2026-09', '2026-09', '2026-10', '9999-12', '2023-01', '2026-13', '', '2026-9'),
    kind: fc.constantFrom('ok', 'ok', 'ok', 'other', 'CAF'),
    dryRun: fc.constantFrom(null, null, 'true', 'false', 'yes'),
  }),
  keyCheck: fc.constantFrom(KCV, KCV, KCV, null, '', '0000000000000000', 'x'.repeat(5000)),
  idempotencyKey: fc.option(fc.string({ minLength: 0, maxLength: 300 }), { nil: null }),
  token: fc.constantFrom('partner', 'partner', 'partner', 'partner', 'territory', 'none', 'junk'),
});

describe('upload fuzzing', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(() => target.close());

  it(
    `answers ${RUNS} hostile uploads with 4xx codes and leaves nothing behind`,
    async () => {
      let fiveHundreds = 0;
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(uploadCase, async (c) => {
          cases++;
          const base = files[c.kind][c.file]!;
          const [what, mutate] = c.mutation;
          const encoded = encode(c.encoding, mutate(base), c.cut);
          const kind = c.query.kind === 'ok' ? c.kind : c.query.kind;
          const schema = c.query.schema === 'ok' ? `${c.kind}.v1` : c.query.schema;
          const query = new URLSearchParams({ kind, schema, reference_month: c.query.month });
          if (c.query.dryRun) query.set('dry_run', c.query.dryRun);
          const headers: Record<string, string> = {};
          if (c.token !== 'none')
            headers.authorization = `Bearer ${c.token === 'junk' ? 'ey.junk' : target.tokens[c.token]}`;
          if (c.contentType) headers['content-type'] = c.contentType;
          if (encoded.header) headers['content-encoding'] = encoded.header;
          if (c.keyCheck !== null) headers['x-key-check'] = c.keyCheck;
          if (c.idempotencyKey !== null) headers['idempotency-key'] = encodeURIComponent(c.idempotencyKey);
          const started = Date.now();
          const answer = await rawRequest(
            target.port,
            { method: 'POST', path: `/v1/conventions/${target.conventionId}/extracts?${query}`, headers },
            encoded.body,
            c.transport,
          );
          if (answer.status !== null && answer.status >= 500) fiveHundreds++;
          const answered = Date.now();
          expectStableAnswer(answer, uploadCodes, `${what} / ${c.encoding} / ${c.transport}`);
          await expectSettled(target);
          if (process.env.FUZZ_DEBUG)
            console.log(
              'case',
              what.split(' ')[0],
              c.encoding,
              c.transport,
              answer.status,
              answered - started,
              Date.now() - answered,
            );
        }),
        fuzzParameters(RUNS),
      );
      console.log(`upload fuzzing: ${cases} cases, ${fiveHundreds} 5xx`);
      expect(fiveHundreds).toBe(0);
    },
    24 * 3600_000,
  );
});
