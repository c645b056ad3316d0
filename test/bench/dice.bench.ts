// node test/bench/dice.bench.ts
// Bloom-filter comparisons per second on one core (the main thread; nothing here starts a worker),
// on random 1024-bit filters with about 40 % of their bits set:
// - blocks of 600 candidates × 20 tenants, through the WebAssembly kernel of runs/link alone, through
//   linkByBloomFilter (kernel + scores + threshold), and through @nonrecours/pseudo's intersectionAt
//   (plain JavaScript) for comparison;
// - linkByBloomFilter on 15,000 tenants against 600,000 candidates spread over 960 birth months, two
//   tenants in three a noisy copy of a candidate of their month.

import { type ClkRecord, linkByBloomFilter } from '@nonrecours/core/runs/link/index.ts';
import { IntersectionKernel } from '@nonrecours/core/runs/link/intersection-kernel.ts';
import { CLK_BYTES, intersectionAt } from '@nonrecours/pseudo';

/** xorshift32: the same filters on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}
const next = random(0x9e3779b9);

/** `count` filters side by side; each bit is set with probability 3/8 + 5/8 · 1/16 ≈ 41 %. */
function filters(count: number): Uint8Array {
  const words = new Uint32Array((count * CLK_BYTES) / 4);
  for (let i = 0; i < words.length; i++) {
    words[i] = (next() & (next() | next())) | (next() & next() & next() & next());
  }
  return new Uint8Array(words.buffer);
}
const at = (store: Uint8Array, i: number) => store.subarray(i * CLK_BYTES, (i + 1) * CLK_BYTES);

/** Seconds of wall-clock time, and of CPU time on this (the main) thread, since `start`. */
function clock() {
  const cpu = process.threadCpuUsage();
  return { wall: performance.now() / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}
type Clock = { wall: number; cpu: number };
function elapsed(start: Clock): Clock {
  const now = clock();
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu };
}

/**
 * Runs `round` (which makes `perRound` comparisons) for about a second, 5 times: the best rates by
 * wall-clock and by CPU time. The CPU-time rate is the one-core figure when other processes compete
 * for the cores. What rounds return is summed and checked so that the compiler cannot drop their work.
 */
function rate(perRound: number, round: () => number): Clock {
  const best = { wall: 0, cpu: 0 };
  let sink = 0;
  for (let trial = 0; trial < 5; trial++) {
    let rounds = 0;
    const start = clock();
    while (performance.now() / 1000 - start.wall < 1) {
      sink += round();
      rounds++;
    }
    const took = elapsed(start);
    best.wall = Math.max(best.wall, (rounds * perRound) / took.wall);
    best.cpu = Math.max(best.cpu, (rounds * perRound) / took.cpu);
  }
  if (!Number.isFinite(sink)) throw new Error('a round returned no count');
  return best;
}
const millions = (n: number) => `${(n / 1e6).toFixed(1)} M/s`;
const rates = (path: string, r: Clock) => ({
  path,
  'by wall clock': millions(r.wall),
  'by CPU time': millions(r.cpu),
});

const TENANTS = 20;
const CANDIDATES = 600;
const blockTenants = filters(TENANTS);
const blockCandidates = filters(CANDIDATES);
let fill = 0;
for (const byte of blockCandidates) for (let b = byte; b; b &= b - 1) fill++;
console.log(`filters: ${((100 * fill) / (CANDIDATES * CLK_BYTES * 8)).toFixed(1)} % of bits set`);

const kernel = new IntersectionKernel();
kernel.loadCandidates(Array.from({ length: CANDIDATES }, (_, i) => at(blockCandidates, i)));
const kernelRate = rate(TENANTS * CANDIDATES, () => {
  let shared = 0;
  for (let t = 0; t < TENANTS; t++) {
    kernel.loadTenant(at(blockTenants, t));
    shared += kernel.intersect()[t]!;
  }
  return shared;
});

const tenantRecords = Array.from({ length: TENANTS }, (_, i) => ({
  key: `t${i}`,
  birthYm: '1985-05',
  clk: at(blockTenants, i),
}));
const candidateRecords = Array.from({ length: CANDIDATES }, (_, i) => ({
  key: `f${i}`,
  birthYm: '1985-05',
  clk: at(blockCandidates, i),
}));
const linkRate = rate(
  TENANTS * CANDIDATES,
  () => linkByBloomFilter(tenantRecords, candidateRecords, { threshold: 0.85 }).comparisons,
);

const tenantWords = new Int32Array(blockTenants.buffer);
const candidateWords = new Int32Array(blockCandidates.buffer);
const javascriptRate = rate(TENANTS * CANDIDATES, () => {
  let shared = 0;
  for (let t = 0; t < TENANTS; t++) {
    for (let c = 0; c < CANDIDATES; c++)
      shared += intersectionAt(tenantWords, t * 32, candidateWords, c * 32);
  }
  return shared;
});

console.log(`comparisons per second, blocks of ${CANDIDATES} candidates × ${TENANTS} tenants, one core:`);
console.table([
  rates('runs/link intersection kernel (WebAssembly)', kernelRate),
  rates('linkByBloomFilter, a call per block', linkRate),
  rates('@nonrecours/pseudo intersectionAt (JavaScript)', javascriptRate),
]);

// The full run.
const MONTHS = 960;
const FAMILY_ROWS = 600_000;
const UNLINKED_TENANTS = 15_000;
const month = (i: number) => {
  const m = i % MONTHS;
  return `${1930 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};
const familyStore = filters(FAMILY_ROWS);
const families: ClkRecord[] = Array.from({ length: FAMILY_ROWS }, (_, i) => ({
  key: `family-${i}`,
  birthYm: month(i),
  clk: at(familyStore, i),
}));
const strangerStore = filters(UNLINKED_TENANTS);
const tenants: ClkRecord[] = Array.from({ length: UNLINKED_TENANTS }, (_, i) => {
  if (i % 3 === 2) return { key: `tenant-${i}`, birthYm: month(next()), clk: at(strangerStore, i) };
  // A copy of a family row of the same month with up to 160 bits flipped: scores from about 0.8 to 1.
  const family = families[next() % FAMILY_ROWS]!;
  const clk = Uint8Array.from(family.clk);
  for (let flips = next() % 161; flips > 0; flips--) {
    const bit = next() % 1024;
    clk[bit >> 3]! ^= 0x80 >> (bit & 7);
  }
  return { key: `tenant-${i}`, birthYm: family.birthYm, clk };
});

const start = clock();
const result = linkByBloomFilter(tenants, families, { threshold: 0.85 });
const took = elapsed(start);
const sum = (bins: number[]) => bins.reduce((a, b) => a + b, 0);
console.table([
  {
    tenants: UNLINKED_TENANTS,
    candidates: FAMILY_ROWS,
    months: MONTHS,
    comparisons: result.comparisons,
    'wall s': Number(took.wall.toFixed(3)),
    'CPU s': Number(took.cpu.toFixed(3)),
    'comparisons/CPU s': millions(result.comparisons / took.cpu),
    links: result.links.length,
    'near misses': sum(result.histogram.nearMiss),
    'peak RSS MiB': Math.round(process.resourceUsage().maxRSS / 1024),
  },
]);
console.log('accepted by bin from 0.5:', result.histogram.accepted.join(' '));
console.log('near misses by bin from 0.5:', result.histogram.nearMiss.join(' '));
