import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Check } from './utf8-check.ts';

function fatalDecoderAccepts(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function checkInPieces(bytes: Buffer, cuts: number[]): boolean {
  const check = new Utf8Check();
  const points = [0, ...cuts.filter((c) => c < bytes.length).sort((a, b) => a - b), bytes.length];
  for (let i = 1; i < points.length; i++)
    if (!check.push(bytes.subarray(points[i - 1], points[i]))) return false;
  return check.end();
}

// Text with characters of every length, and bytes that break it.
const piece = fc.oneof(
  fc.constantFrom('a', 'é', '€', '𝄞', 'ñ;', '\uFEFF').map((s) => [...Buffer.from(s)]),
  fc.constantFrom(
    [0x80],
    [0xc0, 0xaf],
    [0xe0, 0x80, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xff],
    [0xe2, 0x82],
  ),
);

describe('Utf8Check', () => {
  it('agrees with a fatal TextDecoder, however the bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 6 }),
        (pieces, cuts) => {
          const bytes = Buffer.from(pieces.flat());
          expect(checkInPieces(bytes, cuts)).toBe(fatalDecoderAccepts(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('takes a character one byte at a time, and refuses one cut at the end', () => {
    const bytes = Buffer.from('a𝄞€é');
    expect(checkInPieces(bytes, [...bytes.keys()])).toBe(true);
    expect(checkInPieces(bytes.subarray(0, 4), [1, 2, 3])).toBe(false);
  });
});
