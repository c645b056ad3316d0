// Recomputes every month's case-states.csv from the months' own files (extracts, ground truth,
// landlord links, contacts), applying the definition of the case states independently of the
// generator's model, and checks the generator wrote exactly that.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMonth } from './months.ts';
import { synthesiseMonths } from './synthesise-months.ts';

type Row = Record<string, string>;

const months = ['2026-10', '2026-11', '2026-12'];
let out: string;
const read = (month: string, file: string): Row[] =>
  parse(readFileSync(join(out, month, file)), { delimiter: ';', columns: true });
const caseKey = (r: Row) => `${r.subject_pseudo};${r.subject_kind};${r.benefit}`;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'synth-case-states-'));
  // Rates well above the defaults, so that every state of every subject kind shows up.
  await synthesiseMonths({
    persons: 5000,
    seed: 'case-states',
    firstMonth: parseMonth(months[0]!)!,
    months: months.length,
    out,
    rates: { takeUp: 0.3, takeUpContacted: 0.6, moveOut: 0.05, jobChange: 0.1, birth: 0.05 },
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What month m's extract files say of each kind of subject. */
function readMonth(month: string) {
  const family = [...read(month, 'caf.extract.csv'), ...read(month, 'msa.extract.csv')];
  // One household's rows all carry its rsa and ppa; a household_pseudo is kind-specific.
  const familyOf = new Map<string, Row>();
  for (const r of family) familyOf.set(r.person_pseudo!, r);
  const cpam = read(month, 'cpam.extract.csv');
  const msa = read(month, 'msa.extract.csv');
  const carsat = read(month, 'carsat.extract.csv');
  const health = new Map([...cpam, ...msa].map((r) => [r.person_pseudo!, r.c2s!]));
  const retiree = new Map(
    [...carsat, ...msa.filter((r) => r.pension !== '')].map((r) => [r.person_pseudo!, r.aspa!]),
  );
  const anywhere = new Set([...family, ...cpam, ...carsat].map((r) => r.person_pseudo!));
  const tenancies = new Set(read(month, 'landlord.extract.csv').map((r) => r.household_pseudo!));
  const tenants = new Map<string, string[]>();
  for (const l of read(month, 'landlord-links.csv')) {
    if (l.linked_person_pseudo === '') continue;
    tenants.set(l.tenancy_pseudo!, [...(tenants.get(l.tenancy_pseudo!) ?? []), l.linked_person_pseudo!]);
  }
  const receives = (c: Row): boolean => {
    const s = c.subject_pseudo!;
    switch (c.subject_kind) {
      case 'household':
        return familyOf.get(s)?.[c.benefit!] === '1';
      case 'person':
        return c.benefit === 'c2s' ? (health.get(s) ?? 'none') !== 'none' : retiree.get(s) === '1';
      default:
        return (tenants.get(s) ?? []).some((p) => familyOf.get(p)?.rsa === '1');
    }
  };
  const present = (c: Row): boolean => {
    const s = c.subject_pseudo!;
    if (c.subject_kind === 'household') return familyOf.has(s);
    if (c.subject_kind === 'person') return anywhere.has(s);
    return tenancies.has(s);
  };
  return { receives, present };
}

function expectedStates(m: number): string[] {
  const month = months[m]!;
  const previous = months[m - 1]!;
  const openBefore = new Map<string, string>();
  if (m === 1) {
    for (const t of read(previous, 'ground-truth.csv')) openBefore.set(caseKey(t), previous);
  } else {
    for (const s of read(previous, 'case-states.csv')) {
      if (s.state === 'open') openBefore.set(caseKey(s), s.first_month!);
    }
  }
  const contacted = new Set(read(previous, 'contacts.csv').map(caseKey));
  const { receives, present } = readMonth(month);
  const rows = new Map<string, string>();
  for (const t of read(month, 'ground-truth.csv')) {
    const key = caseKey(t);
    rows.set(key, `${key};open;${openBefore.get(key) ?? month};${contacted.has(key) ? 1 : 0}`);
  }
  for (const [key, first] of openBefore) {
    if (rows.has(key)) continue;
    const [subject_pseudo, subject_kind, benefit] = key.split(';');
    const c = { subject_pseudo, subject_kind, benefit } as Row;
    const state = receives(c) ? 'taken_up' : present(c) ? 'no_longer_presumed' : 'open';
    rows.set(key, `${key};${state};${first};${contacted.has(key) ? 1 : 0}`);
  }
  return [...rows.values()].sort();
}

describe('case-states.csv', () => {
  it('is the definition applied to the months’ own extract and ground-truth files', () => {
    const seen = new Set<string>();
    for (let m = 1; m < months.length; m++) {
      const written = read(months[m]!, 'case-states.csv');
      const lines = written.map((r) => `${caseKey(r)};${r.state};${r.first_month};${r.contacted}`);
      expect(new Set(lines).size, 'one row per case').toBe(lines.length);
      expect(lines.sort()).toEqual(expectedStates(m));
      for (const r of written) seen.add(`${r.subject_kind} ${r.benefit} ${r.state}`);
    }
    // The comparison covers every state, and each kind of subject taking its benefit up.
    for (const s of [
      'household rsa taken_up',
      'household ppa taken_up',
      'person c2s taken_up',
      'person aspa taken_up',
      'tenancy rsa taken_up',
      'household ppa no_longer_presumed',
      'person c2s no_longer_presumed',
      'household rsa open',
      'person c2s open',
    ]) {
      expect(seen, s).toContain(s);
    }
  });

  it('carries the cases of moved-out subjects as open, with their first month', () => {
    const states = read(months[2]!, 'case-states.csv');
    const carried = states.filter((r) => r.state === 'open' && r.first_month === months[0]);
    const presumed = new Set(read(months[2]!, 'ground-truth.csv').map(caseKey));
    expect(carried.some((r) => !presumed.has(caseKey(r)))).toBe(true);
  });

  it('draws the contacts among the month’s open cases, at the stated share', () => {
    for (const [m, month] of months.entries()) {
      const open =
        m === 0
          ? new Set(read(month, 'ground-truth.csv').map(caseKey))
          : new Set(
              read(month, 'case-states.csv')
                .filter((r) => r.state === 'open')
                .map(caseKey),
            );
      const contacts = read(month, 'contacts.csv').map(caseKey);
      expect(new Set(contacts).size).toBe(contacts.length);
      for (const c of contacts) expect(open.has(c), c).toBe(true);
      const sd = Math.sqrt((0.3 * 0.7) / open.size);
      expect(Math.abs(contacts.length / open.size - 0.3)).toBeLessThan(4 * sd);
    }
  });
});
