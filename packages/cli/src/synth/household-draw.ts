// Draws the situation of one household before anyone claims anything: where it lives, who lives
// in it, what each adult earns or draws as pension, its housing and housing aid. Shares are orders
// of magnitude for France (INSEE household types, tenure by income, poverty higher overseas and
// among single parents), tuned so that every rule of fr.v1 has both claimants and non-claimants.

import type { Household, Housing, Person, Role } from './household.ts';
import { daysInMonth, formatMonth } from './months.ts';
import type { NamePool } from './names.ts';
import { drawPool } from './names.ts';
import { type Rng, weighted } from './prng.ts';
import { type Commune, drawCommune } from './territory.ts';

export type HouseholdKind =
  | 'young_single'
  | 'single'
  | 'single_parent'
  | 'couple'
  | 'couple_children'
  | 'elderly_single'
  | 'elderly_couple';

const drawKind = weighted<HouseholdKind>([
  ['young_single', 6],
  ['single', 19],
  ['single_parent', 8.5],
  ['couple', 12],
  ['couple_children', 22],
  ['elderly_single', 18],
  ['elderly_couple', 13],
]);

const childrenOfSingleParent = weighted([
  [1, 50],
  [2, 33],
  [3, 13],
  [4, 4],
]);
const childrenOfCouple = weighted([
  [1, 40],
  [2, 40],
  [3, 15],
  [4, 4],
  [5, 1],
]);

type IncomeClass = 'none' | 'low' | 'modest' | 'middle' | 'high';

const classWeights: Record<HouseholdKind, [IncomeClass, number][]> = {
  young_single: [
    ['none', 0.22],
    ['low', 0.3],
    ['modest', 0.26],
    ['middle', 0.19],
    ['high', 0.03],
  ],
  single: [
    ['none', 0.11],
    ['low', 0.12],
    ['modest', 0.21],
    ['middle', 0.38],
    ['high', 0.18],
  ],
  single_parent: [
    ['none', 0.2],
    ['low', 0.2],
    ['modest', 0.28],
    ['middle', 0.25],
    ['high', 0.07],
  ],
  couple: [
    ['none', 0.06],
    ['low', 0.08],
    ['modest', 0.16],
    ['middle', 0.44],
    ['high', 0.26],
  ],
  couple_children: [
    ['none', 0.06],
    ['low', 0.09],
    ['modest', 0.18],
    ['middle', 0.44],
    ['high', 0.23],
  ],
  // A spouse of an older person who is still of working age.
  elderly_single: [
    ['none', 0.2],
    ['low', 0.2],
    ['modest', 0.3],
    ['middle', 0.25],
    ['high', 0.05],
  ],
  elderly_couple: [
    ['none', 0.2],
    ['low', 0.2],
    ['modest', 0.3],
    ['middle', 0.25],
    ['high', 0.05],
  ],
};

// Poorer draws overseas (La Réunion) and in farming households.
function classDrawer(kind: HouseholdKind, overseas: boolean, agricultural: boolean) {
  return weighted(
    classWeights[kind].map(([c, w]): [IncomeClass, number] => {
      if (overseas && (c === 'none' || c === 'low')) return [c, w * 2.5];
      if (agricultural && (c === 'low' || c === 'modest')) return [c, w * 1.8];
      return [c, w];
    }),
  );
}
const classDrawers = new Map<string, ReturnType<typeof classDrawer>>();
function drawClass(rng: Rng, kind: HouseholdKind, overseas: boolean, agricultural: boolean): IncomeClass {
  const key = `${kind}|${overseas}|${agricultural}`;
  let drawer = classDrawers.get(key);
  if (!drawer) {
    drawer = classDrawer(kind, overseas, agricultural);
    classDrawers.set(key, drawer);
  }
  return drawer(rng);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A lognormal draw within [lo, hi], drawn again when outside (clamping would pile draws on the bounds). */
function lognormalWithin(rng: Rng, median: number, sigma: number, lo: number, hi: number): number {
  for (let i = 0; i < 50; i++) {
    const x = median * Math.exp(sigma * rng.normal());
    if (x >= lo && x <= hi) return x;
  }
  return rng.uniform(lo, hi);
}

// Ages at which a rule of fr.v1 changes its mind (18 PPA, 25 RSA, 65 ASPA): a person is never
// born in the month that reaches one, nor the month before, so that no reading of "age in whole
// years, months counted" can differ by one on the ground truth.
const AGE_THRESHOLDS = [18, 25, 65];

/** An age in months between two ages in years, kept clear of the rules' age thresholds. */
function adultAgeMonths(rng: Rng, minYears: number, maxYears: number): number {
  let months = rng.int(minYears * 12, maxYears * 12 + 11);
  for (const t of AGE_THRESHOLDS) {
    if (months === t * 12 - 1 || months === t * 12) months += months + 2 <= maxYears * 12 + 11 ? 2 : -2;
  }
  return months;
}

export type Draft = {
  household: Household;
  kind: HouseholdKind;
  pool: NamePool;
  /** household_resources before any ASPA is paid. */
  baseResources: number;
  /** The adults' own incomes and pensions: what the ASPA resource test reads. */
  aspaResources: number;
};

function person(rng: Rng, asOf: number, sex: 1 | 2, ageMonths: number, role: Role): Person {
  const birthMonth = asOf - ageMonths;
  const day = rng.int(1, daysInMonth(birthMonth));
  return {
    sex,
    birthDate: `${formatMonth(birthMonth)}-${String(day).padStart(2, '0')}`,
    birthMonth,
    role,
    activityIncome: 0,
    otherIncome: 0,
    aah: false,
    pension: 0,
    aspa: false,
    inHealth: true,
    identity: { nir: '', nir13: '', familyName: '', givenNames: '' },
    landlord: null,
    pseudo: '',
  };
}

const ageYears = (asOf: number, p: Person): number => Math.floor((asOf - p.birthMonth) / 12);

/** Earnings and replacement income of an adult of working age. */
function drawWorkingIncome(rng: Rng, p: Person, incomeClass: IncomeClass): void {
  if (rng.chance(0.025)) {
    p.aah = true;
    p.otherIncome = round2(rng.uniform(600, 1000));
    p.activityIncome = rng.chance(0.2) ? round2(rng.uniform(100, 500)) : 0;
    return;
  }
  switch (incomeClass) {
    case 'none':
      p.otherIncome = rng.chance(0.35) ? round2(rng.uniform(450, 1100)) : 0;
      return;
    case 'low':
      p.activityIncome = round2(rng.uniform(60, 750));
      p.otherIncome = rng.chance(0.2) ? round2(rng.uniform(150, 500)) : 0;
      return;
    case 'modest':
      p.activityIncome = round2(rng.uniform(750, 1550));
      return;
    case 'middle':
      p.activityIncome = round2(lognormalWithin(rng, 2100, 0.25, 1550, 3300));
      return;
    case 'high':
      p.activityIncome = round2(lognormalWithin(rng, 4000, 0.35, 3300, 12000));
  }
}

function drawPension(rng: Rng, p: Person, low: boolean): void {
  p.pension = low
    ? round2(rng.uniform(250, 990))
    : round2(lognormalWithin(rng, p.sex === 1 ? 1750 : 1350, 0.35, 1100, 6000));
}

// Family benefits as household_resources counts them (EXTRACTS.md), at rounded 2025 amounts:
// realism for the resources, not parameters of any rule.
function familyBenefits(rng: Rng, asOf: number, h: Household, incomeClass: IncomeClass): number {
  const n = h.children.length;
  if (n === 0) return 0;
  const ages = h.children.map((c) => ageYears(asOf, c));
  let total = n === 2 ? 151.05 : n >= 3 ? 344.59 + 193.53 * (n - 3) : 0;
  const modest = incomeClass === 'none' || incomeClass === 'low' || incomeClass === 'modest';
  if (Math.min(...ages) < 3 && incomeClass !== 'high') total += 198.16;
  if (n >= 3 && Math.min(...ages) >= 3 && modest) total += 196.16;
  if (h.adults.length === 1 && rng.chance(0.5)) total += 199.19 * n;
  return round2(total);
}

type Tenure = Housing | 'social';
const tenure = (entries: [Tenure, number][]) => weighted(entries);
const tenures = {
  elderly: tenure([
    ['proprietaire', 66],
    ['accedant', 4],
    ['locataire', 12],
    ['social', 14],
    ['heberge', 3],
    ['inconnu', 1],
  ]),
  young: tenure([
    ['heberge', 25],
    ['locataire', 45],
    ['social', 20],
    ['accedant', 2],
    ['proprietaire', 1],
    ['sans_domicile', 4],
    ['inconnu', 3],
  ]),
  poor: tenure([
    ['social', 38],
    ['locataire', 33],
    ['heberge', 12],
    ['accedant', 3],
    ['proprietaire', 5],
    ['sans_domicile', 5],
    ['inconnu', 4],
  ]),
  modest: tenure([
    ['social', 30],
    ['locataire', 36],
    ['accedant', 16],
    ['proprietaire', 10],
    ['heberge', 5],
    ['inconnu', 3],
  ]),
  middle: tenure([
    ['social', 12],
    ['locataire', 30],
    ['accedant', 38],
    ['proprietaire', 18],
    ['inconnu', 2],
  ]),
  high: tenure([
    ['social', 3],
    ['locataire', 25],
    ['accedant', 45],
    ['proprietaire', 27],
  ]),
  agricultural: tenure([
    ['proprietaire', 45],
    ['accedant', 20],
    ['locataire', 20],
    ['social', 5],
    ['heberge', 8],
    ['inconnu', 2],
  ]),
};

/** Housing, housing aid and, for social tenants, rent and arrears. */
function drawHousing(rng: Rng, h: Household, draft: Omit<Draft, 'household'>, commune: Commune): void {
  const persons = h.adults.length + h.children.length;
  const units = 1 + 0.5 * (h.adults.length - 1) + 0.3 * h.children.length;
  const perUnit = draft.baseResources / units;
  const elderly = draft.kind === 'elderly_single' || draft.kind === 'elderly_couple';
  const table =
    h.scheme === 'agricultural'
      ? tenures.agricultural
      : elderly
        ? tenures.elderly
        : draft.kind === 'young_single'
          ? tenures.young
          : perUnit < 900
            ? tenures.poor
            : perUnit < 1400
              ? tenures.modest
              : perUnit < 2300
                ? tenures.middle
                : tenures.high;
  let t = table(rng);
  // Fewer social flats in the periurban and rural communes: the others rent privately.
  if (t === 'social' && !rng.chance(Math.min(1, commune.socialHousing))) t = 'locataire';
  h.socialTenant = t === 'social';
  h.housing = t === 'social' ? 'locataire' : t;
  if (h.housing === 'locataire') {
    const p = perUnit < 850 ? 0.75 : perUnit < 1200 ? 0.55 : perUnit < 1600 ? 0.2 : 0;
    if (rng.chance(p)) {
      h.housingAid = true;
      const amount =
        320 + 70 * (persons - 1) - 0.3 * Math.max(0, draft.baseResources - 400) + 30 * rng.normal();
      // Aid tapers with resources; the smallest amounts still paid spread over a few tens of euros.
      h.housingAidAmount = round2(Math.min(600, Math.max(amount, rng.uniform(20, 60))));
      h.housingAidAmountStated = rng.chance(0.9);
    }
  }
  if (h.socialTenant) {
    h.rent = round2(rng.uniform(260, 420) + 55 * (persons - 1));
    h.arrearsMonths =
      perUnit < 900 ? (rng.chance(0.22) ? rng.int(1, 8) : 0) : rng.chance(0.04) ? rng.int(1, 3) : 0;
  }
}

/** One household's situation, before claims, pseudonyms and names. */
export function drawHousehold(rng: Rng, asOf: number, index: number): Draft {
  const commune = drawCommune(rng);
  const agricultural = rng.chance(commune.agricultural);
  const kind = drawKind(rng);
  const h: Household = {
    index,
    commune: commune.code,
    scheme: agricultural ? 'agricultural' : 'general',
    adults: [],
    children: [],
    singleParentIncrease: false,
    housing: 'inconnu',
    socialTenant: false,
    housingAid: false,
    housingAidAmount: 0,
    housingAidAmountStated: false,
    rent: 0,
    arrearsMonths: 0,
    resources: 0,
    declaredResources: 0,
    carsatResources: null,
    carsatStatesPartner: false,
    aspaAmount: 0,
    rsa: false,
    ppa: false,
    c2s: 'none',
    c2sUntil: null,
    inCaf: false,
    familyId: '',
    tenancyId: '',
    tenancyPseudo: '',
    landlordV2: null,
    entitled: { rsa: false, ppa: false, aspa: false, c2s: 'none' },
  };
  const pool = drawPool[commune.overseas ? 'overseas' : 'metropolitan'](rng);
  const sexes = (): [1 | 2, 1 | 2] =>
    rng.chance(0.95) ? (rng.chance(0.5) ? [1, 2] : [2, 1]) : rng.chance(0.5) ? [1, 1] : [2, 2];

  // Composition and ages.
  switch (kind) {
    case 'young_single':
      h.adults.push(person(rng, asOf, rng.chance(0.5) ? 1 : 2, adultAgeMonths(rng, 18, 24), 'allocataire'));
      break;
    case 'single':
      h.adults.push(person(rng, asOf, rng.chance(0.5) ? 1 : 2, adultAgeMonths(rng, 25, 63), 'allocataire'));
      break;
    case 'single_parent':
      h.adults.push(person(rng, asOf, rng.chance(0.82) ? 2 : 1, adultAgeMonths(rng, 20, 58), 'allocataire'));
      break;
    case 'couple':
    case 'couple_children': {
      const head = adultAgeMonths(rng, kind === 'couple' ? 20 : 23, kind === 'couple' ? 63 : 56);
      const headYears = Math.floor(head / 12);
      const spouseYears = clamp(Math.round(headYears + 4 * rng.normal()), 19, kind === 'couple' ? 63 : 60);
      const [s1, s2] = sexes();
      h.adults.push(person(rng, asOf, s1, head, 'allocataire'));
      h.adults.push(person(rng, asOf, s2, adultAgeMonths(rng, spouseYears, spouseYears), 'conjoint'));
      break;
    }
    case 'elderly_single':
      h.adults.push(
        person(
          rng,
          asOf,
          rng.chance(0.7) ? 2 : 1,
          adultAgeMonths(rng, 65, rng.chance(0.6) ? 80 : 96),
          'allocataire',
        ),
      );
      break;
    case 'elderly_couple': {
      const head = adultAgeMonths(rng, 65, rng.chance(0.7) ? 82 : 92);
      const spouseYears = clamp(Math.round(Math.floor(head / 12) - 2 + 4 * rng.normal()), 58, 96);
      const [s1, s2] = sexes();
      h.adults.push(person(rng, asOf, s1, head, 'allocataire'));
      h.adults.push(person(rng, asOf, s2, adultAgeMonths(rng, spouseYears, spouseYears), 'conjoint'));
      break;
    }
  }
  if (kind === 'single_parent' || kind === 'couple_children') {
    const youngest = Math.min(...h.adults.map((a) => ageYears(asOf, a)));
    const n = (kind === 'single_parent' ? childrenOfSingleParent : childrenOfCouple)(rng);
    const maxAge = Math.min(20, youngest - 18);
    for (let i = 0; i < n; i++) {
      h.children.push(person(rng, asOf, rng.chance(0.5) ? 1 : 2, rng.int(0, maxAge * 12 + 11), 'enfant'));
    }
  }

  // Incomes: a household class sets the tone, a spouse often shares it.
  const overseas = commune.overseas;
  const firstClass = drawClass(rng, kind, overseas, agricultural);
  const lowPensionBoost = (overseas ? 2.5 : 1) * (agricultural ? 2.5 : 1);
  const lowCouplePensions = h.adults.length === 2 && rng.chance(Math.min(0.5, 0.08 * lowPensionBoost));
  for (const [i, adult] of h.adults.entries()) {
    const age = ageYears(asOf, adult);
    const retired = age >= 64 || (age >= 60 && rng.chance(0.45));
    if (retired) {
      if (lowCouplePensions) adult.pension = round2(rng.uniform(200, 900));
      else {
        const lowShare = h.adults.length === 2 ? 0 : (adult.sex === 2 ? 0.11 : 0.07) * lowPensionBoost;
        drawPension(rng, adult, rng.chance(Math.min(0.5, lowShare)));
      }
    } else {
      const incomeClass =
        i === 0 || rng.chance(0.5) ? firstClass : drawClass(rng, kind, overseas, agricultural);
      drawWorkingIncome(rng, adult, incomeClass);
    }
  }

  if (kind === 'single_parent') {
    const youngestChild = Math.min(...h.children.map((c) => ageYears(asOf, c)));
    h.singleParentIncrease = youngestChild < 3 || rng.chance(0.15);
  } else if ((kind === 'young_single' || kind === 'single') && h.adults[0]!.sex === 2) {
    // A pregnant woman living alone qualifies for the isolated-parent increase.
    h.singleParentIncrease = ageYears(asOf, h.adults[0]!) < 40 && rng.chance(0.02);
  }

  const own = h.adults.reduce((sum, a) => sum + a.activityIncome + a.otherIncome + a.pension, 0);
  const benefits = familyBenefits(rng, asOf, h, firstClass);
  const draft = { kind, pool, baseResources: round2(own + benefits), aspaResources: round2(own) };
  drawHousing(rng, h, draft, commune);
  h.resources = draft.baseResources;
  return { household: h, ...draft };
}
