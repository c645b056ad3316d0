// `nonrecours synth --persons N --seed S --out DIR [--month YYYY-MM] [--noise-rate R] [--monthly]
// [--months M …]`: writes a synthetic territory (synth/synthesise.ts), or one population over M
// consecutive months (synth/synthesise-months.ts). The same seed and size give byte-identical files.

import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { UsageError } from '../cli-error.ts';
import { firstAplMonth } from '../synth/housing-aid.ts';
import { firstSupportedMonth } from '../synth/legal-parameters.ts';
import { formatMonth, parseMonth } from '../synth/months.ts';
import { defaultMonthlyRates, type MonthlyRates } from '../synth/months-evolution.ts';
import { DEFAULT_NOISE_RATE, synthesise } from '../synth/synthesise.ts';
import { MAX_MONTHS, type MonthsOptions, synthesiseMonths } from '../synth/synthesise-months.ts';

const DEFAULT_MONTH = '2026-10';

const rateFlags: Record<string, keyof MonthlyRates> = {
  'take-up': 'takeUp',
  'take-up-contacted': 'takeUpContacted',
  'contact-share': 'contactShare',
  'move-out': 'moveOut',
  'job-change': 'jobChange',
  birth: 'birth',
};

const HELP = `usage: nonrecours synth --persons N --seed S --out DIR [--month YYYY-MM] [--noise-rate R] [--monthly]
       [--landlord-v2]
       [--months M [--take-up R] [--take-up-contacted R] [--contact-share P] [--move-out R]
        [--job-change R] [--birth R]]

Writes a deterministic synthetic territory into DIR: the convention key and kcv, each partner's
clear file and pseudonymised extract (caf, cpam, msa, carsat, landlord), ground-truth.csv (the
cases rule pack fr.v1 must find at as_of = the month), landlord-links.csv and manifest.json.

  --persons N      number of persons (at least 1)
  --seed S         any text; the same seed and N give the same bytes
  --out DIR        output folder (created if missing; files in it are overwritten)
  --month YYYY-MM  reference month and as_of (default ${DEFAULT_MONTH}, from ${formatMonth(firstSupportedMonth)})
  --noise-rate R   share of landlord rows with a noisy identity (default ${DEFAULT_NOISE_RATE})
  --monthly        write caf.v2 and msa.v2 (the monthly columns) instead of caf.v1 and msa.v1 (one month only)
  --landlord-v2    write landlord.v2 (the housing-aid columns) and the APL.LANDLORD ground truth (from 2024-10)

With --months M (2 to ${MAX_MONTHS}): the same population over M consecutive months from --month, one
folder DIR/YYYY-MM per month holding the files above plus contacts.csv and, from the second month,
case-states.csv; DIR/manifest.json states the rates and each month's counts. Monthly rates:
  --take-up R            an open case's household starts receiving the benefit (default ${defaultMonthlyRates.takeUp})
  --take-up-contacted R  the same after a contact (default ${defaultMonthlyRates.takeUpContacted})
  --contact-share P      share of the open cases in contacts.csv (default ${defaultMonthlyRates.contactShare})
  --move-out R           a household leaves the territory (default ${defaultMonthlyRates.moveOut})
  --job-change R         an adult of working age finds or loses a job (default ${defaultMonthlyRates.jobChange})
  --birth R              a household with a woman aged 18 to 44 has a child (default ${defaultMonthlyRates.birth})`;

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        persons: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        month: { type: 'string', default: DEFAULT_MONTH },
        'noise-rate': { type: 'string', default: String(DEFAULT_NOISE_RATE) },
        months: { type: 'string' },
        ...Object.fromEntries(Object.keys(rateFlags).map((flag) => [flag, { type: 'string' as const }])),
        monthly: { type: 'boolean', default: false },
        'landlord-v2': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const persons = Number(values.persons);
  if (!/^\d+$/.test(String(values.persons ?? '')) || !Number.isSafeInteger(persons) || persons < 1) {
    throw new UsageError('--persons must be a whole number of at least 1');
  }
  if (typeof values.seed !== 'string' || values.seed === '') throw new UsageError('--seed is required');
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out is required');
  const asOf = parseMonth(String(values.month));
  if (asOf === undefined) throw new UsageError('--month must be YYYY-MM');
  if (asOf < firstSupportedMonth) {
    throw new UsageError(
      `--month must be ${formatMonth(firstSupportedMonth)} or later (the rules support no earlier as_of)`,
    );
  }
  if (values['landlord-v2'] === true && asOf < firstAplMonth) {
    throw new UsageError(
      `--landlord-v2 needs --month ${formatMonth(firstAplMonth)} or later (APL.md's tables)`,
    );
  }
  const noiseRate = Number(values['noise-rate']);
  if (!(noiseRate >= 0 && noiseRate <= 1)) throw new UsageError('--noise-rate must be between 0 and 1');
  const months = values.months === undefined ? 1 : Number(values.months);
  if (!/^\d+$/.test(String(values.months ?? '1')) || months < 1 || months > MAX_MONTHS) {
    throw new UsageError(`--months must be a whole number from 1 to ${MAX_MONTHS}`);
  }
  const rates: Partial<MonthlyRates> = {};
  for (const [flag, key] of Object.entries(rateFlags)) {
    const text = values[flag];
    if (text === undefined) continue;
    if (months === 1) throw new UsageError(`--${flag} needs --months 2 or more`);
    const rate = Number(text);
    if (text === '' || !(rate >= 0 && rate <= 1)) throw new UsageError(`--${flag} must be between 0 and 1`);
    rates[key] = rate;
  }
  if (months > 1) {
    if (values.monthly === true) throw new UsageError('--monthly is not supported with --months');
    if (values['landlord-v2'] === true) throw new UsageError('--landlord-v2 is not supported with --months');
    return runMonths({
      persons,
      seed: values.seed,
      firstMonth: asOf,
      months,
      out: values.out,
      noiseRate,
      rates,
    });
  }

  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: 'synth [{bar}] {value}/{total} persons' })
    : null;
  bar?.start(persons, 0);
  const started = performance.now();
  const manifest = await synthesise({
    persons,
    seed: values.seed,
    asOf,
    out: values.out,
    noiseRate,
    monthly: values.monthly === true,
    landlordV2: values['landlord-v2'] === true,
    onProgress: (n) => bar?.update(n),
  });
  bar?.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows = Object.entries(manifest.files)
    .map(([kind, f]) => `${kind} ${f.rows}`)
    .join(', ');
  console.log(
    `${manifest.persons} persons in ${manifest.households} households (${seconds} s): ${rows} rows`,
  );
  console.log(
    `ground truth: ${manifest.groundTruth.rows} rows; kcv ${manifest.kcv}; written to ${values.out}`,
  );
  return 0;
}

async function runMonths(options: MonthsOptions): Promise<number> {
  const { persons, months, out } = options;
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, format: 'synth [{bar}] month {month}, {value} persons' })
    : null;
  bar?.start(persons * months, 0, { month: 1 });
  const started = performance.now();
  const manifest = await synthesiseMonths({
    ...options,
    onProgress: (month, n) => bar?.update(month * persons + Math.min(n, persons), { month: month + 1 }),
  });
  bar?.stop();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${months} months of ${persons} persons (${seconds} s), written to ${out}`);
  for (const m of manifest.byMonth) {
    const states = Object.entries(m.caseStates)
      .map(([state, n]) => `${state} ${n}`)
      .join(', ');
    console.log(
      `${m.month}: ${m.persons} persons in ${m.households} households; ground truth ${m.truthRows} rows; cases ${states}; ${m.contacts} contacted`,
    );
  }
  return 0;
}
