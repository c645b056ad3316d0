import { describe, expect, it } from 'vitest';
import { createHouseholdGenerator, defaultNonTakeUp, type NonTakeUpRates } from './household-generator.ts';
import { parseMonth } from './months.ts';
import { finishRates, newRates, tally } from './synthesise.ts';

describe('non-take-up', () => {
  it('matches the intended rate of every benefit among the truly entitled', () => {
    const generator = createHouseholdGenerator({
      seed: 'rates',
      asOf: parseMonth('2026-10')!,
      noiseRate: 0.1,
      nonTakeUp: defaultNonTakeUp,
    });
    const rates = newRates();
    for (let persons = 0; persons < 60_000; ) {
      const h = generator.next(60_000 - persons);
      tally(rates, h);
      persons += h.adults.length + h.children.length;
    }
    const realised = finishRates(rates);
    for (const key of Object.keys(defaultNonTakeUp) as (keyof NonTakeUpRates)[]) {
      const { entitled, rate } = realised[key];
      const p = defaultNonTakeUp[key];
      // C2S counts persons, drawn by household: allow for the clustering with a wider band.
      const sd = Math.sqrt((p * (1 - p)) / entitled) * (key.startsWith('c2s') ? 2 : 1);
      expect(entitled, key).toBeGreaterThan(400);
      expect(Math.abs(rate! - p), key).toBeLessThan(Math.max(4 * sd, 0.01));
    }
    // Overall C2S, near the 44 % DREES measured before RSA recipients got it automatically.
    expect(realised.c2s.rate).toBeGreaterThan(0.3);
    expect(realised.c2s.rate).toBeLessThan(0.45);
  });
});
