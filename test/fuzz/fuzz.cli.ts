// `pnpm test:fuzz [--runs N]`: the fuzz suite at the size asked (N cases in all, shared by its
// files), instead of the CI size `pnpm test` runs. FUZZ_SEED and FUZZ_PATH replay a counterexample.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' } }, strict: true });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 2) {
  console.error('usage: pnpm test:fuzz [--runs N] (N ≥ 2, the cases over all fuzz files)');
  process.exit(2);
}
const files = ['test/fuzz/upload-bodies.fuzz.test.ts', 'test/fuzz/route-parameters.fuzz.test.ts'];
const result = spawnSync(
  'pnpm',
  ['exec', 'vitest', 'run', ...files, '--testTimeout', String(24 * 3600_000)],
  {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: String(Math.ceil(runs / files.length)) },
  },
);
process.exit(result.status ?? 1);
