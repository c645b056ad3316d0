// node test/bench/parse.bench.ts [--rows 1000000] [--runs 3] [--quoted]
// The extract parser alone: writes a caf extract of --rows rows (random pseudonyms and identity_clk,
// `;` delimiter, decimal commas: 374 bytes a row) to a temporary directory (in a child process, so
// that making it does not weigh on the memory figures), then runs the parser over it --runs times,
// reading the file with a 1 MiB highWaterMark and discarding the COPY text. Reports rows/s and MB/s
// by wall-clock and by CPU time of the main thread (the one-core figure when other processes compete
// for the cores), and the peak RSS of the process during the parse. --quoted quotes every value, as
// some export tools do.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createExtractParser } from '@nonrecours/core/extracts/parse/index.ts';
import { extractColumns } from '@nonrecours/pseudo';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    quoted: { type: 'boolean', default: false },
    write: { type: 'string' },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const MiB = 1024 * 1024;

/** xorshift32: the same months and communes on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

/** Writes the extract in batches. */
function writeExtract(file: string): void {
  const next = random(0x2545f491);
  const quote = values.quoted ? (v: string) => `"${v}"` : (v: string) => v;
  const fd = openSync(file, 'w');
  writeSync(fd, `${extractColumns.caf.map((c) => quote(c.name)).join(';')}\n`);
  const batch = 10_000;
  for (let done = 0; done < rows; done += batch) {
    const n = Math.min(batch, rows - done);
    const random = randomBytes(n * (3 * 32 + 128));
    let at = 0;
    const bytes = (length: number) => {
      at += length;
      return random.toString('base64url', at - length, at);
    };
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const month = `${1930 + (next() % 95)}-${String(1 + (next() % 12)).padStart(2, '0')}`;
      const commune = String(1000 + (next() % 95_000)).padStart(5, '0');
      const row = [
        bytes(32),
        bytes(32),
        bytes(128),
        month,
        commune,
        bytes(32),
        'allocataire',
        '2',
        '1',
        '0',
        '',
        '1234,50',
        '800.00',
        'locataire',
        '0',
        '1',
        '1',
        '200',
        '0',
      ];
      lines.push(`${row.map(quote).join(';')}\n`);
    }
    writeSync(fd, lines.join(''));
  }
  closeSync(fd);
}

function cpuSeconds(): number {
  const cpu = process.threadCpuUsage();
  return (cpu.user + cpu.system) / 1e6;
}

async function parseOnce(file: string) {
  const parser = createExtractParser('caf');
  let output = 0;
  const discard = new Writable({
    highWaterMark: MiB,
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.length;
      callback();
    },
  });
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 20);
  const wall = performance.now();
  const cpu = cpuSeconds();
  await pipeline(createReadStream(file, { highWaterMark: MiB }), parser, discard);
  const result = {
    wall: (performance.now() - wall) / 1000,
    cpu: cpuSeconds() - cpu,
    output,
    stats: parser.stats,
  };
  clearInterval(sampler);
  return { ...result, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-bench-parse-'));
  try {
    const file = path.join(dir, 'caf.csv');
    const started = performance.now();
    execFileSync(process.execPath, [import.meta.filename, ...process.argv.slice(2), '--write', file], {
      stdio: 'inherit',
    });
    const bytes = statSync(file).size;
    const variant = values.quoted ? ', every value quoted' : '';
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `caf extract: ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB${variant} (written in ${seconds} s)`,
    );
    const fmt = (n: number) => Math.round(n).toLocaleString('en');
    for (let run = 1; run <= runs; run++) {
      const r = await parseOnce(file);
      if (r.stats.validRows !== rows)
        throw new Error(`expected ${rows} valid rows, got ${r.stats.validRows}`);
      console.log(
        `run ${run}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (main thread) · ` +
          `${fmt(rows / r.wall)} rows/s, ${(bytes / 1e6 / r.wall).toFixed(0)} MB/s by wall-clock · ` +
          `${fmt(rows / r.cpu)} rows/s, ${(bytes / 1e6 / r.cpu).toFixed(0)} MB/s by CPU · ` +
          `peak RSS ${(r.peakRss / MiB).toFixed(0)} MiB · COPY text ${(r.output / 1e6).toFixed(0)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.write) writeExtract(values.write);
else await main();
