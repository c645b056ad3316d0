import { extractColumns, extractKinds } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import { columnMeanings } from './personal-data.ts';

describe('personal data of the extracts', () => {
  it('gives every column of the partner contract a category for the record of processing', () => {
    const columns = new Set(extractKinds.flatMap((kind) => extractColumns[kind].map((c) => c.name)));
    expect([...columns].filter((name) => !columnMeanings[name])).toEqual([]);
    expect(Object.keys(columnMeanings).filter((name) => !columns.has(name))).toEqual([]);
  });

  it('marks AAH and C2S as art. 9 data', () => {
    for (const name of ['aah', 'c2s', 'c2s_until']) expect(columnMeanings[name]?.article9).toBeDefined();
    expect(columnMeanings['household_resources']?.article9).toBeUndefined();
  });
});
