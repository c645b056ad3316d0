import { describe, expect, it } from 'vitest';
import { looksLikeClearIdentifier, looksLikeEmail, looksLikeFrenchPhone } from './clear-identifiers.ts';

describe('clear identifier shapes', () => {
  it('sees e-mail addresses, bare or inside a value', () => {
    for (const v of ['a@b.fr', 'jean.dupont@example.fr', 'x: a.b+c@sub.example.com', 'A@B.CO'])
      expect(looksLikeEmail(v), v).toBe(true);
    for (const v of ['@', 'a@b', 'a@.fr', 'a@b.1', 'user at example.fr'])
      expect(looksLikeEmail(v), v).toBe(false);
  });

  it('sees French phone numbers with or without separators and prefixes', () => {
    for (const v of [
      '0612345678',
      '01 23 45 67 89',
      '06.12.34.56.78',
      '+33612345678',
      '0033 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
    ])
      expect(looksLikeFrenchPhone(v), v).toBe(true);
    for (const v of ['0012345678', '061234567', '06123456789', '1234567890', '+44 20 7946 0958'])
      expect(looksLikeFrenchPhone(v), v).toBe(false);
  });

  it('leaves the values of a valid extract alone', () => {
    for (const v of [
      '1234.50',
      '1234,5',
      '0',
      '35238',
      '2A004',
      '1985-03',
      'locataire',
      '32767',
      '9999999999.99',
    ])
      expect(looksLikeClearIdentifier(v), v).toBe(false);
    expect(looksLikeClearIdentifier('Ab3_-'.repeat(8).slice(0, 43))).toBe(false);
  });
});
