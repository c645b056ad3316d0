// Turns drawn situations into complete households: who claims what (at the stated non-take-up
// rates), which partners know them, their names and NIRs, and the landlord's copy of tenants'
// identities. Sequential and seeded: the same seed gives the same households in the same order.

import {
  aspaCeilings,
  c2sAnnualResources,
  c2sCeilings,
  isOverseas,
  ppaAmount,
  rsaAmount,
} from './entitlements.ts';
import type { C2sStatus, Household, Person } from './household.ts';
import { type Draft, drawHousehold } from './household-draw.ts';
import {
  adultActivity,
  age,
  c2sView,
  familyUnit,
  ppaActivityCondition,
  rsaAgeCondition,
} from './household-rules.ts';
import { createIdentityRegistry } from './identity.ts';
import { landlordIdentity } from './identity-noise.ts';
import { fixed } from './legal-parameters.ts';
import { thresholdTooClose } from './margins.ts';
import {
  drawFamilyName,
  drawGivenNames,
  drawPool,
  type NameModel,
  type NamePool,
  syllableFamilyName,
} from './names.ts';
import { createRng } from './prng.ts';
import { birthplaces } from './territory.ts';

/** Share of the truly entitled who do not claim (DOMAIN.md §9). */
export type NonTakeUpRates = {
  rsa: number;
  ppa: number;
  aspa: number;
  /** C2S, households under the free ceiling that do not get RSA. */
  c2sFree: number;
  /** C2S, households between the free and the participation ceilings (ASPA recipients among them). */
  c2sParticipation: number;
  /** C2S among RSA recipients, who get it automatically unless they opt out. */
  c2sWithRsa: number;
};

// RSA 34 % (DREES 2022); PPA has no reliable estimate, 30 % is within the published range;
// ASPA 50 % (DREES 2022); C2S 31 % free and 67 % with participation (DREES 2022), with the
// automatic attribution to RSA recipients since 2022 leaving few of them without.
export const defaultNonTakeUp: NonTakeUpRates = {
  rsa: 0.34,
  ppa: 0.3,
  aspa: 0.5,
  c2sFree: 0.31,
  c2sParticipation: 0.67,
  c2sWithRsa: 0.05,
};

export type GeneratorOptions = {
  seed: string;
  asOf: number;
  /** Share of landlord rows whose identity is noisy. */
  noiseRate: number;
  nonTakeUp: NonTakeUpRates;
  /**
   * `realistic`: long-tailed family names with compound ones, and the landlord noise of the
   * realistic mix (identity-noise.ts); `v1` (the default) keeps the territories of before.
   */
  identityModel?: NameModel;
};

export type HouseholdGenerator = {
  /** The next household, of at most `maxPersons` persons. */
  next(maxPersons: number): Household;
  /** Households drawn again because an amount fell too close to a threshold, by threshold. */
  readonly redraws: Readonly<Record<string, number>>;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function createHouseholdGenerator(options: GeneratorOptions): HouseholdGenerator {
  const { asOf, nonTakeUp } = options;
  const model = options.identityModel ?? 'v1';
  const rng = createRng(options.seed, 'households');
  // A stream of its own, so that drawing it leaves every other draw of a seed as it was.
  const carsatRng = createRng(options.seed, 'carsat-partner');
  const registry = createIdentityRegistry();
  const redraws: Record<string, number> = {};
  let index = 0;
  let cafNumber = 1_000_000 + rng.int(0, 99_999);
  let msaNumber = rng.int(0, 99_999);
  let tenancyNumber = rng.int(0, 9_999);

  /**
   * ASPA the household would get if it claimed: the ceiling minus the adults' own resources, at
   * most the single amount when only one partner of a couple is 65 or more.
   */
  function aspaIfClaimed(draft: Draft): number {
    const h = draft.household;
    const eligible = h.adults.filter((a) => age(asOf, a) >= fixed.aspaAge).length;
    if (eligible === 0) return 0;
    const { single, couple } = aspaCeilings(asOf);
    const ceiling = h.adults.length === 1 ? single : couple;
    if (12 * draft.aspaResources >= ceiling) return 0;
    const aspa = ceiling / 12 - draft.aspaResources;
    return round2(h.adults.length === 2 && eligible === 1 ? Math.min(aspa, single / 12) : aspa);
  }

  function claim(draft: Draft, aspa: number): void {
    const h = draft.household;
    h.entitled.aspa = aspa > 0;
    if (aspa > 0 && !rng.chance(nonTakeUp.aspa)) {
      h.aspaAmount = aspa;
      for (const a of h.adults) a.aspa = age(asOf, a) >= fixed.aspaAge;
    }
    h.resources = round2(draft.baseResources + h.aspaAmount);
    h.declaredResources = Math.round(h.resources);
    const unit = familyUnit(h);
    h.entitled.rsa = rsaAgeCondition(asOf, h) && rsaAmount(asOf, unit) >= fixed.rsaMinimum;
    h.entitled.ppa =
      ppaActivityCondition(asOf, h) && ppaAmount(asOf, unit, adultActivity(h)).mean >= fixed.ppaMinimum;
    // One draw for both: a household that claims the one usually claims the other.
    const u = rng.next();
    h.rsa = h.entitled.rsa && u >= nonTakeUp.rsa;
    h.ppa = h.entitled.ppa && u >= nonTakeUp.ppa;

    const view = c2sView(h);
    const annual = c2sAnnualResources(asOf, view);
    const ceilings = c2sCeilings(asOf, view);
    h.entitled.c2s =
      annual <= ceilings.free ? 'free' : annual <= ceilings.participation ? 'participation' : 'none';
    let status: C2sStatus = 'none';
    if (h.rsa) status = rng.chance(nonTakeUp.c2sWithRsa) ? 'none' : 'free';
    else if (h.entitled.c2s === 'free') status = rng.chance(nonTakeUp.c2sFree) ? 'none' : 'free';
    else if (h.entitled.c2s === 'participation') {
      status = rng.chance(nonTakeUp.c2sParticipation) ? 'none' : 'participation';
    }
    h.c2s = status;
    h.c2sUntil = status === 'none' ? null : asOf + rng.int(0, 11);
  }

  function placePartners(draft: Draft): void {
    const h = draft.household;
    const familyBenefits = draft.baseResources > draft.aspaResources;
    // Entitled households that claim neither RSA nor PPA are less often known to the CAF at all:
    // the landlord's tenant file is then the only trace of them (RSA.UNKNOWN_TO_CAF).
    const shy = (h.entitled.rsa || h.entitled.ppa) && !h.rsa && !h.ppa;
    if (h.scheme === 'general') {
      const workingAge = h.adults.some((a) => age(asOf, a) < 62);
      h.inCaf =
        h.rsa ||
        h.ppa ||
        h.housingAid ||
        familyBenefits ||
        h.adults.some((a) => a.aah) ||
        rng.chance(
          h.children.length > 0 ? 0.8 : h.singleParentIncrease ? 0.9 : workingAge ? (shy ? 0.1 : 0.33) : 0.03,
        );
      for (const p of [...h.adults, ...h.children]) p.inHealth = rng.chance(0.94);
      if (h.adults.some((a) => a.pension > 0) && rng.chance(h.adults.length === 2 ? 0.65 : 0.3)) {
        h.carsatResources = draft.aspaResources;
      }
      // partner_birth_ym is optional: most CARSAT rows of couples state it.
      h.carsatStatesPartner = h.adults.length === 2 && carsatRng.chance(0.8);
    }
    if (h.scheme === 'agricultural') {
      msaNumber += rng.int(1, 9);
      h.familyId = `${h.commune.slice(0, 2)}${String(msaNumber).padStart(8, '0')}`;
    } else if (h.inCaf) {
      cafNumber += rng.int(1, 9);
      h.familyId = String(cafNumber);
    }
    if (h.socialTenant) {
      tenancyNumber += rng.int(1, 5);
      h.tenancyId = `BAIL-${String(tenancyNumber).padStart(7, '0')}`;
    }
  }

  function birthplace(pool: NamePool, overseas: boolean, child: boolean): string {
    const x = rng.next();
    if (overseas) {
      if (child || x < 0.85) return birthplaces.reunion(rng);
      return x < 0.93 || pool !== 'migrant' ? birthplaces.metropolitan(rng) : birthplaces.abroad(rng);
    }
    if (pool === 'migrant' && !child && x < 0.6) return birthplaces.abroad(rng);
    if (child || x < 0.55) return birthplaces.local(rng);
    return x < 0.97 ? birthplaces.metropolitan(rng) : birthplaces.abroad(rng);
  }

  function giveIdentity(p: Person, familyName: string, pool: NamePool, overseas: boolean): void {
    let nir = registry.nir(rng, p.sex, p.birthDate, birthplace(pool, overseas, p.role === 'enfant'));
    for (let tries = 0; !nir; tries++) {
      nir = registry.nir(
        rng,
        p.sex,
        p.birthDate,
        tries < 10 ? birthplace(pool, overseas, false) : birthplaces.abroad(rng),
      );
      if (tries > 100) throw new Error('no NIR order number left for this birth month');
    }
    p.identity = {
      ...nir,
      familyName,
      givenNames: drawGivenNames(rng, p.sex, Number(p.birthDate.slice(0, 4)), pool),
    };
  }

  /** A birth family name no one born the same day already has. */
  function uniqueFamilyName(p: Person, pool: NamePool): string {
    for (let tries = 0; ; tries++) {
      const name = tries < 3 ? drawFamilyName(rng, pool, model) : syllableFamilyName(rng);
      if (registry.claim(p.birthDate, name)) return name;
    }
  }

  function name(draft: Draft): void {
    const h = draft.household;
    const overseas = isOverseas(h.commune);
    const pools = h.adults.map((_, i) =>
      i === 0 || rng.chance(0.6) ? draft.pool : drawPool.metropolitan(rng),
    );
    const adultNames = h.adults.map((a, i) => uniqueFamilyName(a, pools[i]!));
    for (const [i, a] of h.adults.entries()) giveIdentity(a, adultNames[i]!, pools[i]!, overseas);
    const father = h.adults.findIndex((a) => a.sex === 1);
    const childName =
      h.adults.length === 2
        ? rng.chance(0.85)
          ? adultNames[father === -1 ? 0 : father]!
          : adultNames[father === 1 ? 0 : 1]!
        : rng.chance(0.7)
          ? adultNames[0]!
          : drawFamilyName(rng, draft.pool, model);
    for (const c of h.children) {
      // Siblings born the same day (twins) would share the pair: move the birth within its month,
      // or, for the commonest names once a month is full, give the child a name of its own.
      let name = childName;
      if (!registry.claim(c.birthDate, name)) {
        const month = c.birthDate.slice(0, 8);
        const day = Array.from({ length: 28 }, (_, d) => `${month}${String(d + 1).padStart(2, '0')}`).find(
          (date) => registry.claim(date, name),
        );
        if (day) c.birthDate = day;
        else name = uniqueFamilyName(c, draft.pool);
      }
      giveIdentity(c, name, draft.pool, overseas);
    }
    if (h.socialTenant) {
      for (const [i, a] of h.adults.entries()) {
        const spouse = h.adults[1 - i];
        // A woman may use the name of the spouse who shares the lease.
        const usageName = spouse && a.sex === 2 ? spouse.identity.familyName : null;
        a.landlord = landlordIdentity(rng, a.identity, options.noiseRate, usageName, model);
      }
    }
  }

  return {
    redraws,
    next(maxPersons) {
      for (;;) {
        const draft = drawHousehold(rng, asOf, index);
        const h = draft.household;
        if (h.adults.length + h.children.length > maxPersons) continue;
        const aspa = aspaIfClaimed(draft);
        const tooClose = thresholdTooClose(
          asOf,
          h,
          draft.baseResources,
          draft.aspaResources,
          aspa > 0 ? [0, aspa] : [0],
        );
        if (tooClose) {
          redraws[tooClose] = (redraws[tooClose] ?? 0) + 1;
          continue;
        }
        claim(draft, aspa);
        placePartners(draft);
        name(draft);
        index++;
        return h;
      }
    },
  };
}
