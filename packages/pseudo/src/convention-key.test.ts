import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatKey, generateKey, KeyFormatError, keyCheckValue, parseKey } from './convention-key.ts';

describe('convention keys', () => {
  it('generates 32 random bytes written as 43 base64url characters', () => {
    const key = generateKey();
    expect(key).toHaveLength(32);
    const text = formatKey(key);
    expect(text).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseKey(`${text}\n`).equals(key)).toBe(true);
    expect(generateKey().equals(key)).toBe(false);
  });

  it('refuses padded, short, long, non-base64url or non-canonical keys', () => {
    const text = formatKey(generateKey());
    for (const bad of [`${text}=`, text.slice(1), `${text}A`, `${text.slice(0, 42)}+`, '']) {
      expect(() => parseKey(bad)).toThrow(KeyFormatError);
    }
    // 'B' differs from 'A' only in the 2 bits the last character cannot carry.
    expect(() => parseKey(`${'A'.repeat(42)}B`)).toThrow(/canonical/);
  });

  it('computes the key check value as the first 16 hex of HMAC(K, "nonrecours:kcv")', () => {
    const key = generateKey();
    const expected = createHmac('sha256', key).update('nonrecours:kcv').digest('hex').slice(0, 16);
    expect(keyCheckValue(key)).toBe(expected);
  });
});
