// `nonrecours synth --persons N --seed S --out DIR [--month YYYY-MM] [--noise-rate R] [--monthly]`: writes a
// synthetic territory (synth/synthesise.ts). The same seed and size give byte-identical files.

import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { UsageError } from '../cli-error.ts';
import { firstSupportedMonth } from '../synth/legal-parameters.ts';
import { formatMonth, parseMonth } from '../synth/months.ts';
import { DEFAULT_NOISE_RATE, synthesise } from '../synth/synthesise.ts';

const DEFAULT_MONTH = '2026-10';

const HELP = `usage: nonrecours synth --persons N --seed S --out DIR [--month YYYY-MM] [--noise-rate R] [--monthly]

Writes a deterministic synthetic territory into DIR: the convention key and kcv, each partner's
clear file and pseudonymised extract (caf, cpam, msa, carsat, landlord), ground-truth.csv (the
cases rule pack fr.v1 must find at as_of = the month), landlord-links.csv and manifest.json.

  --persons N      number of persons (at least 1)
  --seed S         any text; the same seed and N give the same bytes
  --out DIR        output folder (created if missing; files in it are overwritten)
  --month YYYY-MM  reference month and as_of (default ${DEFAULT_MONTH}, from ${formatMonth(firstSupportedMonth)})
  --noise-rate R   share of landlord rows with a noisy identity (default ${DEFAULT_NOISE_RATE})
  --monthly        write caf.v2 and msa.v2 (the monthly columns) instead of caf.v1 and msa.v1`;

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
        monthly: { type: 'boolean', default: false },
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
  const noiseRate = Number(values['noise-rate']);
  if (!(noiseRate >= 0 && noiseRate <= 1)) throw new UsageError('--noise-rate must be between 0 and 1');

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
