import { describe, expect, it } from 'vitest';
import { createRng, weighted } from './prng.ts';

const draws = (seed: string, stream: string, n = 5) => {
  const rng = createRng(seed, stream);
  return Array.from({ length: n }, () => rng.next());
};

describe('seeded PRNG', () => {
  it('repeats a seed and stream exactly, and separates seeds and streams', () => {
    expect(draws('42', 'a')).toEqual(draws('42', 'a'));
    expect(draws('42', 'a')).not.toEqual(draws('43', 'a'));
    expect(draws('42', 'a')).not.toEqual(draws('42', 'b'));
  });

  it('keeps its draws in range and roughly uniform', () => {
    const rng = createRng('range', 'test');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const v = rng.int(1, 6);
      expect(v >= 1 && v <= 6).toBe(true);
      counts[v - 1]!++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    const x = rng.next();
    expect(x >= 0 && x < 1).toBe(true);
    expect(rng.bytes(32)).toHaveLength(32);
  });

  it('draws weighted values in proportion', () => {
    const rng = createRng('weights', 'test');
    const pick = weighted([
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ]);
    let b = 0;
    for (let i = 0; i < 40_000; i++) {
      const v = pick(rng);
      expect(v).not.toBe('c');
      if (v === 'b') b++;
    }
    expect(Math.abs(b / 40_000 - 0.75)).toBeLessThan(0.01);
  });
});
