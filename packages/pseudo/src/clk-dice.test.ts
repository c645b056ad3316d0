import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLK_BYTES,
  clkWords,
  decodeClk,
  dice,
  diceAt,
  diceClk,
  encodeClk,
  intersectionAt,
  isClk,
  popcount32,
  popcountAt,
} from './clk-dice.ts';

const filter = fc.uint8Array({ minLength: CLK_BYTES, maxLength: CLK_BYTES });
const bits = (bytes: Uint8Array) =>
  [...bytes].reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0);
/** Dice counted bit by bit, the slow way. */
function naiveDice(a: Uint8Array, b: Uint8Array): number {
  const both = bits(a.map((x, i) => x & b[i]!));
  const total = bits(a) + bits(b);
  return total === 0 ? 0 : (2 * both) / total;
}

describe('dice', () => {
  it('equals the Dice coefficient counted bit by bit', () => {
    fc.assert(
      fc.property(filter, filter, (a, b) => {
        expect(dice(a, b)).toBeCloseTo(naiveDice(a, b), 12);
      }),
    );
  });

  it('is 1 for a filter with itself, symmetric and 0 for disjoint filters', () => {
    fc.assert(
      fc.property(filter, filter, (a, b) => {
        fc.pre(bits(a) > 0);
        expect(dice(a, a)).toBe(1);
        expect(dice(a, b)).toBe(dice(b, a));
        expect(
          dice(
            a,
            a.map((x) => ~x & 0xff),
          ),
        ).toBe(0);
      }),
    );
  });

  it('works on unaligned views and on filters stored side by side', () => {
    fc.assert(
      fc.property(filter, filter, (a, b) => {
        const store = new Uint8Array(1 + 2 * CLK_BYTES);
        store.set(a, 1);
        const unaligned = store.subarray(1, 1 + CLK_BYTES);
        expect(dice(unaligned, b)).toBe(dice(a, b));
        const words = new Int32Array(64);
        words.set(clkWords(a), 0);
        words.set(clkWords(b), 32);
        expect(diceAt(words, 0, words, 32)).toBe(dice(a, b));
        expect(intersectionAt(words, 0, words, 32)).toBe(bits(a.map((x, i) => x & b[i]!)));
        expect(popcountAt(words, 32)).toBe(bits(b));
      }),
    );
  });

  it('counts the bits of any 32-bit word', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (x) => {
        expect(popcount32(x)).toBe((x >>> 0).toString(2).replaceAll('0', '').length);
      }),
    );
  });
});

describe('clk text', () => {
  it('round-trips 128 bytes through 171 base64url characters', () => {
    fc.assert(
      fc.property(filter, (a) => {
        const text = encodeClk(a);
        expect(text).toHaveLength(171);
        expect(isClk(text)).toBe(true);
        expect([...decodeClk(text)]).toEqual([...a]);
      }),
    );
  });

  it('compares strings', () => {
    const a = encodeClk(new Uint8Array(CLK_BYTES).fill(0xf0));
    const b = encodeClk(new Uint8Array(CLK_BYTES).fill(0x30));
    expect(diceClk(a, b)).toBe(2 / 3);
  });

  it('refuses anything but 171 base64url characters', () => {
    expect(isClk('A'.repeat(170))).toBe(false);
    expect(isClk(`${'A'.repeat(170)}=`)).toBe(false);
    expect(isClk(`${'A'.repeat(170)}+`)).toBe(false);
    expect(() => decodeClk('abc')).toThrow(RangeError);
  });
});
