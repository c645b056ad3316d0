// The quick split of plain arrays gives what the general parser gives, on arrays as PostgreSQL
// writes them: elements it must quote, NULLs, empty arrays, several dimensions, other lower bounds.

import { splitPlainArray } from '@nonrecours/db/database.ts';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const general = (pg.types.getTypeParser as (oid: number) => (v: string) => unknown)(1009);
const quick = splitPlainArray(general);

describe('reading text and uuid arrays', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  const asWritten = async (sql: string, values: unknown[] = []) =>
    (await database.pool.query<{ t: string }>(`select (${sql})::text as t`, values)).rows[0]!.t;

  it('reads every array PostgreSQL writes as the general parser does', async () => {
    const element = fc.option(
      fc.oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,43}$/),
        fc.constantFrom('', 'NULL', 'null', ' ', 'a b', 'a,b', '{', '}', '"', '\\', "'", 'é', '{}'),
        fc.string({ maxLength: 6 }),
      ),
      { freq: 8 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 8 }), async (elements) => {
        const text = await asWritten('$1::text[]', [elements]);
        expect(quick(text)).toEqual(general(text));
        expect(quick(text)).toEqual(elements);
      }),
      { numRuns: 200 },
    );
  });

  it('hands arrays of other shapes to the general parser', async () => {
    for (const sql of [
      `'{}'::text[]`,
      `array[gen_random_uuid(), null, gen_random_uuid()]`,
      `'{{a,b},{c,d}}'::text[]`,
      `'[0:1]={x,y}'::text[]`,
    ]) {
      const text = await asWritten(sql);
      expect(quick(text)).toEqual(general(text));
    }
  });
});
