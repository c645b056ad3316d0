// `nonrecours synth --months N`: one population over consecutive months. The first month is the
// seed's territory exactly as a single-month synth writes it; each later month evolves the same
// households (months-evolution.ts) and writes them again through synthesise(), into a folder per
// month, with the same convention key. Beside each month's files: contacts.csv (the open cases the
// territory team contacts) and, from the second month on, case-states.csv (case-states.ts).
// The households stay in memory from month to month (about 0.8 KB a person).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CampaignMembership,
  type CampaignOptions,
  type CampaignSummary,
  campaignColumns,
  campaignKey,
  campaignMemberships,
} from './campaign.ts';
import {
  type CaseStateRow,
  caseStateColumns,
  caseStates,
  contactColumns,
  type OpenCase,
  openBenefits,
  presumedCases,
} from './case-states.ts';
import { openCsvFile } from './csv-file.ts';
import { groundTruth } from './ground-truth.ts';
import { members } from './household.ts';
import {
  createHouseholdGenerator,
  defaultNonTakeUp,
  type HouseholdGenerator,
} from './household-generator.ts';
import { thresholdTooClose } from './margins.ts';
import { formatMonth } from './months.ts';
import {
  createEvolution,
  defaultMonthlyRates,
  type MonthEvolution,
  type MonthlyRates,
  ownIncome,
  type Resident,
  resident,
} from './months-evolution.ts';
import { createRng } from './prng.ts';
import { DEFAULT_NOISE_RATE, type Manifest, synthesise } from './synthesise.ts';

export const MAX_MONTHS = 36;

export type MonthsOptions = {
  /** Persons of the first month. */
  persons: number;
  seed: string;
  /** The first month (months.ts index). */
  firstMonth: number;
  months: number;
  out: string;
  noiseRate?: number;
  rates?: Partial<MonthlyRates>;
  /** A campaign over the first month's open cases, whose contact works (campaign.ts). */
  campaign?: CampaignOptions;
  /** Called now and then with the month being written (0-based) and the persons written in it. */
  onProgress?: (month: number, persons: number) => void;
};

export type MonthSummary = {
  month: string;
  folder: string;
  persons: number;
  households: number;
  truthRows: number;
  /** Cases by state: month 1 has its presumed cases only, all open. */
  caseStates: Record<'open' | 'taken_up' | 'no_longer_presumed', number>;
  contacts: number;
  events: Record<string, number>;
  realised: MonthEvolution['realised'] | null;
  /** Present households whose amounts fall within the margin of a threshold (parameters and birthdays move them). */
  nearThreshold: number;
  /** Incomes of the month's job changes drawn again to keep clear of a threshold. */
  incomeRedraws: Record<string, number>;
};

export type MonthsManifest = {
  seed: string;
  months: string[];
  rates: MonthlyRates;
  files: { contacts: { file: string; columns: string[] }; caseStates: { file: string; columns: string[] } };
  byMonth: MonthSummary[];
  campaign?: CampaignSummary;
};

/** The households of the first month, recorded as synthesise() draws them from the generator. */
function recording(generator: HouseholdGenerator, residents: Resident[]): HouseholdGenerator {
  return {
    get redraws() {
      return generator.redraws;
    },
    next(maxPersons) {
      const h = generator.next(maxPersons);
      residents.push(resident(h));
      return h;
    },
  };
}

/** The present households of a later month, in order. */
function replay(residents: readonly Resident[], redraws: Record<string, number>): HouseholdGenerator {
  let i = 0;
  return {
    redraws,
    next() {
      while (residents[i]!.movedOut) i++;
      return residents[i++]!.household;
    },
  };
}

export async function synthesiseMonths(options: MonthsOptions): Promise<MonthsManifest> {
  const { seed, firstMonth, months, out } = options;
  if (!(Number.isInteger(months) && months >= 1 && months <= MAX_MONTHS)) {
    throw new RangeError(`months must be between 1 and ${MAX_MONTHS}`);
  }
  const rates = { ...defaultMonthlyRates, ...options.rates };
  const noiseRate = options.noiseRate ?? DEFAULT_NOISE_RATE;
  mkdirSync(out, { recursive: true });

  const residents: Resident[] = [];
  const open: OpenCase[][] = [];
  const evolution = createEvolution(seed, rates);
  const byMonth: MonthSummary[] = [];
  let campaign: CampaignSummary | undefined;
  let memberships: ReadonlyMap<string, CampaignMembership> | null = null;

  for (let i = 0; i < months; i++) {
    const month = firstMonth + i;
    const folder = formatMonth(month);
    const dir = join(out, folder);
    let evolved: MonthEvolution | null = null;
    let generator: HouseholdGenerator;
    let persons = options.persons;
    if (i === 0) {
      generator = recording(
        createHouseholdGenerator({ seed, asOf: month, noiseRate, nonTakeUp: defaultNonTakeUp }),
        residents,
      );
    } else {
      evolved = evolution.evolve(month, residents, (r) => openBenefits(open[r.household.index] ?? []));
      persons = 0;
      for (const r of residents) if (!r.movedOut) persons += members(r.household).length;
      generator = replay(residents, evolved.redraws);
    }
    const manifest = await synthesise({
      persons,
      seed,
      asOf: month,
      out: dir,
      noiseRate,
      generator,
      onProgress: (n) => options.onProgress?.(i, n),
    });
    if (i === 0 && options.campaign) {
      memberships = campaignMemberships(
        options.campaign,
        firstCohort(month, residents),
        month,
        rates.moveOut,
        seed,
      );
      campaign = campaignSummary(folder, options.campaign, memberships);
      writeCampaignFile(dir, month, residents, memberships);
    }
    const counts = writeCasesOfMonth(
      dir,
      month,
      i === 0,
      residents,
      open,
      seed,
      rates.contactShare,
      memberships,
    );
    byMonth.push(summary(folder, manifest, counts, evolved, nearThreshold(month, residents)));
    if (i === 1 && campaign && evolved) {
      const compliers = {
        contact: evolved.events.campaign_complier_contact ?? 0,
        comparison: evolved.events.campaign_complier_comparison ?? 0,
      };
      campaign.compliers = compliers;
      campaign.true_uplift =
        campaign.cohort === 0
          ? null
          : Math.round(((compliers.contact + compliers.comparison) / campaign.cohort) * 10_000) / 10_000;
    }
  }

  const manifest: MonthsManifest = {
    seed,
    months: byMonth.map((m) => m.month),
    rates,
    files: {
      contacts: { file: 'contacts.csv', columns: contactColumns },
      caseStates: { file: 'case-states.csv', columns: caseStateColumns },
    },
    byMonth,
    ...(campaign ? { campaign } : {}),
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

type CaseCounts = { states: MonthSummary['caseStates']; contacts: number };

/**
 * The month's case states (from the second month on) and contacts; leaves in `open` the cases
 * open after this month, by household index, each marked when contacted.
 */
function writeCasesOfMonth(
  dir: string,
  month: number,
  first: boolean,
  residents: readonly Resident[],
  open: OpenCase[][],
  seed: string,
  contactShare: number,
  memberships: ReadonlyMap<string, CampaignMembership> | null,
): CaseCounts {
  const states = { open: 0, taken_up: 0, no_longer_presumed: 0 };
  const statesFile = first ? null : openCsvFile(join(dir, 'case-states.csv'), caseStateColumns);
  const contactsFile = openCsvFile(join(dir, 'contacts.csv'), contactColumns);
  try {
    for (const r of residents) {
      const h = r.household;
      const previous = open[h.index] ?? [];
      const rows: CaseStateRow[] = first
        ? presumedCases(groundTruth(month, h)).map((c) => ({
            ...c,
            state: 'open',
            firstMonth: month,
            contacted: false,
          }))
        : caseStates(month, h, r.movedOut, previous);
      if (rows.length === 0 && previous.length === 0) continue;
      const next: OpenCase[] = [];
      // Contacts come from the household's own stream, so they never depend on other households.
      const rng =
        rows.length > 0 ? createRng(seed, `contacts ${formatMonth(month)} household ${h.index}`) : null;
      for (const row of rows) {
        states[row.state]++;
        statesFile?.write([
          row.subject,
          row.subjectKind,
          row.benefit,
          row.state,
          formatMonth(row.firstMonth),
          row.contacted ? '1' : '0',
        ]);
        if (row.state !== 'open') continue;
        const ordinary = rng!.chance(contactShare);
        // A campaign's cohort is contacted once, its contacted arm in the campaign's month; never its
        // comparison group, nor any of it by the ordinary contacts later, even when presumed again.
        const campaign = memberships?.get(campaignKey(row));
        const contacted = campaign ? first && campaign.arm === 'contact' : ordinary;
        if (contacted) contactsFile.write([row.subject, row.subjectKind, row.benefit]);
        next.push({
          subject: row.subject,
          subjectKind: row.subjectKind,
          benefit: row.benefit,
          firstMonth: row.firstMonth,
          contacted,
          ...(campaign ? { campaign } : {}),
        });
      }
      open[h.index] = next;
    }
  } finally {
    statesFile?.close();
    contactsFile.close();
  }
  return { states, contacts: contactsFile.rows };
}

function nearThreshold(month: number, residents: readonly Resident[]): number {
  let near = 0;
  for (const r of residents) {
    if (r.movedOut) continue;
    const h = r.household;
    const base = Math.round((h.resources - h.aspaAmount) * 100) / 100;
    if (thresholdTooClose(month, h, base, ownIncome(h), [h.aspaAmount])) near++;
  }
  return near;
}

function summary(
  folder: string,
  manifest: Manifest,
  counts: CaseCounts,
  evolved: MonthEvolution | null,
  near: number,
): MonthSummary {
  return {
    month: folder,
    folder,
    persons: manifest.persons,
    households: manifest.households,
    truthRows: manifest.groundTruth.rows,
    caseStates: counts.states,
    contacts: counts.contacts,
    events: evolved?.events ?? {},
    realised: evolved?.realised ?? null,
    nearThreshold: near,
    incomeRedraws: evolved?.redraws ?? {},
  };
}

/** The first month's open cases, with their household's commune: a campaign's cohort. */
function firstCohort(month: number, residents: readonly Resident[]) {
  return residents.flatMap((r) =>
    presumedCases(groundTruth(month, r.household)).map((c) => ({ ...c, commune: r.household.commune })),
  );
}

function writeCampaignFile(
  dir: string,
  month: number,
  residents: readonly Resident[],
  memberships: ReadonlyMap<string, CampaignMembership>,
): void {
  const file = openCsvFile(join(dir, 'campaign.csv'), campaignColumns);
  try {
    for (const c of firstCohort(month, residents)) {
      const m = memberships.get(campaignKey(c));
      if (m) file.write([c.subject, c.subjectKind, c.benefit, c.commune, m.arm, m.responder ? '1' : '0']);
    }
  } finally {
    file.close();
  }
}

function campaignSummary(
  month: string,
  options: CampaignOptions,
  memberships: ReadonlyMap<string, CampaignMembership>,
): CampaignSummary {
  const all = [...memberships.values()];
  const arm = (a: string) => all.filter((m) => m.arm === a);
  return {
    month,
    effect: options.effect,
    true_uplift: null,
    compliers: null,
    share: options.arms ? null : options.share,
    seed: options.arms ? null : options.seed,
    assignment: options.arms ? 'given' : 'drawn',
    cohort: all.length,
    contact: arm('contact').length,
    comparison: arm('comparison').length,
    responders: {
      contact: arm('contact').filter((m) => m.responder).length,
      comparison: arm('comparison').filter((m) => m.responder).length,
    },
  };
}
