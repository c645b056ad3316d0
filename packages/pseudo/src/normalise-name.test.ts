import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstGivenName, normaliseName } from './normalise-name.ts';

// Letters of French names with their accent-free forms, and the punctuation names carry.
const accented: Record<string, string> = {
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  à: 'a',
  â: 'a',
  ä: 'a',
  î: 'i',
  ï: 'i',
  ô: 'o',
  ö: 'o',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ÿ: 'y',
  ç: 'c',
  ñ: 'n',
  É: 'E',
  È: 'E',
  Ê: 'E',
  À: 'A',
  Â: 'A',
  Î: 'I',
  Ô: 'O',
  Û: 'U',
  Ç: 'C',
};
const nameChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''),
  ...Object.keys(accented),
  'œ',
  'Œ',
  'æ',
  'Æ',
  'ß',
  ' ',
  '-',
  "'",
  ',',
  '.',
  '’',
);
const name = fc.array(nameChar, { maxLength: 30 }).map((chars) => chars.join(''));

describe('normaliseName', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (x) => {
        const once = normaliseName(x);
        expect(normaliseName(once)).toBe(once);
      }),
    );
  });

  it('outputs only A–Z, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (x) => {
        expect(normaliseName(x)).toMatch(/^[A-Z]*$/);
      }),
    );
  });

  it('ignores case', () => {
    fc.assert(
      fc.property(name, (x) => {
        expect(normaliseName(x.toLowerCase())).toBe(normaliseName(x));
        expect(normaliseName(x.toUpperCase())).toBe(normaliseName(x));
      }),
    );
  });

  it('ignores accents', () => {
    fc.assert(
      fc.property(name, (x) => {
        const plain = [...x].map((c) => accented[c] ?? c).join('');
        expect(normaliseName(plain)).toBe(normaliseName(x));
      }),
    );
  });

  it('spells out ligatures and the sharp s', () => {
    expect(normaliseName('Œuvray')).toBe('OEUVRAY');
    expect(normaliseName('cœur')).toBe('COEUR');
    expect(normaliseName('Lætitia')).toBe('LAETITIA');
    expect(normaliseName('Straße')).toBe('STRASSE');
    expect(normaliseName('STRAẞE')).toBe('STRASSE');
    expect(normaliseName("N'Diaye-Ba")).toBe('NDIAYEBA');
  });
});

describe('firstGivenName', () => {
  it('takes the text before the first space or comma of the trimmed names', () => {
    expect(firstGivenName('Jean-Pierre Marie')).toBe('Jean-Pierre');
    expect(firstGivenName('  Aïssatou, Fatou')).toBe('Aïssatou');
    expect(firstGivenName('Anne')).toBe('Anne');
    expect(firstGivenName('')).toBe('');
  });
});
