import { nirKey } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import type { Benefit } from './ground-truth.ts';
import { type Household, members } from './household.ts';
import { createHouseholdGenerator, defaultNonTakeUp } from './household-generator.ts';
import { age } from './household-rules.ts';
import { parseMonth } from './months.ts';
import {
  createEvolution,
  defaultMonthlyRates,
  type MonthlyRates,
  type OpenBenefits,
  type Resident,
  recomputeEntitlements,
  resident,
} from './months-evolution.ts';

const first = parseMonth('2026-10')!;

function population(seed: string, persons: number): Resident[] {
  const generator = createHouseholdGenerator({
    seed,
    asOf: first,
    noiseRate: 0.1,
    nonTakeUp: defaultNonTakeUp,
  });
  const residents: Resident[] = [];
  for (let n = 0; n < persons; ) {
    const h = generator.next(persons - n);
    residents.push(resident(h));
    n += members(h).length;
  }
  return residents;
}

const none: OpenBenefits = new Map();
const snapshot = (residents: Resident[]) => JSON.stringify(residents);
const within = (realised: { events: number; of: number; rate: number | null }, p: number) => {
  expect(realised.of).toBeGreaterThan(300);
  expect(Math.abs(realised.rate! - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / realised.of));
};

describe('months evolution', () => {
  it('is determined by the seed', () => {
    const run = (seed: string) => {
      const residents = population('evolution', 3000);
      const evolution = createEvolution(seed, defaultMonthlyRates);
      for (let m = first + 1; m <= first + 3; m++) evolution.evolve(m, residents, () => none);
      return snapshot(residents);
    };
    expect(run('a')).toBe(run('a'));
    expect(run('a')).not.toBe(run('b'));
  });

  it('realises the stated rates of moves, job changes, births and take-ups', () => {
    const rates: MonthlyRates = {
      takeUp: 0.1,
      takeUpContacted: 0.4,
      contactShare: 0.3,
      moveOut: 0.05,
      jobChange: 0.1,
      birth: 0.08,
    };
    const residents = population('rates', 8000);
    // Every household has an open RSA case, contacted in one household out of three.
    const open = (r: Resident): OpenBenefits =>
      new Map([['rsa' as Benefit, { contacted: r.household.index % 3 === 0, tenancy: false }]]);
    const month = createEvolution('rates', rates).evolve(first + 1, residents, open);
    within(month.realised.moveOut, rates.moveOut);
    within(month.realised.jobChange, rates.jobChange);
    within(month.realised.birth, rates.birth);
    within(month.realised.takeUp, rates.takeUp);
    within(month.realised.takeUpContacted, rates.takeUpContacted);
    expect(month.events.move_out).toBe(residents.filter((r) => r.movedOut).length);
    expect((month.events.job_found ?? 0) + (month.events.job_lost ?? 0)).toBe(
      month.realised.jobChange.events,
    );
  });

  it('gives a newborn a NIR of its own, the family name of its siblings or parents, and a place in the family', () => {
    const residents = population('births', 4000);
    const before = new Map(residents.map((r) => [r.household, r.household.children.length]));
    const nirs = new Set(residents.flatMap((r) => members(r.household).map((p) => p.identity.nir)));
    const rates = { ...defaultMonthlyRates, moveOut: 0, birth: 0.3 };
    const month = first + 1;
    const evolved = createEvolution('births', rates).evolve(month, residents, () => none);
    const born = residents.filter((r) => r.household.children.length > before.get(r.household)!);
    expect(born.length).toBe(evolved.events.birth);
    for (const { household: h } of born) {
      const baby = h.children.at(-1)!;
      expect(baby.birthMonth).toBe(month);
      expect(baby.birthDate.startsWith('2026-11-')).toBe(true);
      expect(nirs.has(baby.identity.nir)).toBe(false);
      nirs.add(baby.identity.nir);
      expect(baby.identity.nir.slice(0, 13)).toBe(baby.identity.nir13);
      expect(Number(baby.identity.nir.slice(13))).toBe(nirKey(baby.identity.nir13));
      const names = members(h).map((p) => p.identity.familyName);
      expect(names.slice(0, -1)).toContain(baby.identity.familyName);
      if (h.adults.length === 1) expect(h.singleParentIncrease).toBe(true);
    }
  });

  it('takes a tenancy unknown to the CAF into a CAF dossier with RSA', () => {
    const residents = population('tenancy', 6000);
    const unknown = residents.filter(
      (r) => r.household.socialTenant && r.household.scheme === 'general' && !r.household.inCaf,
    );
    expect(unknown.length).toBeGreaterThan(10);
    const open = (r: Resident): OpenBenefits =>
      unknown.includes(r) ? new Map([['rsa' as Benefit, { contacted: true, tenancy: true }]]) : none;
    const rates = { ...defaultMonthlyRates, moveOut: 0, jobChange: 0, birth: 0, takeUpContacted: 1 };
    createEvolution('tenancy', rates).evolve(first + 1, residents, open);
    for (const { household: h } of unknown) {
      expect(h.inCaf).toBe(true);
      expect(h.familyId).toBe(String(90_000_000 + h.index));
      // Received while due; stopped at once by the recomputation otherwise.
      expect(h.rsa).toBe(h.entitled.rsa);
    }
    expect(unknown.some((r) => r.household.rsa)).toBe(true);
  });

  it('stops a benefit no longer due and counts ASPA in the resources', () => {
    const residents = population('stops', 6000);
    const month = first + 1;
    const rsa = residents.find((r) => r.household.rsa)!;
    rsa.household.adults[0]!.activityIncome += 5000;
    const events: Record<string, number> = {};
    recomputeEntitlements(month, rsa, events);
    expect(rsa.household.rsa).toBe(false);
    expect(events.stop_rsa).toBe(1);

    const aspa = residents.find((r) => r.household.aspaAmount > 0)!;
    const h: Household = aspa.household;
    const own = h.adults.reduce((s, a) => s + a.activityIncome + a.otherIncome + a.pension, 0);
    recomputeEntitlements(month, aspa);
    expect(h.resources).toBeCloseTo(own + aspa.familyBenefits + h.aspaAmount, 2);
    expect(h.adults.filter((a) => age(month, a) >= 65).every((a) => a.aspa)).toBe(true);
    h.adults[0]!.pension += 3000;
    recomputeEntitlements(month, aspa);
    expect([h.aspaAmount, h.adults.some((a) => a.aspa)]).toEqual([0, false]);
  });
});
