import { extractColumns } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import { ExtractRefusal } from './extract-refusal.ts';
import { detectDelimiter, resolveHeader } from './header.ts';

const cafNames = extractColumns.caf.map((c) => c.name);
const refusalOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ExtractRefusal) return { code: err.code, message: err.message, details: err.details };
    throw err;
  }
  throw new Error('no refusal');
};

describe('detectDelimiter', () => {
  it('takes the more frequent of ; and ,', () => {
    expect(detectDelimiter(Buffer.from('a;b;c'))).toBe(';');
    expect(detectDelimiter(Buffer.from('a,b,c'))).toBe(',');
    expect(detectDelimiter(Buffer.from('a;b,c;d'))).toBe(';');
    expect(detectDelimiter(Buffer.from('a\tb'))).toBeNull();
  });
});

describe('resolveHeader', () => {
  it('maps the file columns to the COPY columns, absent ones to -1', () => {
    const names = ['commune', 'birth_ym', 'person_pseudo', ...cafNames.slice(5)];
    const layout = resolveHeader('caf', names, 1);
    expect(layout.names).toEqual(names);
    expect([...layout.fileIndexOf.slice(0, 5)]).toEqual([2, -1, -1, 1, 0]);
    expect(layout.specs[0]?.name).toBe('commune');
  });

  it('refuses unexpected columns, naming only those that have the shape of a column name', () => {
    const refusal = refusalOf(() =>
      resolveHeader('caf', [...cafNames, 'nir', 'DUPONT', '1850578006084x'], 1),
    );
    expect(refusal.code).toBe('unexpected_column');
    expect(refusal.details).toEqual({
      columns: [
        { position: cafNames.length + 1, name: 'nir' },
        { position: cafNames.length + 2 },
        { position: cafNames.length + 3 },
      ],
    });
    expect(refusal.message).not.toContain('DUPONT');
  });

  it('refuses duplicate and missing columns', () => {
    expect(refusalOf(() => resolveHeader('caf', [...cafNames, 'commune'], 1))).toMatchObject({
      code: 'duplicate_column',
      details: { columns: ['commune'] },
    });
    expect(
      refusalOf(() =>
        resolveHeader(
          'caf',
          cafNames.filter((n) => n !== 'rsa' && n !== 'commune'),
          1,
        ),
      ),
    ).toMatchObject({
      code: 'missing_column',
      details: { columns: ['commune', 'rsa'] },
    });
    // Landlords need identity_pseudo, not person_pseudo.
    const landlord = extractColumns.landlord.map((c) => c.name).filter((n) => n !== 'person_pseudo');
    expect(resolveHeader('landlord', landlord, 1).names).toEqual(landlord);
    expect(refusalOf(() => resolveHeader('landlord', landlord.slice(1), 1))).toMatchObject({
      code: 'missing_column',
      details: { columns: ['identity_pseudo'] },
    });
  });

  it('refuses a header row that holds a NIR (a file without its header)', () => {
    expect(refusalOf(() => resolveHeader('caf', ['1 85 05 78 006 084 91', ...cafNames], 3))).toMatchObject({
      code: 'clear_identifier_suspected',
      details: { line: 3, column: null },
    });
  });
});
