import { describe, expect, it } from 'vitest';
import { euros, roundCents } from './money.ts';

describe('roundCents', () => {
  it('rounds to the nearest cent, halves away from zero', () => {
    expect(roundCents(633.9946)).toBe(633.99);
    expect(roundCents(246.767)).toBe(246.77);
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(0.125)).toBe(0.13);
    expect(roundCents(-0.125)).toBe(-0.13);
  });
});

describe('euros', () => {
  it('writes amounts the French way', () => {
    expect(euros(1234.5)).toBe('1\u202f234,50\u00a0€');
    expect(euros(6)).toBe('6,00\u00a0€');
  });
});
