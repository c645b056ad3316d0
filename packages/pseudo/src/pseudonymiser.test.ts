import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dice } from './clk-dice.ts';
import { generateKey } from './convention-key.ts';
import { normaliseName } from './normalise-name.ts';
import {
  clkTokens,
  createPseudonymiser,
  IdentityError,
  isIsoDate,
  isPseudonym,
  normaliseIdentity,
} from './pseudonymiser.ts';

const key = generateKey();
const p = createPseudonymiser(key);
const H = (text: string) => createHmac('sha256', key).update(text).digest('base64url');

describe('createPseudonymiser', () => {
  it('hashes as HMAC-SHA256 in unpadded base64url', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (prefix, text) => {
        expect(p.hash(prefix, text)).toBe(H(prefix + text));
      }),
    );
  });

  it('gives pseudonyms that pass isPseudonym', () => {
    for (const value of [
      p.personPseudo('1850578006084'),
      p.identityPseudo('Dupont', 'Jean', '1985-05-12'),
      p.householdPseudo('caf', '42'),
    ]) {
      expect(isPseudonym(value)).toBe(true);
    }
    expect(isPseudonym('x'.repeat(42))).toBe(false);
    expect(isPseudonym(`${'x'.repeat(42)}=`)).toBe(false);
  });

  it('refuses identities without a family name or with a bad birth date', () => {
    const reason = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof IdentityError ? e.reason : e;
      }
    };
    expect(reason(() => p.identityPseudo("'-", 'Jean', '1985-05-12'))).toBe('family_name');
    expect(reason(() => p.identityPseudo('Dupont', 'Jean', '12/05/1985'))).toBe('birth_date');
    expect(reason(() => p.identityClk('Dupont', 'Jean', '1985-02-30'))).toBe('birth_date');
    expect(reason(() => p.householdPseudo('caf', ''))).toBe('household_id');
  });

  it('sets at most 20 bits per token and gives similar names a high Dice', () => {
    const tokens = clkTokens('Dupont', 'Jean', '1985-05-12');
    const clk = p.identityClk('Dupont', 'Jean', '1985-05-12');
    const set = [...clk].reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0);
    expect(set).toBeGreaterThan(0);
    expect(set).toBeLessThanOrEqual(20 * tokens.length);
    const close = dice(clk, p.identityClk('Dupond', 'Jean', '1985-05-12'));
    const far = dice(clk, p.identityClk('Martin', 'Sophie', '1962-11-02'));
    expect(close).toBeGreaterThan(far);
  });

  it('computes the same filter from normalised identities as from raw fields', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (family, given) => {
        fc.pre(normaliseName(family) !== '');
        const identity = normaliseIdentity(family, given, '1990-01-31');
        expect(p.identityClkTextOf(identity)).toBe(p.identityClkText(family, given, '1990-01-31'));
        expect(p.identityPseudoOf(identity)).toBe(p.identityPseudo(family, given, '1990-01-31'));
      }),
    );
  });

  it('gives an empty first given name its one bigram', () => {
    expect(clkTokens('Le Gall', '', '1978-03-15')).toEqual([
      'f:_L',
      'f:LE',
      'f:EG',
      'f:GA',
      'f:AL',
      'f:LL',
      'f:L_',
      'g:__',
      'd:1978-03-15',
    ]);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1985-13-01')).toBe(false);
    expect(isIsoDate('1985-5-12')).toBe(false);
    expect(isIsoDate('1985-05-00')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('agrees with the calendar of Date on any YYYY-MM-DD', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 2999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${two(m)}-${two(d)}`;
          const date = new Date(`${text}T00:00:00Z`);
          const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
    );
  });
});
