// node test/bench/landlord-linkage.bench.ts [--dir test/fixtures/territory] [--threshold 0.85]
// Links a synthetic territory's landlord tenants to its caf/msa rows from the extracts alone, as a
// run does (exact identity_pseudo first, then the Bloom filters of the tenants left: the best
// same-birth-month row not taken, Dice ≥ threshold, one to one, greedy), applies RSA.UNKNOWN_TO_CAF
// to every tenancy and scores it against ground-truth.csv. landlord-links.csv, read only afterwards,
// tells what each noise kind did (linked to its true row, to another, or left unlinked). For a
// million persons: `nonrecours synth --persons 1000000 --seed 42 --out DIR`, then --dir DIR (about
// 25 s, under 1 GiB of memory).
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { clkWords, decodeClk, diceAt, intersectionAt, popcountAt } from '@nonrecours/pseudo';
import { paramsAtDate, rsaUnknownToCafRule } from '../../packages/rules/src/index.ts';
import {
  tenancy as tenancyProfile,
  tenant as tenantProfile,
} from '../../packages/rules/src/testing/profiles.factory.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'test/fixtures/territory' },
    threshold: { type: 'string', default: '0.85' },
  },
});
const dir = path.resolve(values.dir);
const threshold = Number(values.threshold);
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

async function* rows(file: string): AsyncGenerator<Record<string, string>> {
  const lines = createInterface({ input: createReadStream(path.join(dir, file)), crlfDelay: Infinity });
  let header: string[] | undefined;
  for await (const line of lines) {
    if (line === '') continue;
    const fields = line.split(';');
    if (!header) {
      header = fields;
      continue;
    }
    yield Object.fromEntries(header.map((h, i) => [h, fields[i] ?? '']));
  }
}

type Tenant = { key: number; identity: string; birthYm: string; clk: Int32Array; tenancy: string };
type Tenancy = {
  pseudo: string;
  adults: number;
  children: number;
  resources: number;
  apl: boolean;
  commune: string;
  tenants: Tenant[];
};

const started = performance.now();
const tenancies = new Map<string, Tenancy>();
const tenants: Tenant[] = [];
for await (const r of rows('landlord.extract.csv')) {
  let t = tenancies.get(r.household_pseudo!);
  if (!t) {
    t = {
      pseudo: r.household_pseudo!,
      adults: Number(r.household_adults),
      children: Number(r.household_children),
      resources: Number(r.household_resources),
      apl: r.apl === '1',
      commune: r.commune!,
      tenants: [],
    };
    tenancies.set(t.pseudo, t);
  }
  const tenant = {
    key: tenants.length,
    identity: r.identity_pseudo!,
    birthYm: r.birth_ym!,
    clk: clkWords(decodeClk(r.identity_clk!)),
    tenancy: t.pseudo,
  };
  tenants.push(tenant);
  t.tenants.push(tenant);
}

// caf and msa rows: identity_pseudo → person, and filters by birth month (distinct persons).
type Block = { persons: string[]; words: Int32Array[]; counts: number[] };
const byIdentity = new Map<string, string>();
const blocks = new Map<string, Block>();
const seen = new Set<string>();
for (const kind of ['caf', 'msa']) {
  for await (const r of rows(`${kind}.extract.csv`)) {
    const person = r.person_pseudo!;
    if (seen.has(person)) continue;
    seen.add(person);
    byIdentity.set(r.identity_pseudo!, person);
    const b = blocks.get(r.birth_ym!) ?? { persons: [], words: [], counts: [] };
    blocks.set(r.birth_ym!, b);
    const words = clkWords(decodeClk(r.identity_clk!));
    b.persons.push(person);
    b.words.push(words);
    b.counts.push(popcountAt(words, 0));
  }
}

// Exact linkage, then the Bloom filters of the tenants left against the rows no tenant took.
const linked = new Map<number, { person: string; method: 'exact' | 'fuzzy'; score: number }>();
const taken = new Set<string>();
for (const t of tenants) {
  const person = byIdentity.get(t.identity);
  if (person !== undefined) {
    linked.set(t.key, { person, method: 'exact', score: 1 });
    taken.add(person);
  }
}
const pairs: { tenant: number; person: string; score: number }[] = [];
let comparisons = 0;
for (const t of tenants) {
  if (linked.has(t.key)) continue;
  const b = blocks.get(t.birthYm);
  if (!b) continue;
  const count = popcountAt(t.clk, 0);
  for (let i = 0; i < b.persons.length; i++) {
    if (taken.has(b.persons[i]!)) continue;
    comparisons++;
    const shared = intersectionAt(t.clk, 0, b.words[i]!, 0);
    const score = (2 * shared) / (count + b.counts[i]!);
    if (score >= threshold) pairs.push({ tenant: t.key, person: b.persons[i]!, score });
  }
}
pairs.sort((x, y) => y.score - x.score || x.tenant - y.tenant || (x.person < y.person ? -1 : 1));
for (const p of pairs) {
  if (linked.has(p.tenant) || taken.has(p.person)) continue;
  linked.set(p.tenant, { person: p.person, method: 'fuzzy', score: p.score });
  taken.add(p.person);
}

// RSA.UNKNOWN_TO_CAF on every tenancy, as linked.
const params = paramsAtDate(manifest.month);
const fired = new Set<string>();
for (const t of tenancies.values()) {
  const profile = tenancyProfile({
    source: { kind: 'landlord', partner: 'bailleur', reference_month: manifest.month },
    household_pseudo: t.pseudo,
    commune: t.commune,
    household_adults: t.adults,
    household_children: t.children,
    household_resources: t.resources,
    apl: t.apl,
    caf_extract_in_run: true,
    tenants: t.tenants.map((x) =>
      tenantProfile({
        identity_pseudo: x.identity,
        birth_ym: x.birthYm,
        family_link:
          linked.get(x.key)?.method === 'fuzzy'
            ? 'identity_clk'
            : linked.has(x.key)
              ? 'identity_pseudo'
              : null,
      }),
    ),
  });
  if (rsaUnknownToCafRule.apply(profile, params)) fired.add(t.pseudo);
}
const truth = new Set<string>();
for await (const r of rows('ground-truth.csv'))
  if (r.rule === 'RSA.UNKNOWN_TO_CAF') truth.add(r.subject_pseudo!);
const truePositives = [...fired].filter((s) => truth.has(s)).length;
const seconds = (performance.now() - started) / 1000;

// What each noise kind did, from the link truth.
const outcome: Record<string, Record<string, number>> = {};
const note = (kind: string, what: string) => {
  outcome[kind] ??= {};
  outcome[kind][what] = (outcome[kind][what] ?? 0) + 1;
};
const trueScores: Record<string, number[]> = {};
let i = 0;
for await (const l of rows('landlord-links.csv')) {
  const t = tenants[i++]!;
  if (l.identity_pseudo !== t.identity) throw new Error('landlord-links.csv and the extract disagree');
  const kind = l.noise === '' ? 'clean' : l.noise!;
  const got = linked.get(t.key);
  if (l.link === 'none') {
    if (got) note(`unlinkable (${kind})`, 'falsely linked');
    continue;
  }
  if (l.link === 'exact') continue;
  if (!got) note(kind, 'unlinked');
  else note(kind, got.person === l.linked_person_pseudo ? 'true row' : 'other row');
  const b = blocks.get(t.birthYm)!;
  const j = b.persons.indexOf(l.linked_person_pseudo!);
  const scores = trueScores[kind] ?? [];
  scores.push(diceAt(t.clk, 0, b.words[j]!, 0));
  trueScores[kind] = scores;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number) => Math.round(x * 1000) / 1000;

console.log(
  JSON.stringify(
    {
      persons: manifest.persons,
      threshold,
      tenants: tenants.length,
      tenancies: tenancies.size,
      links: {
        exact: [...linked.values()].filter((l) => l.method === 'exact').length,
        fuzzy: [...linked.values()].filter((l) => l.method === 'fuzzy').length,
        none: tenants.length - linked.size,
      },
      comparisons,
      byNoiseKind: Object.fromEntries(
        Object.entries(outcome)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, o]) => [
            k,
            trueScores[k]
              ? { ...o, medianDice: round(median(trueScores[k])), minDice: round(Math.min(...trueScores[k])) }
              : o,
          ]),
      ),
      rsaUnknownToCaf: {
        truth: truth.size,
        fired: fired.size,
        truePositives,
        precision: fired.size ? round(truePositives / fired.size) : null,
        recall: truth.size ? round(truePositives / truth.size) : null,
      },
      seconds: Number(seconds.toFixed(1)),
    },
    null,
    2,
  ),
);
