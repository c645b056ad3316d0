// pnpm bench:pseudonymise [--rows 1000000] [--runs 1]
// Writes a made-up clear caf file into a temporary folder, runs `nonrecours pseudonymise` on it as a
// separate process without and with --clk, and reports rows per second and the peak RSS of the
// process (threads included, from getrusage as it exits). Then measures, in this process, the HMAC
// that makes pseudonyms and the Dice comparison of identity filters.
// The bars: ≥ 100,000 rows/s without clk, ≥ 20,000 rows/s with clk, peak RSS < 200 MB, on the
// 2-core project machine; the matcher will want about 20 million Dice comparisons a second.
import { spawn } from 'node:child_process';
import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  sampleBirthDate,
  sampleClearRow,
  sampleFamilyName,
  toCsv,
} from '@nonrecours/cli/toolkit/sample-clear-file.ts';
import {
  CLK_WORDS,
  clearColumns,
  clkWords,
  createHmacSha256,
  createPseudonymiser,
  dice,
  diceAt,
  diceOfCounts,
  formatKey,
  generateKey,
  intersectionAt,
  popcountAt,
} from '@nonrecours/pseudo';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '1' } },
});
const rowCount = Number(values.rows);
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-bench-pseudonymise-'));
const key = generateKey();
const keyFile = path.join(dir, 'k.key');
writeFileSync(keyFile, formatKey(key), { mode: 0o600 });
const clear = path.join(dir, 'clear.csv');

/** Operations per second of `f` over at least `seconds`, after a warm-up. */
function rate(f: (n: number) => void, seconds = 1): number {
  f(10_000);
  let n = 0;
  const started = performance.now();
  let batch = 10_000;
  while (performance.now() - started < seconds * 1000) {
    f(batch);
    n += batch;
    batch *= 2;
  }
  return n / ((performance.now() - started) / 1000);
}

async function writeClearFile(): Promise<void> {
  const columns = clearColumns('caf');
  const out = createWriteStream(clear);
  out.write(toCsv(columns, []));
  for (let i = 0; i < rowCount; i += 10_000) {
    const rows = Array.from({ length: Math.min(10_000, rowCount - i) }, (_, k) =>
      sampleClearRow('caf', i + k),
    );
    const text = toCsv(columns, rows);
    if (!out.write(text.slice(text.indexOf('\n') + 1))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** One run of the command in its own process: wall time, peak RSS and the summary it printed. */
async function pseudonymise(clk: boolean) {
  const rssFile = path.join(dir, '.maxrss');
  const exitHook = `data:text/javascript,${encodeURIComponent(
    `import { writeFileSync } from 'node:fs';
     process.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
  )}`;
  const extract = path.join(dir, 'extract.csv');
  const args = [
    '--import',
    exitHook,
    path.join(root, 'packages/cli/src/main.ts'),
    '--lang',
    'en',
    'pseudonymise',
  ];
  args.push(
    '--kind',
    'caf',
    '--key-file',
    keyFile,
    '--in',
    clear,
    '--out',
    extract,
    ...(clk ? ['--clk'] : []),
  );
  const started = performance.now();
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (part) => {
      stderr += part;
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`nonrecours pseudonymise exited with ${code}: ${stderr}`);
  const written = Number(/(\d+) rows written/.exec(stderr)?.[1]);
  if (written !== rowCount) throw new Error(`expected ${rowCount} rows, the command wrote ${written}`);
  return {
    clk,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(rowCount / seconds),
    peakRssMiB: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024),
    extractMB: Number((statSync(extract).size / 1e6).toFixed(1)),
  };
}

function hmacRates() {
  const message = (i: number) => `nir:${1850578000000 + i}`;
  const fast = createHmacSha256(key);
  const out = Buffer.alloc(32);
  const keyObject = createSecretKey(key);
  const ipad = Buffer.alloc(64, 0x36);
  const opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < 32; i++) {
    ipad[i]! ^= key[i]!;
    opad[i]! ^= key[i]!;
  }
  const inner = createHash('sha256').update(ipad);
  const outer = createHash('sha256').update(opad);
  const perSecond = (f: (i: number) => void) =>
    Math.round(
      rate((n) => {
        for (let i = 0; i < n; i++) f(i);
      }),
    );
  return {
    createHmacSha256: perSecond((i) => fast.bytes(message(i), out)),
    cryptoCreateHmacKeyObject: perSecond((i) => createHmac('sha256', keyObject).update(message(i)).digest()),
    cryptoHashCopy: perSecond((i) =>
      outer
        .copy()
        .update(inner.copy().update(message(i)).digest())
        .digest(),
    ),
  };
}

function diceRates() {
  // Filters of made-up people, as the matcher will hold them: side by side, with their bit counts;
  // each of 64 filters against all the others, as a blocked matcher scans. The loops are written out
  // so that each call site sees one function, as in a real matcher.
  const p = createPseudonymiser(key);
  const people = 4096;
  const words = new Int32Array(people * CLK_WORDS);
  const buffers: Buffer[] = [];
  for (let i = 0; i < people; i++) {
    const filter = Buffer.from(p.identityClk(sampleFamilyName(i), 'Jean', sampleBirthDate(i)));
    buffers.push(filter);
    words.set(clkWords(filter), i * CLK_WORDS);
  }
  const counts = Int32Array.from({ length: people }, (_, i) => popcountAt(words, i * CLK_WORDS));
  const seconds = 2;
  let sink = 0;
  const measure = (pass: () => void) => {
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      pass();
      n += 64 * people;
    }
    return Math.round(n / ((performance.now() - started) / 1000));
  };
  const result = {
    intersectionWithCounts: measure(() => {
      for (let i = 0; i < 64; i++) {
        for (let j = 0; j < people; j++) {
          sink += diceOfCounts(
            intersectionAt(words, i * CLK_WORDS, words, j * CLK_WORDS),
            counts[i]!,
            counts[j]!,
          );
        }
      }
    }),
    diceAt: measure(() => {
      for (let i = 0; i < 64; i++) {
        for (let j = 0; j < people; j++) sink += diceAt(words, i * CLK_WORDS, words, j * CLK_WORDS);
      }
    }),
    diceOnBuffers: measure(() => {
      for (let i = 0; i < 64; i++) for (let j = 0; j < people; j++) sink += dice(buffers[i]!, buffers[j]!);
    }),
  };
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return result;
}

try {
  const started = performance.now();
  await writeClearFile();
  console.log(
    JSON.stringify({
      clearFile: { rows: rowCount, MB: Number((statSync(clear).size / 1e6).toFixed(1)) },
      generatedIn: Number(((performance.now() - started) / 1000).toFixed(1)),
    }),
  );
  for (let run = 0; run < Number(values.runs); run++) {
    console.log(JSON.stringify(await pseudonymise(false)));
    console.log(JSON.stringify(await pseudonymise(true)));
  }
  console.log(JSON.stringify({ hmacPerSecond: hmacRates() }));
  console.log(JSON.stringify({ diceComparisonsPerSecond: diceRates() }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
