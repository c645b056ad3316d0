// pnpm bench:synth [--persons 1000000] [--seed bench] [--month 2026-10] [--months 1]
// Runs `nonrecours synth` as a separate process into a temporary folder and reports its wall time,
// its peak RSS (read by the child itself as it exits), the size of what it wrote and the rows per
// file (per month with --months). The bar: 1,000,000 persons in under 2 minutes a month on the
// 2-core project machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: 'bench' },
    month: { type: 'string', default: '2026-10' },
    months: { type: 'string', default: '1' },
  },
});
const root = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'nonrecours-bench-synth-'));
const rssFile = path.join(out, '.maxrss');
// Peak RSS of the child, from getrusage as it exits: no sampling can miss the peak.
const exitHook = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs';
   process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
)}`;

try {
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        exitHook,
        path.join(root, 'packages/cli/src/main.ts'),
        'synth',
        '--persons',
        values.persons,
        '--seed',
        values.seed,
        '--month',
        values.month,
        '--out',
        out,
        ...(values.months === '1' ? [] : ['--months', values.months]),
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`nonrecours synth exited with ${code}`);
  const bytes = (readdirSync(out, { recursive: true }) as string[]).reduce(
    (sum, f) => sum + statSync(path.join(out, f)).size,
    0,
  );
  const peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  const monthsOf = (dir: string): string[] => {
    const root = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    return root.months ? root.months.map((m: string) => path.join(dir, m)) : [dir];
  };
  const byMonth = monthsOf(out).map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    return {
      month: manifest.month,
      persons: manifest.persons,
      households: manifest.households,
      rows: Object.fromEntries(
        Object.entries(manifest.files).map(([k, f]) => [k, (f as { rows: number }).rows]),
      ),
      groundTruthRows: manifest.groundTruth.rows,
    };
  });
  const persons = byMonth.reduce((sum, m) => sum + m.persons, 0);
  console.log(
    JSON.stringify(
      {
        months: byMonth.length,
        seconds: Number(seconds.toFixed(1)),
        personsPerSecond: Math.round(persons / seconds),
        peakRssMiB: Math.round(peakMiB),
        outputMiB: Math.round(bytes / 2 ** 20),
        ...(byMonth.length === 1 ? byMonth[0] : { byMonth }),
        underTwoMinutesPerMillion: seconds * (1_000_000 / persons) < 120,
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
