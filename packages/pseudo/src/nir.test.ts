import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeNir, NirError, nirKey, normaliseNir, parseNir } from './nir.ts';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Any 13-character NIR: sex, year, month, department (digits, 2A or 2B), commune and order. */
const nir13 = fc
  .tuple(
    fc.constantFrom('1', '2', '7', '8'),
    digits(4),
    fc.oneof(digits(2), fc.constantFrom('2A', '2B')),
    digits(6),
  )
  .map((parts) => parts.join(''));
const withKey = (n: string, key: number) => n + String(key).padStart(2, '0');

describe('parseNir', () => {
  it('accepts a NIR with its key and drops the key', () => {
    fc.assert(
      fc.property(nir13, (n) => {
        expect(parseNir(withKey(n, nirKey(n)))).toEqual({ ok: true, nir13: n });
      }),
    );
  });

  it('refuses a NIR with any other key', () => {
    fc.assert(
      fc.property(nir13, fc.integer({ min: 0, max: 99 }), (n, key) => {
        fc.pre(key !== nirKey(n));
        expect(parseNir(withKey(n, key))).toEqual({ ok: false, reason: 'key' });
      }),
    );
  });

  it('accepts 13 characters without a key', () => {
    fc.assert(
      fc.property(nir13, (n) => {
        expect(parseNir(n)).toEqual({ ok: true, nir13: n });
      }),
    );
  });

  it('ignores spaces, dots, dashes and case', () => {
    fc.assert(
      fc.property(
        nir13,
        fc.array(fc.constantFrom(' ', '.', '-'), { minLength: 14, maxLength: 14 }),
        (n, seps) => {
          const full = withKey(n, nirKey(n)).toLowerCase();
          const spread = [...full].map((c, i) => c + (seps[i] ?? '')).join('');
          expect(normaliseNir(spread)).toBe(n);
        },
      ),
    );
  });

  it('reads 2A as 19 and 2B as 18 for the key', () => {
    expect(nirKey('285052A006084')).toBe(97 - (2850519006084 % 97));
    expect(nirKey('185052B006084')).toBe(97 - (1850518006084 % 97));
  });

  it('names the reason of a refusal', () => {
    expect(parseNir('')).toEqual({ ok: false, reason: 'missing' });
    expect(parseNir(' - ')).toEqual({ ok: false, reason: 'missing' });
    expect(parseNir('1850578006')).toEqual({ ok: false, reason: 'length' });
    expect(parseNir('4850578006084')).toEqual({ ok: false, reason: 'format' });
    expect(parseNir('28505XX006084')).toEqual({ ok: false, reason: 'format' });
    expect(parseNir('185057800608492')).toEqual({ ok: false, reason: 'key' });
    expect(parseNir('1850578006084AB')).toEqual({ ok: false, reason: 'key' });
    const error = (() => {
      try {
        normaliseNir('185057800608492');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NirError);
    expect((error as NirError).reason).toBe('key');
  });
});

describe('looksLikeNir', () => {
  it('spots NIRs with or without key, valid or not, and formatted ones', () => {
    fc.assert(
      fc.property(nir13, (n) => {
        expect(looksLikeNir(n) && looksLikeNir(withKey(n, 0))).toBe(true);
      }),
    );
    expect(looksLikeNir('1 85 05 78 006 084 91')).toBe(true);
    expect(looksLikeNir('4850578006084')).toBe(true);
  });

  it('lets ordinary extract values through', () => {
    for (const value of [
      '',
      '75056',
      '2A004',
      '2026-05',
      '1234.56',
      '1',
      'allocataire',
      '12345678901',
      'ILlax1isu8usC7dZtCsUJIjlnuV0FKlfr1L5SSyHP9k',
      '28505XX006084',
    ]) {
      expect(looksLikeNir(value)).toBe(false);
    }
  });
});
