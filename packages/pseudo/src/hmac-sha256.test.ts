import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHmacSha256 } from './hmac-sha256.ts';

const reference = (key: Uint8Array, message: string) =>
  createHmac('sha256', key).update(message, 'utf8').digest();

describe('createHmacSha256', () => {
  it('matches crypto.createHmac for any key up to a block and any message', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (key, message) => {
          expect(createHmacSha256(key).bytes(message).equals(reference(key, message))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles every padding boundary around one and two blocks', () => {
    const key = Buffer.alloc(32, 7);
    const mac = createHmacSha256(key);
    for (let length = 0; length <= 200; length++) {
      const message = 'é'.repeat(length >> 1) + 'x'.repeat(length & 1);
      expect(mac.bytes(message).toString('hex')).toBe(reference(key, message).toString('hex'));
    }
  });

  it('grows its buffer for long messages and keeps working after', () => {
    const key = Buffer.alloc(32, 9);
    const mac = createHmacSha256(key);
    const long = '€'.repeat(10_000);
    expect(mac.bytes(long).equals(reference(key, long))).toBe(true);
    expect(mac.bytes('abc').equals(reference(key, 'abc'))).toBe(true);
  });

  it('gives the words big-endian, equal to the bytes', () => {
    const key = Buffer.alloc(32, 1);
    const words = createHmacSha256(key).words('nir:1850578006084', new Int32Array(8));
    const bytes = reference(key, 'nir:1850578006084');
    expect([...words]).toEqual([...Array(8).keys()].map((i) => bytes.readInt32BE(i * 4)));
  });

  it('refuses keys longer than a block', () => {
    expect(() => createHmacSha256(new Uint8Array(65))).toThrow(RangeError);
  });
});
