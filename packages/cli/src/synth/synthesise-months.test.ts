import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMonth } from './months.ts';
import { synthesise } from './synthesise.ts';
import { type MonthsManifest, synthesiseMonths } from './synthesise-months.ts';

type Row = Record<string, string>;

const firstMonth = parseMonth('2026-10')!;
const months = ['2026-10', '2026-11', '2026-12'];
const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synth-months-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const csv = (path: string): Row[] => parse(readFileSync(path), { delimiter: ';', columns: true });
const filesOf = (dir: string) => readdirSync(dir).sort();
const sameFiles = (a: string, b: string) => {
  expect(filesOf(a)).toEqual(filesOf(b));
  for (const f of filesOf(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
};

describe('determinism', () => {
  it('gives the same bytes for the same seed, and a month that never depends on the months after it', async () => {
    const [a, b, two, other] = [freshDir(), freshDir(), freshDir(), freshDir()];
    await synthesiseMonths({ persons: 2000, seed: 'same', firstMonth, months: 3, out: a });
    await synthesiseMonths({ persons: 2000, seed: 'same', firstMonth, months: 3, out: b });
    await synthesiseMonths({ persons: 2000, seed: 'same', firstMonth, months: 2, out: two });
    await synthesiseMonths({ persons: 2000, seed: 'other', firstMonth, months: 3, out: other });
    expect(filesOf(a)).toEqual(['2026-10', '2026-11', '2026-12', 'manifest.json']);
    for (const f of filesOf(a)) {
      if (f === 'manifest.json') expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
      else sameFiles(join(a, f), join(b, f));
    }
    sameFiles(join(a, '2026-11'), join(two, '2026-11'));
    const states = (dir: string) => readFileSync(join(dir, '2026-12', 'case-states.csv'));
    expect(states(other).equals(states(a))).toBe(false);
  });

  it('writes as first month exactly the single-month territory of the seed', async () => {
    const [monthly, single] = [freshDir(), freshDir()];
    await synthesiseMonths({ persons: 2000, seed: 'first', firstMonth, months: 2, out: monthly });
    await synthesise({ persons: 2000, seed: 'first', asOf: firstMonth, out: single });
    const first = join(monthly, '2026-10');
    expect(filesOf(first)).toEqual([...filesOf(single), 'contacts.csv'].sort());
    for (const f of filesOf(single)) {
      expect(readFileSync(join(first, f)).equals(readFileSync(join(single, f))), f).toBe(true);
    }
    // Every month's folder has the same convention key.
    expect(readFileSync(join(monthly, '2026-11', 'key')).equals(readFileSync(join(single, 'key')))).toBe(
      true,
    );
  });
});

describe('a territory over three months', () => {
  let out: string;
  let manifest: MonthsManifest;
  beforeAll(async () => {
    out = freshDir();
    manifest = await synthesiseMonths({
      persons: 8000,
      seed: 'over-months',
      firstMonth,
      months: 3,
      out,
      rates: { moveOut: 0.03 },
    });
  });
  const files = new Map<string, Row[]>();
  const read = (month: string, file: string): Row[] => {
    const path = join(out, month, file);
    if (!files.has(path)) files.set(path, csv(path));
    return files.get(path)!;
  };

  it('states the rates and counts in its manifest that the files hold', () => {
    const written = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(written).toEqual(manifest);
    expect(manifest.months).toEqual(months);
    expect(manifest.rates).toEqual({
      takeUp: 0.06,
      takeUpContacted: 0.25,
      contactShare: 0.3,
      moveOut: 0.03,
      jobChange: 0.03,
      birth: 0.005,
    });
    for (const [m, month] of months.entries()) {
      const s = manifest.byMonth[m]!;
      const own = JSON.parse(readFileSync(join(out, month, 'manifest.json'), 'utf8'));
      expect([s.persons, s.households, s.truthRows]).toEqual([
        own.persons,
        own.households,
        own.groundTruth.rows,
      ]);
      expect(s.contacts).toBe(read(month, 'contacts.csv').length);
      if (m === 0) continue;
      const byState: Record<string, number> = { open: 0, taken_up: 0, no_longer_presumed: 0 };
      for (const r of read(month, 'case-states.csv')) byState[r.state!]!++;
      expect(s.caseStates).toEqual(byState);
      expect(s.events.move_out).toBe(s.realised!.moveOut.events);
    }
    // The first month is drawn clear of every threshold.
    expect(manifest.byMonth[0]!.nearThreshold).toBe(0);
  });

  it('keeps every identity, household id and landlord copy from month to month', () => {
    for (const kind of ['caf', 'cpam', 'msa', 'carsat'] as const) {
      const [before, after] = [read(months[0]!, `${kind}.clear.csv`), read(months[1]!, `${kind}.clear.csv`)];
      const byNir = new Map(before.map((r) => [r.nir!, r]));
      let kept = 0;
      for (const r of after) {
        const was = byNir.get(r.nir!);
        if (!was) continue;
        kept++;
        expect([r.family_name, r.given_names, r.birth_date, r.household_id]).toEqual([
          was.family_name,
          was.given_names,
          was.birth_date,
          was.household_id,
        ]);
      }
      expect(kept, kind).toBeGreaterThan(before.length * 0.9);
      const pseudo = new Map(
        read(months[0]!, `${kind}.extract.csv`).map((r, i) => [before[i]!.nir!, r.person_pseudo]),
      );
      const later = read(months[1]!, `${kind}.extract.csv`);
      for (const [i, r] of after.entries()) {
        if (pseudo.has(r.nir!)) expect(later[i]!.person_pseudo).toBe(pseudo.get(r.nir!));
      }
    }
    const tenants = (month: string) =>
      new Map(read(month, 'landlord.clear.csv').map((r) => [`${r.household_id} ${r.birth_date}`, r]));
    const [first, second] = [tenants(months[0]!), tenants(months[1]!)];
    const noisy = [...first].filter(([, r]) => second.has(`${r.household_id} ${r.birth_date}`));
    expect(noisy.length).toBeGreaterThan(first.size * 0.9);
    for (const [key, r] of noisy) {
      const s = second.get(key)!;
      expect([s.family_name, s.given_names]).toEqual([r.family_name, r.given_names]);
    }
  });

  it('leaves a moved-out household out of every extract from then on', () => {
    const nirs = (month: string) =>
      new Set(
        (['caf', 'cpam', 'msa', 'carsat'] as const).flatMap((k) =>
          read(month, `${k}.clear.csv`).map((r) => r.nir!),
        ),
      );
    const [m1, m2, m3] = months.map(nirs);
    const gone = [...m1!].filter((n) => !m2!.has(n));
    expect(gone.length).toBeGreaterThan(0);
    for (const n of gone) expect(m3!.has(n)).toBe(false);
    // Whole households leave: no caf dossier of month 1 keeps only some of its members.
    const members = (month: string) => {
      const byDossier = new Map<string, number>();
      for (const r of read(month, 'caf.clear.csv'))
        byDossier.set(r.household_id!, (byDossier.get(r.household_id!) ?? 0) + 1);
      return byDossier;
    };
    const [before, after] = [members(months[0]!), members(months[1]!)];
    let left = 0;
    for (const [dossier, n] of before) {
      const still = after.get(dossier);
      if (still === undefined) left++;
      else expect(still).toBeGreaterThanOrEqual(n);
    }
    expect(left).toBeGreaterThan(0);
    const moved = manifest.byMonth[1]!.realised!.moveOut;
    expect(Math.abs(moved.rate! - 0.03)).toBeLessThan(4 * Math.sqrt((0.03 * 0.97) / moved.of));
  });

  it('shows each take-up in the extracts’ columns, where the month before did not', () => {
    const family = (month: string) =>
      new Map(
        [...read(month, 'caf.extract.csv'), ...read(month, 'msa.extract.csv')].map((r) => [
          r.person_pseudo!,
          r,
        ]),
      );
    const health = (month: string) =>
      new Map(
        [...read(month, 'cpam.extract.csv'), ...read(month, 'msa.extract.csv')].map((r) => [
          r.person_pseudo!,
          r.c2s!,
        ]),
      );
    const [famBefore, famAfter] = [family(months[0]!), family(months[1]!)];
    const [healthBefore, healthAfter] = [health(months[0]!), health(months[1]!)];
    const retiree = (month: string) =>
      new Map(
        [
          ...read(month, 'carsat.extract.csv'),
          ...read(month, 'msa.extract.csv').filter((r) => r.pension !== ''),
        ].map((r) => [r.person_pseudo!, r]),
      );
    const [retireeBefore, retireeAfter] = [retiree(months[0]!), retiree(months[1]!)];
    const taken = read(months[1]!, 'case-states.csv').filter((r) => r.state === 'taken_up');
    const byBenefit: Record<string, number> = {};
    for (const r of taken) {
      const s = r.subject_pseudo!;
      byBenefit[r.benefit!] = (byBenefit[r.benefit!] ?? 0) + 1;
      if (r.subject_kind === 'household') {
        expect(famBefore.get(s)![r.benefit!]).toBe('0');
        expect(famAfter.get(s)![r.benefit!]).toBe('1');
      } else if (r.benefit === 'c2s') {
        expect(healthBefore.get(s)).toBe('none');
        expect(healthAfter.get(s)).not.toBe('none');
      } else {
        expect([retireeBefore.get(s)?.aspa, retireeAfter.get(s)?.aspa]).toEqual(['0', '1']);
        // The ASPA paid counts in the resources of the household's caf or msa rows.
        const [before, after] = [famBefore.get(s), famAfter.get(s)];
        if (before && after) {
          expect(Number(after.household_resources)).toBeGreaterThan(Number(before.household_resources));
        }
      }
    }
    for (const b of ['rsa', 'ppa', 'c2s', 'aspa']) expect(byBenefit[b], b).toBeGreaterThan(0);
    // The take-up rates realised, without and with a contact, near the stated ones.
    for (const s of manifest.byMonth.slice(1)) {
      const { takeUp, takeUpContacted } = s.realised!;
      expect(Math.abs(takeUp.rate! - 0.06)).toBeLessThan(4 * Math.sqrt((0.06 * 0.94) / takeUp.of));
      expect(Math.abs(takeUpContacted.rate! - 0.25)).toBeLessThan(
        4 * Math.sqrt((0.25 * 0.75) / takeUpContacted.of),
      );
    }
  });

  it('makes contacted cases take up more often than the others', () => {
    const share = { contacted: [0, 0], other: [0, 0] };
    for (const month of months.slice(1)) {
      for (const r of read(month, 'case-states.csv')) {
        if (r.first_month === month) continue;
        const s = r.contacted === '1' ? share.contacted : share.other;
        s[1]!++;
        if (r.state === 'taken_up') s[0]!++;
      }
    }
    const rate = ([n, of]: number[]) => n! / of!;
    expect(share.contacted[1]).toBeGreaterThan(100);
    expect(rate(share.contacted)).toBeGreaterThan(2 * rate(share.other));
  });
});
