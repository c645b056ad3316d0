// How a generated population lives from one month to the next: some households move out of the
// territory, adults find or lose a job, children are born, everyone ages with the calendar, and
// households with an open case take the benefit up (more often after a contact). The true
// entitlements are then recomputed with the month's legal parameters, and a benefit no longer due
// stops. Every draw of a household in a month comes from its own stream (seed, month, household),
// so a month never depends on how many months follow it.

import { type CampaignMembership, ordinaryTakeUp, responds } from './campaign.ts';
import { aspaCeilings, c2sAnnualResources, c2sCeilings, ppaAmount, rsaAmount } from './entitlements.ts';
import type { Benefit } from './ground-truth.ts';
import type { Household, Person } from './household.ts';
import {
  adultActivity,
  age,
  c2sView,
  familyUnit,
  ppaActivityCondition,
  rsaAgeCondition,
} from './household-rules.ts';
import { createIdentityRegistry, type IdentityRegistry } from './identity.ts';
import { fixed } from './legal-parameters.ts';
import { thresholdTooClose } from './margins.ts';
import { daysInMonth, formatMonth } from './months.ts';
import { drawGivenNames, drawPool, syllableFamilyName } from './names.ts';
import { createRng, type Rng } from './prng.ts';
import { birthplaces } from './territory.ts';

/** Monthly probabilities of the changes (stated in the manifest). */
export type MonthlyRates = {
  /** A household with an open case of a benefit starts receiving it. */
  takeUp: number;
  /** The same, when the case was in the previous month's contacts. */
  takeUpContacted: number;
  /** Share of the open cases the territory team contacts each month. */
  contactShare: number;
  /** A household leaves the territory. */
  moveOut: number;
  /** An adult of working age without a pension finds a job, or loses the one held. */
  jobChange: number;
  /** A household with a woman aged 18 to 44 has a child. */
  birth: number;
};

export const defaultMonthlyRates: MonthlyRates = {
  takeUp: 0.06,
  takeUpContacted: 0.25,
  contactShare: 0.3,
  moveOut: 0.01,
  jobChange: 0.03,
  birth: 0.005,
};

/** A household over months: absent from every extract once moved out. */
export type Resident = {
  household: Household;
  movedOut: boolean;
  /** The family benefits in household_resources, which follow the number of children under 20. */
  familyBenefits: number;
};

/** The benefits a household has an open case of after the previous month, and whether it was contacted. */
export type OpenBenefits = ReadonlyMap<
  Benefit,
  { contacted: boolean; tenancy: boolean; campaign?: CampaignMembership | undefined }
>;

export type MonthEvolution = {
  /** Events by kind: moves, jobs, births, take-ups and stops by benefit, birthdays that matter. */
  events: Record<string, number>;
  /** Each stated rate as realised: its events among those exposed to it. */
  realised: Record<
    Exclude<keyof MonthlyRates, 'contactShare'>,
    { events: number; of: number; rate: number | null }
  >;
  /** Incomes drawn again because the new amounts fell within the margin of a threshold (margins.ts). */
  redraws: Record<string, number>;
};

export type Evolution = {
  /** Moves every resident from month − 1 to `month`, in place. */
  evolve(month: number, residents: readonly Resident[], open: (r: Resident) => OpenBenefits): MonthEvolution;
};

const round2 = (x: number): number => Math.round(x * 100) / 100;
const benefits: readonly Benefit[] = ['rsa', 'ppa', 'c2s', 'aspa'];
const WORKING_AGE: readonly [number, number] = [18, 62];
const BIRTH_AGE: readonly [number, number] = [18, 45];
// Dossiers opened after the first month: a number range the generator's dossiers never reach.
const NEW_CAF_DOSSIER = 90_000_000;
const INCOME_DRAWS = 20;

/** Allocations familiales by children under 20, at the rounded amounts household-draw.ts counts. */
export function familyAllowances(children: number): number {
  return children === 2 ? 151.05 : children >= 3 ? 344.59 + 193.53 * (children - 3) : 0;
}

/** The adults' own incomes and pensions: what the ASPA resource test reads. */
export const ownIncome = (h: Household): number =>
  round2(h.adults.reduce((sum, a) => sum + a.activityIncome + a.otherIncome + a.pension, 0));

/** A household of the generator's first month, with the family benefits its resources hold. */
export function resident(h: Household): Resident {
  return {
    household: h,
    movedOut: false,
    familyBenefits: Math.max(0, round2(h.resources - h.aspaAmount - ownIncome(h))),
  };
}

/** ASPA the household would get in `month` if it claimed (as the generator computes it). */
function aspaIfClaimed(month: number, h: Household, own: number): number {
  if (!h.adults.some((a) => age(month, a) >= fixed.aspaAge)) return 0;
  const { single, couple } = aspaCeilings(month);
  const ceiling = h.adults.length === 1 ? single : couple;
  return 12 * own < ceiling ? round2(ceiling / 12 - own) : 0;
}

const count = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * The true entitlements in `month` with its parameters, the ASPA amount and the resources that
 * count it; a benefit received but no longer due stops.
 */
export function recomputeEntitlements(month: number, r: Resident, events: Record<string, number> = {}): void {
  const h = r.household;
  const own = ownIncome(h);
  const aspa = aspaIfClaimed(month, h, own);
  h.entitled.aspa = aspa > 0;
  if (h.aspaAmount > 0 && aspa === 0) count(events, 'stop_aspa');
  h.aspaAmount = h.aspaAmount > 0 ? aspa : 0;
  for (const a of h.adults) a.aspa = h.aspaAmount > 0 && age(month, a) >= fixed.aspaAge;
  h.resources = round2(own + r.familyBenefits + h.aspaAmount);
  h.declaredResources = Math.round(h.resources);
  if (h.carsatResources !== null) h.carsatResources = own;

  const unit = familyUnit(h);
  h.entitled.rsa = rsaAgeCondition(month, h) && rsaAmount(month, unit) >= fixed.rsaMinimum;
  h.entitled.ppa =
    ppaActivityCondition(month, h) && ppaAmount(month, unit, adultActivity(h)).mean >= fixed.ppaMinimum;
  if (h.rsa && !h.entitled.rsa) {
    h.rsa = false;
    count(events, 'stop_rsa');
  }
  if (h.ppa && !h.entitled.ppa) {
    h.ppa = false;
    count(events, 'stop_ppa');
  }
  const view = c2sView(h);
  const annual = c2sAnnualResources(month, view);
  const ceilings = c2sCeilings(month, view);
  h.entitled.c2s =
    annual <= ceilings.free ? 'free' : annual <= ceilings.participation ? 'participation' : 'none';
  if (h.c2s !== 'none') {
    if (!h.rsa && h.entitled.c2s === 'none' && h.aspaAmount === 0) {
      h.c2s = 'none';
      h.c2sUntil = null;
      count(events, 'stop_c2s');
    } else if (h.c2sUntil !== null && h.c2sUntil < month) {
      // Renewed for a year, as a household still entitled is.
      h.c2sUntil += 12;
    }
  }
}

export function createEvolution(seed: string, rates: MonthlyRates): Evolution {
  // Newborns' NIRs and (birth date, family name) pairs, by birth month: the generator's persons are
  // all born by the first month, and a month's births never depend on later months.
  const registries = new Map<number, IdentityRegistry>();
  const registryOf = (month: number): IdentityRegistry => {
    let registry = registries.get(month);
    if (!registry) {
      registry = createIdentityRegistry();
      registries.set(month, registry);
    }
    return registry;
  };

  function joinCaf(h: Household, events: Record<string, number>): void {
    if (h.scheme !== 'general' || h.inCaf) return;
    h.inCaf = true;
    h.familyId = String(NEW_CAF_DOSSIER + h.index);
    count(events, 'joined_caf');
  }

  function takeUp(
    month: number,
    h: Household,
    benefit: Benefit,
    tenancy: boolean,
    events: Record<string, number>,
  ) {
    count(events, `take_up_${benefit}`);
    switch (benefit) {
      case 'rsa':
        if (tenancy) joinCaf(h, events);
        h.rsa = true;
        return;
      case 'ppa':
        h.ppa = true;
        return;
      case 'c2s':
        h.c2s = h.rsa || h.entitled.c2s === 'free' ? 'free' : 'participation';
        h.c2sUntil = month + 11;
        return;
      case 'aspa':
        h.aspaAmount = aspaIfClaimed(month, h, ownIncome(h));
    }
  }

  /** A job lost (unemployment benefit for most) or found; drawn again while too close to a threshold. */
  function changeJob(month: number, rng: Rng, r: Resident, adult: Person, evolution: MonthEvolution): void {
    const h = r.household;
    const working = adult.activityIncome > 0;
    const before = { activityIncome: adult.activityIncome, otherIncome: adult.otherIncome };
    for (let draw = 0; draw < INCOME_DRAWS; draw++) {
      if (working) {
        adult.activityIncome = 0;
        adult.otherIncome = round2(before.otherIncome + (rng.chance(0.7) ? 0.57 * before.activityIncome : 0));
      } else {
        adult.activityIncome = round2(rng.uniform(450, 2500));
        if (!adult.aah) adult.otherIncome = 0;
      }
      const own = ownIncome(h);
      const aspa = aspaIfClaimed(month, h, own);
      const tooClose = thresholdTooClose(
        month,
        h,
        round2(own + r.familyBenefits),
        own,
        aspa > 0 ? [0, aspa] : [0],
      );
      if (!tooClose) break;
      count(evolution.redraws, tooClose);
    }
    count(evolution.events, working ? 'job_lost' : 'job_found');
  }

  function newborn(month: number, rng: Rng, h: Household): Person {
    const registry = registryOf(month);
    const sex: 1 | 2 = rng.chance(0.5) ? 1 : 2;
    const days = daysInMonth(month);
    const birthDate = (day: number) => `${formatMonth(month)}-${String(day).padStart(2, '0')}`;
    let date = birthDate(rng.int(1, days));
    const father = h.adults.find((a) => a.sex === 1) ?? h.adults[0]!;
    let familyName = (h.children[0] ?? (h.adults.length === 2 ? father : h.adults[0]!)).identity.familyName;
    if (!registry.claim(date, familyName)) {
      const free = Array.from({ length: days }, (_, d) => birthDate(d + 1)).find((d) =>
        registry.claim(d, familyName),
      );
      if (free) date = free;
      else {
        do familyName = syllableFamilyName(rng);
        while (!registry.claim(date, familyName));
      }
    }
    const overseas = h.commune.startsWith('97');
    let nir = registry.nir(rng, sex, date, overseas ? birthplaces.reunion(rng) : birthplaces.local(rng));
    for (let tries = 0; !nir; tries++) {
      if (tries > 100) throw new Error('no NIR order number left for this birth month');
      const place = tries < 10 ? birthplaces.metropolitan(rng) : birthplaces.abroad(rng);
      nir = registry.nir(rng, sex, date, place);
    }
    const pool = drawPool[overseas ? 'overseas' : 'metropolitan'](rng);
    return {
      sex,
      birthDate: date,
      birthMonth: month,
      role: 'enfant',
      activityIncome: 0,
      otherIncome: 0,
      aah: false,
      pension: 0,
      aspa: false,
      inHealth: h.scheme === 'agricultural' || rng.chance(0.94),
      identity: {
        ...nir,
        familyName,
        givenNames: drawGivenNames(rng, sex, Math.floor(month / 12), pool),
      },
      landlord: null,
      pseudo: '',
    };
  }

  const childrenUnder20 = (month: number, h: Household): number =>
    h.children.filter((c) => age(month, c) < 20).length;

  function evolveOne(
    month: number,
    r: Resident,
    open: OpenBenefits,
    evolution: MonthEvolution,
    exposed: Record<string, { events: number; of: number }>,
  ): void {
    const h = r.household;
    const rng = createRng(seed, `month ${formatMonth(month)} household ${h.index}`);
    const events = evolution.events;
    exposed.moveOut!.of++;
    if (rng.chance(rates.moveOut)) {
      r.movedOut = true;
      exposed.moveOut!.events++;
      count(events, 'move_out');
      return;
    }

    for (const benefit of benefits) {
      const c = open.get(benefit);
      if (!c) continue;
      // A campaign's cohort takes up as the campaign has it (campaign.ts), never by the ordinary contacts.
      const contacted = c.contacted && !c.campaign;
      const rate = contacted ? exposed.takeUpContacted! : exposed.takeUp!;
      rate.of++;
      const drawn = rng.chance(contacted ? rates.takeUpContacted : rates.takeUp);
      if (ordinaryTakeUp(c.campaign, drawn)) {
        rate.events++;
        takeUp(month, h, benefit, c.tenancy, events);
      }
    }

    for (const a of h.adults) {
      if (age(month, a) === fixed.rsaAge && age(month - 1, a) < fixed.rsaAge) count(events, 'turned_25');
      if (age(month, a) === fixed.aspaAge && age(month - 1, a) < fixed.aspaAge) count(events, 'turned_65');
    }
    const under20Before = childrenUnder20(month - 1, h);
    const under20 = childrenUnder20(month, h);
    for (let i = under20; i < under20Before; i++) count(events, 'child_turned_20');

    for (const a of h.adults) {
      const years = age(month, a);
      if (a.pension > 0 || years < WORKING_AGE[0] || years >= WORKING_AGE[1]) continue;
      exposed.jobChange!.of++;
      if (rng.chance(rates.jobChange)) {
        exposed.jobChange!.events++;
        changeJob(month, rng, r, a, evolution);
      }
    }

    const mother = h.adults.some((a) => {
      const years = age(month, a);
      return a.sex === 2 && years >= BIRTH_AGE[0] && years < BIRTH_AGE[1];
    });
    let children = under20;
    if (mother) {
      exposed.birth!.of++;
      if (rng.chance(rates.birth)) {
        exposed.birth!.events++;
        count(events, 'birth');
        h.children.push(newborn(month, rng, h));
        children++;
        if (h.adults.length === 1) h.singleParentIncrease = true;
        // Most families with a newborn claim the PAJE: the CAF then knows them.
        if (rng.chance(0.8)) joinCaf(h, events);
      }
    }
    r.familyBenefits = Math.max(
      0,
      round2(r.familyBenefits + familyAllowances(children) - familyAllowances(under20Before)),
    );
    recomputeEntitlements(month, r, events);
    for (const [benefit, c] of open) {
      // Housing aid is not simulated over months (--landlord-v2 is refused with --months).
      if (benefit === 'housing_aid') continue;
      const entitled = benefit === 'c2s' ? h.entitled.c2s !== 'none' : h.entitled[benefit];
      if (!responds(c.campaign, month, entitled)) continue;
      count(events, `campaign_complier_${c.campaign!.arm}`);
      if (c.campaign!.arm === 'contact') takeUp(month, h, benefit, c.tenancy, events);
    }
  }

  return {
    evolve(month, residents, open) {
      const exposed = {
        takeUp: { events: 0, of: 0 },
        takeUpContacted: { events: 0, of: 0 },
        moveOut: { events: 0, of: 0 },
        jobChange: { events: 0, of: 0 },
        birth: { events: 0, of: 0 },
      };
      const evolution: MonthEvolution = {
        events: {},
        realised: {} as MonthEvolution['realised'],
        redraws: {},
      };
      for (const r of residents) {
        if (!r.movedOut) evolveOne(month, r, open(r), evolution, exposed);
      }
      evolution.events = sortedCounts(evolution.events);
      evolution.redraws = sortedCounts(evolution.redraws);
      for (const [key, e] of Object.entries(exposed)) {
        evolution.realised[key as keyof MonthEvolution['realised']] = {
          ...e,
          rate: e.of === 0 ? null : Math.round((e.events / e.of) * 10_000) / 10_000,
        };
      }
      return evolution;
    },
  };
}

export const sortedCounts = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
