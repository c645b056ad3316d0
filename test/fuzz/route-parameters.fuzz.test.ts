// Property-based fuzzing of every route of the OpenAPI document: path, query and header parameters
// and JSON bodies drawn from each operation's own schemas, mixed with hostile values (huge, control
// characters, percent-encoding gone wrong, injection attempts), under every role's token or none.
// No answer is a 5xx, every refusal carries a stable code, and the process and pool stay whole.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodePattern,
  expectSettled,
  type FuzzTarget,
  fuzzParameters,
  fuzzRuns,
  rawRequest,
  startFuzzTarget,
} from './fuzz-harness.ts';

const RUNS = fuzzRuns(1000);

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | null;
}

const document = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components: { schemas: Record<string, Schema> };
};
const resolve = (s: Schema | undefined): Schema => {
  if (!s?.$ref) return s ?? {};
  return document.components.schemas[s.$ref.split('/').at(-1)!] ?? {};
};
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    parameters: op.parameters ?? [],
    body: op.requestBody?.content['application/json']?.schema ?? null,
  })),
);

const hostile = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  '9'.repeat(400),
  'x'.repeat(10_000),
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '\u0000',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '{"$gt":""}',
  '\ud800',
  'null',
  'true',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
);

function valueFor(schema: Schema | undefined, known: { convention: string }): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => valueFor(a, known)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1000, 1e6) }),
        fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER),
      );
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(s.items, known), { maxLength: 4 });
    case 'object':
      return fc.record(
        Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, valueFor(v, known)])),
        { requiredKeys: [] },
      );
    default:
      if (s.format === 'uuid') return fc.oneof(fc.uuid(), fc.constant(known.convention));
      if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      if (s.format === 'date')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      return fc.string({ maxLength: 40 });
  }
}

/** A value as the schema would have it most of the time, a hostile one otherwise. */
const either = (schema: Schema | undefined, known: { convention: string }) =>
  fc.oneof({ weight: 3, arbitrary: valueFor(schema, known) }, { weight: 1, arbitrary: hostile });

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Percent-encoding that also carries lone surrogates (as the bytes of their UTF-8 replacement). */
function encoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.toWellFormed());
  }
}

describe('route parameter fuzzing', () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(() => target.close());

  it(
    `answers ${RUNS} requests over every route of the OpenAPI document without a 5xx`,
    async () => {
      const known = { convention: '' };
      known.convention = target.conventionId;
      expect(operations.length).toBeGreaterThan(30);
      const request = fc.oneof(
        ...operations.map((op) =>
          fc.record({
            op: fc.constant(op),
            params: fc.tuple(...op.parameters.map((p) => fc.option(either(p.schema, known), { freq: 4 }))),
            body: op.body
              ? fc.oneof(
                  { weight: 4, arbitrary: valueFor(op.body, known).map((b) => JSON.stringify(b)) },
                  { weight: 1, arbitrary: fc.json() },
                  {
                    weight: 1,
                    arbitrary: fc.constantFrom('{', '[]', 'null', '{"a":'.repeat(5000), '\u0000'),
                  },
                )
              : fc.constant(null),
            token: fc.constantFrom('partner', 'territory', 'dpo', 'admin', 'none', 'junk'),
          }),
        ),
      );
      const counts = { cases: 0, fiveHundreds: 0 };
      await fc.assert(
        fc.asyncProperty(request, async ({ op, params, body, token }) => {
          counts.cases++;
          let path = op.path;
          const query = new URLSearchParams();
          const headers: Record<string, string> = {};
          op.parameters.forEach((p, i) => {
            const v = params[i];
            if (p.in === 'path') {
              const text = v === null || v === undefined ? known.convention : asText(v);
              path = path.replace(`{${p.name}}`, encoded(text) || 'x');
            } else if (v !== null && v !== undefined) {
              if (p.in === 'query') query.set(p.name, asText(v));
              // Header values cannot hold line breaks or bytes outside latin1: the client refuses them.
              else headers[p.name] = encoded(asText(v)).slice(0, 4000);
            }
          });
          if (token !== 'none')
            headers.authorization = `Bearer ${token === 'junk' ? 'eyJhbGciOiJub25lIn0.e30.' : target.tokens[token]}`;
          if (body !== null) headers['content-type'] = 'application/json';
          const url = `${path}${query.size > 0 ? `?${query}` : ''}`;
          const started = Date.now();
          const answer = await rawRequest(
            target.port,
            { method: op.method, path: url, headers },
            Buffer.from(body ?? ''),
            'whole',
          );
          const what = `${op.method} ${url.slice(0, 200)}`;
          expect(answer.status, what).not.toBeNull();
          if ((answer.status ?? 0) >= 500) counts.fiveHundreds++;
          expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
          if ((answer.status ?? 0) >= 400 && answer.body !== '') {
            const code = (JSON.parse(answer.body) as { code?: unknown }).code;
            expect(
              typeof code === 'string' && errorCodePattern.test(code),
              `${what}: ${answer.body.slice(0, 200)}`,
            ).toBe(true);
          }
          const answered = Date.now();
          await expectSettled(target);
          if (process.env.FUZZ_DEBUG)
            console.log(
              `case ${op.method}:${op.path} ${answer.status} ${answered - started} ${Date.now() - answered}`,
            );
        }),
        fuzzParameters(RUNS),
      );
      console.log(
        `route fuzzing: ${counts.cases} cases over ${operations.length} operations, ${counts.fiveHundreds} 5xx`,
      );
      expect(counts.fiveHundreds).toBe(0);
    },
    24 * 3600_000,
  );
});
