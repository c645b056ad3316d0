import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countNewlines, recordBoundary, recordChunks } from './record-chunks.ts';
import { toCsv } from './sample-clear-file.ts';

const value = fc.string({ unit: fc.constantFrom('a', 'é', ';', '"', '\n', '\r\n', ' ', '1'), maxLength: 6 });
const table = fc.array(fc.tuple(value, value, value), { minLength: 0, maxLength: 30 });

async function* pieces(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let start = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1))].sort((a, b) => a - b)) {
    yield bytes.subarray(start, Math.max(start, cut));
    start = Math.max(start, cut);
  }
  yield bytes.subarray(start);
}

async function collect(input: AsyncIterable<Buffer>, target: number) {
  const chunks = [];
  for await (const c of recordChunks(input, target)) chunks.push(c);
  return chunks;
}

describe('recordChunks', () => {
  it('cuts only between records, keeps every byte and numbers lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        async (rows, cuts, target) => {
          const csv = toCsv(
            ['a', 'b', 'c'],
            rows.map(([a, b, c]) => ({ a, b, c })),
          );
          const bytes = Buffer.from(csv);
          const chunks = await collect(
            pieces(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), cuts),
            target,
          );
          expect(Buffer.concat(chunks.map((c) => c.bytes)).equals(bytes)).toBe(true);
          const whole = parse(bytes, { delimiter: ';' });
          expect(chunks.flatMap((c) => parse(c.bytes, { delimiter: ';' }))).toEqual(whole);
          expect(parse(chunks[0]!.bytes, { delimiter: ';' })).toEqual([['a', 'b', 'c']]);
          let line = 1;
          for (const chunk of chunks) {
            expect(chunk.firstLine).toBe(line);
            line += countNewlines(chunk.bytes);
          }
        },
      ),
    );
  });

  it('gives a header without newline as the only chunk', async () => {
    const chunks = await collect(pieces(Buffer.from('a;b'), []), 10);
    expect(chunks.map((c) => c.bytes.toString())).toEqual(['a;b']);
  });
});

describe('recordBoundary', () => {
  it('ignores newlines inside quotes', () => {
    const buf = Buffer.from('a;"x\ny"\nb;c\n"d\n');
    expect(recordBoundary(buf, 'first')).toBe(8);
    expect(recordBoundary(buf, 'last')).toBe(12);
    expect(recordBoundary(Buffer.from('"a\nb'), 'last')).toBe(-1);
  });
});
