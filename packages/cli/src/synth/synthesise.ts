// `nonrecours synth`: a deterministic synthetic territory. Streams households from the generator
// into every partner's clear file and extract, the ground truth of the cases fr.v1 must find, the
// truth of landlord-to-CAF linkage, the convention key and a manifest.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CLK_BYTES,
  clearColumns,
  createPseudonymiser,
  dice,
  type ExtractKind,
  extractKinds,
  formatKey,
  schemaColumns,
  schemaOfKind,
  schemasOfKind,
} from '@nonrecours/pseudo';
import { type CsvFile, openCsvFile } from './csv-file.ts';
import { createRowFormatter, partnerRows } from './extract-rows.ts';
import { groundTruth, type LinkNeed, truthColumns } from './ground-truth.ts';
import { type Household, inCaf, inMsa, members, type Person } from './household.ts';
import {
  createHouseholdGenerator,
  defaultNonTakeUp,
  type HouseholdGenerator,
  type NonTakeUpRates,
} from './household-generator.ts';
import { firstAplMonth } from './housing-aid.ts';
import { noiseKinds } from './identity-noise.ts';
import { drawLandlordV2 } from './landlord-v2.ts';
import { formatMonth } from './months.ts';
import { createRng } from './prng.ts';

export const DEFAULT_NOISE_RATE = 0.1;

export type SynthOptions = {
  /** Write caf.v2 and msa.v2, with their monthly columns, instead of v1. */
  monthly?: boolean;
  /** Write landlord.v2 (the housing-aid columns) and the APL.LANDLORD ground truth; as_of from 2024-10. */
  landlordV2?: boolean;
  persons: number;
  seed: string;
  /** as_of month index (months.ts). */
  asOf: number;
  out: string;
  noiseRate?: number;
  nonTakeUp?: NonTakeUpRates;
  /** Called now and then with the number of persons written. */
  onProgress?: (persons: number) => void;
  /** Where the households come from (synthesise-months.ts replays evolved ones); the seed's generator by default. */
  generator?: HouseholdGenerator;
};

type Rate = { entitled: number; notClaiming: number; rate: number | null };

export type Manifest = {
  seed: string;
  persons: number;
  households: number;
  month: string;
  kcv: string;
  files: Record<ExtractKind, { schema: string; clear: string; extract: string; rows: number }>;
  groundTruth: {
    file: string;
    columns: string[];
    rows: number;
    byRule: Record<string, number>;
    /** What each value of the link column means. */
    link: Record<LinkNeed, string>;
  };
  landlordLinks: { file: string; columns: string[]; rows: number; byLink: Record<string, number> };
  noiseRate: {
    intended: number;
    realised: number | null;
    /** What the Dice figures of byKind compare. */
    dice: string;
    byKind: Record<string, NoiseKindStats>;
  };
  nonTakeUp: {
    intended: NonTakeUpRates;
    /** Among the truly entitled: households for RSA, PPA and ASPA, persons for C2S. */
    realised: Record<keyof NonTakeUpRates | 'c2s', Rate>;
  };
  /** Households drawn again because an amount fell within the margin of a threshold. */
  redraws: Record<string, number>;
};

/** A noise kind among the noisy landlord rows, and the Dice of their filters to the civil identity's. */
export type NoiseKindStats = {
  rows: number;
  share: number;
  medianDice: number | null;
  minDice: number | null;
  /** Rows under the convention's default linkage threshold. */
  belowDefaultThreshold: number;
};

// The convention default of the Dice threshold (requirements), for the belowDefaultThreshold counts.
const DEFAULT_DICE_THRESHOLD = 0.85;

const diceMeaning =
  "Dice coefficient of each noisy landlord row's identity_clk to the identity_clk of the person's civil " +
  'identity (that of its caf or msa row, for a person who has one), over every noisy row';

const linkMeaning: Record<LinkNeed, string> = {
  exact: 'the case joins two extracts on person_pseudo (a caf or carsat row and its cpam row)',
  none: 'the case reads one extract only',
  absent:
    'the case stands only if no tenant links to a caf or msa row, exactly or by Bloom filter (landlord-links.csv holds the true links)',
};

export const linkColumns = [
  'tenancy_pseudo',
  'identity_pseudo',
  'linked_kind',
  'linked_person_pseudo',
  'link',
  'noise',
];

/** The convention key of a seed: the territory is reproducible down to its pseudonyms. */
export function keyOfSeed(seed: string): Uint8Array {
  return createRng(seed, 'convention-key').bytes(32);
}

const count = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export async function synthesise(options: SynthOptions): Promise<Manifest> {
  const { persons, seed, asOf, out } = options;
  const noiseRate = options.noiseRate ?? DEFAULT_NOISE_RATE;
  const nonTakeUp = options.nonTakeUp ?? defaultNonTakeUp;
  if (options.landlordV2 && asOf < firstAplMonth) {
    throw new RangeError('landlord.v2 territories start in 2024-10, the first month of APL.md’s tables');
  }
  mkdirSync(out, { recursive: true });

  const key = keyOfSeed(seed);
  const pseudonymiser = createPseudonymiser(key);
  const keyPath = join(out, 'key');
  writeFileSync(keyPath, `${formatKey(key)}\n`, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(join(out, 'kcv'), `${pseudonymiser.kcv}\n`);

  // caf.v2 and msa.v2 with `monthly`: each month of the window states the household's situation.
  const v2 = (kind: ExtractKind) => schemasOfKind[kind].find((s) => s.endsWith('.v2')) ?? schemaOfKind[kind];
  const schemaOf = (kind: ExtractKind) =>
    kind === 'landlord'
      ? options.landlordV2
        ? v2(kind)
        : schemaOfKind[kind]
      : options.monthly
        ? v2(kind)
        : schemaOfKind[kind];
  const landlordV2Rng = createRng(seed, 'landlord-v2');
  const files = {} as Record<ExtractKind, { clear: CsvFile; extract: CsvFile }>;
  for (const kind of extractKinds) {
    files[kind] = {
      clear: openCsvFile(join(out, `${kind}.clear.csv`), clearColumns(kind, schemaOf(kind))),
      extract: openCsvFile(
        join(out, `${kind}.extract.csv`),
        schemaColumns(kind, schemaOf(kind)).map((c) => c.name),
      ),
    };
  }
  const formatters = Object.fromEntries(
    extractKinds.map((k) => [k, createRowFormatter(k, pseudonymiser, schemaOf(k))]),
  ) as Record<ExtractKind, ReturnType<typeof createRowFormatter>>;
  const truthFile = openCsvFile(join(out, 'ground-truth.csv'), truthColumns);
  const linkFile = openCsvFile(join(out, 'landlord-links.csv'), linkColumns);

  const generator = options.generator ?? createHouseholdGenerator({ seed, asOf, noiseRate, nonTakeUp });
  const byRule: Record<string, number> = {};
  const byLink: Record<string, number> = {};
  const noiseDice = new Map<string, number[]>();
  const civilClk = new Uint8Array(CLK_BYTES);
  const landlordClk = new Uint8Array(CLK_BYTES);
  const rates = newRates();
  let written = 0;
  let households = 0;
  let landlordRows = 0;
  let noisyRows = 0;

  try {
    while (written < persons) {
      const h = generator.next(persons - written);
      for (const p of members(h)) p.pseudo = pseudonymiser.personPseudo(p.identity.nir);
      if (h.socialTenant) h.tenancyPseudo = pseudonymiser.householdPseudo('landlord', h.tenancyId);
      if (h.socialTenant && options.landlordV2) h.landlordV2 = drawLandlordV2(landlordV2Rng, asOf, h);

      // identity_pseudo of each person as the caf or msa rows carry it, to label landlord links.
      const familyIdentity = new Map<Person, string>();
      for (const row of partnerRows(h, asOf)) {
        const f = files[row.kind];
        f.clear.write(formatters[row.kind].clear(row));
        const { fields, identityPseudo } = formatters[row.kind].extract(row);
        f.extract.write(fields);
        if (row.kind === 'caf' || row.kind === 'msa') familyIdentity.set(row.person, identityPseudo);
        if (row.kind === 'landlord') {
          const linkedKind = inMsa(h) ? 'msa' : inCaf(h) ? 'caf' : '';
          const clean = familyIdentity.get(row.person);
          const link = clean === undefined ? 'none' : clean === identityPseudo ? 'exact' : 'fuzzy';
          linkFile.write([
            h.tenancyPseudo,
            identityPseudo,
            linkedKind,
            linkedKind ? row.person.pseudo : '',
            link,
            row.person.landlord!.noise ?? '',
          ]);
          count(byLink, link);
          landlordRows++;
          const noisy = row.person.landlord!;
          if (noisy.noise) {
            noisyRows++;
            // The similarity is known here from the key; the manifest only states it by kind.
            const civil = row.person.identity;
            pseudonymiser.identityClk(civil.familyName, civil.givenNames, row.person.birthDate, civilClk);
            pseudonymiser.identityClk(noisy.familyName, noisy.givenNames, row.person.birthDate, landlordClk);
            const scores = noiseDice.get(noisy.noise) ?? [];
            scores.push(dice(civilClk, landlordClk));
            noiseDice.set(noisy.noise, scores);
          }
        }
      }
      for (const t of groundTruth(asOf, h)) {
        truthFile.write([
          t.subject,
          t.subjectKind,
          t.benefit,
          t.rule,
          t.link,
          t.source,
          t.amount === null ? '' : t.amount.toFixed(2),
        ]);
        count(byRule, t.rule);
      }
      tally(rates, h);
      households++;
      written += h.adults.length + h.children.length;
      if (households % 5000 === 0) {
        options.onProgress?.(written);
        // Let timers (a progress bar) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    for (const kind of extractKinds) {
      files[kind].clear.close();
      files[kind].extract.close();
    }
    truthFile.close();
    linkFile.close();
  }
  options.onProgress?.(written);

  const manifest: Manifest = {
    seed,
    persons: written,
    households,
    month: formatMonth(asOf),
    kcv: pseudonymiser.kcv,
    files: Object.fromEntries(
      extractKinds.map((kind) => [
        kind,
        {
          schema: schemaOf(kind),
          clear: `${kind}.clear.csv`,
          extract: `${kind}.extract.csv`,
          rows: files[kind].extract.rows,
        },
      ]),
    ) as Manifest['files'],
    groundTruth: {
      file: 'ground-truth.csv',
      columns: truthColumns,
      rows: truthFile.rows,
      byRule: sorted(byRule),
      link: linkMeaning,
    },
    landlordLinks: {
      file: 'landlord-links.csv',
      columns: linkColumns,
      rows: linkFile.rows,
      byLink: sorted(byLink),
    },
    noiseRate: {
      intended: noiseRate,
      realised: landlordRows === 0 ? null : round4(noisyRows / landlordRows),
      dice: diceMeaning,
      byKind: noiseStats(noiseDice, noisyRows),
    },
    nonTakeUp: { intended: nonTakeUp, realised: finishRates(rates) },
    redraws: sorted(generator.redraws),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function noiseStats(scores: Map<string, number[]>, noisyRows: number): Record<string, NoiseKindStats> {
  return Object.fromEntries(
    noiseKinds.map((kind) => {
      const s = Float64Array.from(scores.get(kind) ?? []).sort();
      const n = s.length;
      const median = n === 0 ? null : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
      return [
        kind,
        {
          rows: n,
          share: noisyRows === 0 ? 0 : round4(n / noisyRows),
          medianDice: median === null ? null : round4(median),
          minDice: n === 0 ? null : round4(s[0]!),
          belowDefaultThreshold: s.filter((x) => x < DEFAULT_DICE_THRESHOLD).length,
        },
      ];
    }),
  );
}
const sorted = (counts: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

type RateKey = keyof NonTakeUpRates | 'c2s';
export type Tally = Record<RateKey, { entitled: number; notClaiming: number }>;

export function newRates(): Tally {
  const zero = () => ({ entitled: 0, notClaiming: 0 });
  return {
    rsa: zero(),
    ppa: zero(),
    aspa: zero(),
    c2sFree: zero(),
    c2sParticipation: zero(),
    c2sWithRsa: zero(),
    c2s: zero(),
  };
}

/** Adds a household to the non-take-up counts (exported for the tests' in-memory territories). */
export function tally(rates: Tally, h: Household): void {
  const add = (key: RateKey, entitled: boolean, claims: boolean, weight = 1) => {
    if (!entitled) return;
    rates[key].entitled += weight;
    if (!claims) rates[key].notClaiming += weight;
  };
  add('rsa', h.entitled.rsa, h.rsa);
  add('ppa', h.entitled.ppa, h.ppa);
  add('aspa', h.entitled.aspa, h.aspaAmount > 0);
  const size = h.adults.length + h.children.length;
  const hasC2s = h.c2s !== 'none';
  if (h.rsa) add('c2sWithRsa', true, hasC2s, size);
  else if (h.entitled.c2s === 'free') add('c2sFree', true, hasC2s, size);
  else if (h.entitled.c2s === 'participation') add('c2sParticipation', true, hasC2s, size);
  add('c2s', h.rsa || h.entitled.c2s !== 'none', hasC2s, size);
}

export function finishRates(rates: Tally): Manifest['nonTakeUp']['realised'] {
  return Object.fromEntries(
    Object.entries(rates).map(([k, r]) => [
      k,
      { ...r, rate: r.entitled === 0 ? null : round4(r.notClaiming / r.entitled) },
    ]),
  ) as Manifest['nonTakeUp']['realised'];
}
