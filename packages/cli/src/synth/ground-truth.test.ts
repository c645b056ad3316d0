import { describe, expect, it } from 'vitest';
import { groundTruth } from './ground-truth.ts';
import type { Household, Person } from './household.ts';
import { parseMonth } from './months.ts';

// Hand-built households at as_of 2026-10: RSA base 651.69, PPA base 638.28 (2026-06..08, SMIC
// 12.31, slope 0.5985), C2S 2025 ceilings, ASPA 12,523.14 / 19,442.21.
const asOf = parseMonth('2026-10')!;

let n = 0;
function person(ageYears: number, over: Partial<Person> = {}): Person {
  n++;
  const birthMonth = asOf - ageYears * 12 - 3;
  const y = Math.floor(birthMonth / 12);
  const m = String((birthMonth % 12) + 1).padStart(2, '0');
  return {
    sex: 2,
    birthDate: `${y}-${m}-15`,
    birthMonth,
    role: 'allocataire',
    activityIncome: 0,
    otherIncome: 0,
    aah: false,
    pension: 0,
    aspa: false,
    inHealth: true,
    identity: { nir: '', nir13: '', familyName: 'Test', givenNames: 'Test' },
    landlord: null,
    pseudo: `P${n}`,
    ...over,
  };
}

function household(over: Partial<Household>): Household {
  return {
    index: 0,
    commune: '35238',
    scheme: 'general',
    adults: [],
    children: [],
    singleParentIncrease: false,
    housing: 'locataire',
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
    inCaf: true,
    familyId: 'F1',
    tenancyId: '',
    tenancyPseudo: 'T1',
    landlordV2: null,
    entitled: { rsa: false, ppa: false, aspa: false, c2s: 'none' },
    ...over,
  };
}

const cases = (h: Household) =>
  groundTruth(asOf, h).map(
    (t) =>
      `${t.subject} ${t.subjectKind} ${t.benefit} ${t.rule} ${t.link} ${t.source} ${t.amount?.toFixed(2) ?? ''}`,
  );

describe('ground truth of hand-built households (RULES.md, as_of 2026-10)', () => {
  it('a low-paid single tenant with housing aid: RSA, PPA and C2S', () => {
    const a = person(30, { activityIncome: 300 });
    const h = household({
      adults: [a],
      resources: 300,
      housingAid: true,
      housingAidAmount: 250,
      housingAidAmountStated: true,
    });
    // RSA = 651.69 − 12 % × 651.69 − 300 = 273.4872.
    // PPA = 638.28 + 0.5985 × 300 − max(638.28, 300 + 12 % × 638.28) = 179.55 (300 € is under 59 h of SMIC: no bonus).
    // C2S: 12 × (300 + 78.2028) = 4,538.43 ≤ 13,957, and the cpam row says none.
    expect(cases(h)).toEqual([
      `${a.pseudo} household rsa RSA.RESOURCES none caf 273.49`,
      `${a.pseudo} household ppa PPA.ACTIVITY none caf 179.55`,
      `${a.pseudo} person c2s C2S.RESOURCES exact caf `,
    ]);
  });

  it('claimants of RSA and PPA only miss C2S; members absent from the cpam extract prove nothing', () => {
    const a = person(40);
    const b = person(38, { role: 'conjoint' });
    const c = person(5, { role: 'enfant', inHealth: false });
    const h = household({ adults: [a, b], children: [c], resources: 200, rsa: true, ppa: false });
    // The 3 persons: 12 × 200 = 2,400 is under every ceiling.
    expect(cases(h)).toEqual([
      `${a.pseudo} person c2s C2S.RSA exact caf `,
      `${a.pseudo} person c2s C2S.RESOURCES exact caf `,
      `${b.pseudo} person c2s C2S.RSA exact caf `,
      `${b.pseudo} person c2s C2S.RESOURCES exact caf `,
    ]);
  });

  it('a single parent with the isolated-parent increase, the forfait capped at a small housing aid', () => {
    const a = person(28, { activityIncome: 0 });
    const kids = [person(2, { role: 'enfant' }), person(6, { role: 'enfant' })];
    const h = household({
      adults: [a],
      children: kids,
      singleParentIncrease: true,
      resources: 900,
      housingAid: true,
      housingAidAmount: 100,
      housingAidAmountStated: true,
      c2s: 'free',
    });
    // M = 651.69 × (1.28412 + 2 × 0.42804) = 1,394.7469; FL = min(16.5 % × 651.69 × 1.8, 100) = 100.
    expect(cases(h)).toEqual([`${a.pseudo} household rsa RSA.RESOURCES none caf 394.75`]);
  });

  it('a young single without child is too young for RSA unless pregnant (isolated-parent increase)', () => {
    const a = person(22);
    const h = household({ adults: [a], resources: 0, housing: 'heberge', c2s: 'free' });
    expect(cases(h)).toEqual([]);
    // Pregnant: M = 651.69 × 1.28412 = 836.8482; FL (housed free, 1 person) = 78.2028.
    expect(cases({ ...h, singleParentIncrease: true })).toEqual([
      `${a.pseudo} household rsa RSA.RESOURCES none caf 758.65`,
    ]);
  });

  it('the overseas factor lifts the C2S ceiling in 97411 only', () => {
    const a = person(45, { activityIncome: 1800 });
    const b = person(45, { role: 'conjoint' });
    // A tenant couple without aid (no forfait): 12 × 1,800 = 21,600 is above the 2-person
    // participation ceiling of 20,936, and under 20,936 × 1.113 = 23,301.77 overseas.
    const rennes = household({ adults: [a, b], resources: 1800, commune: '35238', ppa: true });
    expect(cases(rennes)).toEqual([]);
    expect(cases({ ...rennes, commune: '97411' })).toEqual([
      `${a.pseudo} person c2s C2S.RESOURCES exact caf `,
      `${b.pseudo} person c2s C2S.RESOURCES exact caf `,
    ]);
  });

  it('retirees known to CARSAT: ASPA for singles on the pension, for couples on household_resources', () => {
    const a = person(72, { pension: 800 });
    const single = household({
      adults: [a],
      resources: 800,
      inCaf: false,
      housing: 'proprietaire',
      c2s: 'participation',
    });
    // 12 × 800 = 9,600 < 12,523.14; 12,523.14 / 12 − 800 = 243.595, to the cent 243.60.
    expect(cases(single)).toEqual([`${a.pseudo} person aspa ASPA.PENSION none carsat 243.60`]);

    const b = person(70, { pension: 600, sex: 1, role: 'conjoint' });
    const c = person(66, { pension: 650 });
    const couple = household({
      adults: [c, b],
      resources: 1250,
      inCaf: false,
      c2s: 'participation',
      carsatResources: 1250,
    });
    // 12 × 1,250 = 15,000 < 19,442.21; D = 1,620.1842 − 1,250 = 370.18 for the household, shared:
    // 185.09 each, whether the partner's age is stated (both 65 or more) or not (taken as eligible).
    expect(cases(couple)).toEqual([
      `${c.pseudo} person aspa ASPA.PENSION none carsat 185.09`,
      `${b.pseudo} person aspa ASPA.PENSION none carsat 185.09`,
    ]);
    expect(cases({ ...couple, carsatStatesPartner: true })).toEqual(cases(couple));
    // A partner of 63: the only eligible partner carries min(D, 12,523.14 / 12) = 370.18 when stated.
    const young = person(63, { pension: 600, sex: 1, role: 'conjoint' });
    const oneEligible = { ...couple, adults: [c, young] };
    expect(cases({ ...oneEligible, carsatStatesPartner: true })).toEqual([
      `${c.pseudo} person aspa ASPA.PENSION none carsat 370.18`,
    ]);
    expect(cases(oneEligible)).toEqual([`${c.pseudo} person aspa ASPA.PENSION none carsat 185.09`]);
    // Resources of 100 €: D = 1,520.18 is capped at the single amount, 1,043.60.
    expect(cases({ ...oneEligible, carsatStatesPartner: true, carsatResources: 100 })).toEqual([
      `${c.pseudo} person aspa ASPA.PENSION none carsat 1043.60`,
    ]);
    // Without household_resources, CARSAT cannot tell for a couple.
    expect(cases({ ...couple, carsatResources: null })).toEqual([]);
  });

  it('a household in Mayotte (976) gives no case at all', () => {
    const a = person(30, { activityIncome: 300 });
    const h = household({ adults: [a], resources: 300, commune: '97611', c2s: 'none' });
    expect(cases(h)).toEqual([]);
    expect(cases({ ...h, commune: '97411' }).length).toBeGreaterThan(0);
  });

  it('an ASPA recipient without C2S is a C2S.ASPA case through the cpam row', () => {
    const a = person(80, { pension: 700, aspa: true });
    const h = household({ adults: [a], resources: 1043.6, inCaf: false, aspaAmount: 343.6, c2s: 'none' });
    expect(cases(h)).toEqual([`${a.pseudo} person c2s C2S.ASPA exact carsat `]);
    expect(cases({ ...h, adults: [{ ...a, inHealth: false }] })).toEqual([]);
  });

  it('an MSA retiree: every rule reads the msa rows alone', () => {
    const a = person(70, { pension: 800 });
    const h = household({
      scheme: 'agricultural',
      adults: [a],
      resources: 800,
      housing: 'proprietaire',
      inCaf: false,
    });
    // ASPA 243.60 as above; C2S: 12 × (800 + 12 % × 651.69) = 10,538.43 ≤ 13,957; RSA: 651.69 − 78.20 − 800 < 6.
    expect(cases(h)).toEqual([
      `${a.pseudo} person c2s C2S.RESOURCES none msa `,
      `${a.pseudo} person aspa ASPA.PENSION none msa 243.60`,
    ]);
  });

  it('a social tenant unknown to the CAF is a tenancy case; known to the CAF it is not', () => {
    const a = person(40, { landlord: { familyName: 'Test', givenNames: 'Test', noise: null } });
    const h = household({
      adults: [a],
      socialTenant: true,
      inCaf: false,
      resources: 200.4,
      declaredResources: 200,
      rent: 350,
      c2s: 'free',
    });
    // 651.69 × 1 − 0 (apl = 0) − 200 = 451.69.
    expect(cases(h)).toEqual(['T1 tenancy rsa RSA.UNKNOWN_TO_CAF absent landlord 451.69']);
    expect(cases({ ...h, inCaf: true })).toEqual([`${a.pseudo} household rsa RSA.RESOURCES none caf 451.29`]);
  });

  it('PPA with the 2026 bonus: a single earning 1,800 €, above the 138-hour threshold', () => {
    const a = person(35, { activityIncome: 1800 });
    const h = household({ adults: [a], resources: 1800, c2s: 'none' });
    // 638.28 + 0.5985 × 1,800 + 240.63 − 1,800 = 156.21; C2S: 21,600 > 13,957.
    expect(cases(h)).toEqual([`${a.pseudo} household ppa PPA.ACTIVITY none caf 156.21`]);
    expect(cases({ ...h, ppa: true })).toEqual([]);
  });
});
