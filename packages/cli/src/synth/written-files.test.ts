// Reads a written territory back the way a run sees it (rows of the extracts, person_pseudo
// joins, the allocataire's row) and checks that applying RULES.md to those rows finds exactly the
// ground truth the generator wrote from its own model: the files say what the truth assumes.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diceClk } from '@nonrecours/pseudo';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  aspaCeilings,
  aspaCoupleShare,
  type BenefitUnit,
  c2sAnnualResources,
  c2sCeilings,
  ppaAmount,
  rsaAmount,
  toCents,
} from './entitlements.ts';
import { ageInYears, parseMonth } from './months.ts';
import { synthesise } from './synthesise.ts';

type Row = Record<string, string>;

// 2025-06: PPA's reference months straddle the April 2025 parameters.
const months = ['2026-10', '2025-06'];
const territories = new Map<string, string>();
let asOf: number;
let dir: string;
const read = (file: string): Row[] => parse(readFileSync(join(dir, file)), { delimiter: ';', columns: true });

beforeAll(async () => {
  for (const month of months) {
    const out = mkdtempSync(join(tmpdir(), 'synth-files-'));
    await synthesise({ persons: 20_000, seed: 'written-files', asOf: parseMonth(month)!, out });
    territories.set(month, out);
  }
});
afterAll(() => {
  for (const out of territories.values()) rmSync(out, { recursive: true, force: true });
});

const age = (r: Row) => ageInYears(parseMonth(r.birth_ym!)!, asOf);
const money = (x: number) => toCents(x).toFixed(2);
const groupBy = (rows: Row[], key: string) => {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(r[key]!, [...(groups.get(r[key]!) ?? []), r]);
  return [...groups.values()];
};

/** RULES.md applied to the rows of the written extracts. */
function casesFromFiles(): string[] {
  const found: string[] = [];
  const push = (
    subject: string,
    kind: string,
    benefit: string,
    rule: string,
    link: string,
    source: string,
    amount = '',
  ) => found.push([subject, kind, benefit, rule, link, source, amount].join(';'));
  const cpam = new Map(read('cpam.extract.csv').map((r) => [r.person_pseudo!, r.c2s!]));
  const { single, couple } = aspaCeilings(asOf);

  for (const kind of ['caf', 'msa']) {
    for (const rows of groupBy(read(`${kind}.extract.csv`), 'household_pseudo')) {
      const a = rows.find((r) => r.role === 'allocataire')!;
      const adults = rows.filter((r) => r.role === 'allocataire' || r.role === 'conjoint');
      const aid = a.housing_aid === '1';
      const aidAmount = aid && a.housing_aid_amount !== '' ? Number(a.housing_aid_amount) : null;
      const unit: BenefitUnit = {
        adults: Number(a.household_adults),
        children: Number(a.household_children),
        singleParentIncrease: a.single_parent_increase === '1',
        resources: Number(a.household_resources),
        forfait: { applies: aid || a.housing === 'proprietaire' || a.housing === 'heberge', cap: aidAmount },
      };
      if (
        a.rsa === '0' &&
        (adults.some((r) => age(r) >= 25) || unit.children > 0 || unit.singleParentIncrease)
      ) {
        const rsa = rsaAmount(asOf, unit);
        if (rsa >= 6) push(a.person_pseudo!, 'household', 'rsa', 'RSA.RESOURCES', 'none', kind, money(rsa));
      }
      if (
        a.ppa === '0' &&
        a.rsa === '0' &&
        adults.some((r) => age(r) >= 18 && Number(r.activity_income) > 0)
      ) {
        const ppa = ppaAmount(
          asOf,
          unit,
          adults.map((r) => Number(r.activity_income)),
        ).mean;
        if (ppa >= 15) push(a.person_pseudo!, 'household', 'ppa', 'PPA.ACTIVITY', 'none', kind, money(ppa));
      }
      const view = {
        ...unit,
        housing: a.housing!,
        housingAid: aid,
        housingAidAmount: aidAmount,
        commune: a.commune!,
      };
      const underCeiling = c2sAnnualResources(asOf, view) <= c2sCeilings(asOf, view).participation;
      for (const r of rows) {
        const health = kind === 'msa' ? r.c2s : cpam.get(r.person_pseudo!);
        const link = kind === 'msa' ? 'none' : 'exact';
        if (health !== 'none') continue;
        if (a.rsa === '1') push(r.person_pseudo!, 'person', 'c2s', 'C2S.RSA', link, kind);
        if (underCeiling) push(r.person_pseudo!, 'person', 'c2s', 'C2S.RESOURCES', link, kind);
      }
    }
  }

  // An msa retiree's partner is the other adult of its household; a carsat one's, partner_birth_ym.
  const msaPartner = new Map<string, string>();
  for (const rows of groupBy(read('msa.extract.csv'), 'household_pseudo')) {
    const adults = rows.filter((r) => r.role === 'allocataire' || r.role === 'conjoint');
    if (adults.length === 2)
      for (const [i, r] of adults.entries()) msaPartner.set(r.person_pseudo!, adults[1 - i]!.birth_ym!);
  }
  const retirees = [
    ...read('carsat.extract.csv').map((r) => ({
      r,
      source: 'carsat',
      isCouple: r.couple === '1',
      partner: r.partner_birth_ym || null,
    })),
    ...read('msa.extract.csv')
      .filter((r) => r.pension !== '')
      .map((r) => ({
        r,
        source: 'msa',
        isCouple: r.household_adults === '2',
        partner: msaPartner.get(r.person_pseudo!) ?? null,
      })),
  ];
  for (const { r, source, isCouple, partner } of retirees) {
    if (age(r) >= 65 && r.aspa === '0') {
      const resources = isCouple
        ? r.household_resources === ''
          ? null
          : Number(r.household_resources)
        : Number(r.pension);
      const ceiling = isCouple ? couple : single;
      if (resources !== null && 12 * resources < ceiling) {
        push(
          r.person_pseudo!,
          'person',
          'aspa',
          'ASPA.PENSION',
          'none',
          source,
          money(
            isCouple
              ? aspaCoupleShare(
                  asOf,
                  resources,
                  partner === null ? null : ageInYears(parseMonth(partner)!, asOf) >= 65,
                )
              : ceiling / 12 - resources,
          ),
        );
      }
    }
    const health = source === 'msa' ? r.c2s : cpam.get(r.person_pseudo!);
    if (r.aspa === '1' && health === 'none') {
      push(r.person_pseudo!, 'person', 'c2s', 'C2S.ASPA', source === 'msa' ? 'none' : 'exact', source);
    }
  }

  // Which tenants have a counterpart in the caf or msa extract comes from the linkage truth.
  const linked = new Set(
    read('landlord-links.csv')
      .filter((l) => l.link !== 'none')
      .map((l) => l.identity_pseudo!),
  );
  for (const rows of groupBy(read('landlord.extract.csv'), 'household_pseudo')) {
    const t = rows[0]!;
    if (rows.some((r) => linked.has(r.identity_pseudo!))) continue;
    if (!rows.some((r) => age(r) >= 25) && t.household_children === '0') continue;
    const unit: BenefitUnit = {
      adults: Number(t.household_adults),
      children: Number(t.household_children),
      singleParentIncrease: false,
      resources: Number(t.household_resources),
      forfait: { applies: t.apl === '1', cap: null },
    };
    const rsa = rsaAmount(asOf, unit);
    if (rsa >= 6)
      push(t.household_pseudo!, 'tenancy', 'rsa', 'RSA.UNKNOWN_TO_CAF', 'absent', 'landlord', money(rsa));
  }
  return found;
}

describe.each(months)('the files written for %s', (month) => {
  beforeEach(() => {
    asOf = parseMonth(month)!;
    dir = territories.get(month)!;
  });

  it('lead a reading of RULES.md over the extracts to exactly the ground truth', () => {
    const truth = readFileSync(join(dir, 'ground-truth.csv'), 'utf8').trim().split('\n').slice(1);
    const found = casesFromFiles();
    expect(found.length).toBeGreaterThan(2000);
    expect([...found].sort()).toEqual([...truth].sort());
    const rules = new Set(truth.map((line) => line.split(';')[3]));
    expect([...rules].sort()).toEqual([
      'ASPA.PENSION',
      'C2S.ASPA',
      'C2S.RESOURCES',
      'C2S.RSA',
      'PPA.ACTIVITY',
      'RSA.RESOURCES',
      'RSA.UNKNOWN_TO_CAF',
    ]);
  });

  it('make a noisy landlord identity miss its exact link, at the stated rate', () => {
    const family = new Map(
      ['caf', 'msa'].flatMap((k) => read(`${k}.extract.csv`).map((r) => [r.person_pseudo!, r] as const)),
    );
    const links = read('landlord-links.csv');
    let linkable = 0;
    let noisy = 0;
    for (const l of links) {
      const counterpart = l.linked_person_pseudo === '' ? undefined : family.get(l.linked_person_pseudo!);
      expect(counterpart === undefined).toBe(l.link === 'none');
      if (!counterpart) continue;
      linkable++;
      const exact = counterpart.identity_pseudo === l.identity_pseudo;
      expect(exact).toBe(l.link === 'exact');
      expect(exact).toBe(l.noise === '');
      if (!exact) noisy++;
    }
    const rate = noisy / linkable;
    const sd = Math.sqrt((0.1 * 0.9) / linkable);
    expect(linkable).toBeGreaterThan(1000);
    expect(Math.abs(rate - 0.1)).toBeLessThan(4 * sd);
  });

  it('leave noisy tenants linkable by their Bloom filters alone', () => {
    const family = ['caf', 'msa'].flatMap((k) => read(`${k}.extract.csv`));
    const byPerson = new Map(family.map((r) => [r.person_pseudo!, r]));
    const tenants = new Map(read('landlord.extract.csv').map((r) => [r.identity_pseudo!, r]));
    const fuzzy = read('landlord-links.csv').filter((l) => l.link === 'fuzzy');
    let best = 0;
    for (const l of fuzzy) {
      const tenant = tenants.get(l.identity_pseudo!)!;
      const truth = diceClk(tenant.identity_clk!, byPerson.get(l.linked_person_pseudo!)!.identity_clk!);
      // The true counterpart beats every other caf or msa person born the same month.
      const rivals = family.filter(
        (r) => r.birth_ym === tenant.birth_ym && r.person_pseudo !== l.linked_person_pseudo,
      );
      if (rivals.every((r) => diceClk(tenant.identity_clk!, r.identity_clk!) < truth)) best++;
    }
    expect(fuzzy.length).toBeGreaterThan(100);
    expect(best / fuzzy.length).toBeGreaterThan(0.97);
  });
});
