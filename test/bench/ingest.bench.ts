// pnpm bench:ingest [--rows 1000000] [--rows 3000000 …] [--schema caf.v2]
// Uploads synthetic caf extracts through the HTTP API (a separate process, on the real PostgreSQL)
// and reports rows/s, the API's peak RSS and the latency of a health probe during the upload; then,
// on the same machine and file, the rows/s of a plain `psql \copy` into an equivalent table.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest } from '@nonrecours/db';
import { schemaColumns } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import pg from 'pg';
import { startApiProcess } from '../support/api-process.ts';
import { extractStream } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner } from '../support/factories.ts';
import { clientToken, uploadExtract } from '../support/http-client.ts';
import { peakRss } from '../support/proc-stats.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', multiple: true, default: ['1000000'] },
    schema: { type: 'string', default: 'caf.v1' },
  },
});
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbName = 'nonrecours_bench_ingest';
const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-bench-'));
const schema = values.schema;
const columns = schemaColumns('caf', schema).map((c) => c.name);

async function admin(sqlText: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

async function probeLatency(url: string, stop: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!stop()) {
    const t0 = performance.now();
    await (await fetch(`${url}/health/live`)).arrayBuffer();
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times.sort((a, b) => a - b);
}

await admin(`drop database if exists ${dbName} with (force)`);
await admin(`create database ${dbName}`);
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;
const database = createDatabase({ connectionString: dbUrl.toString() });
await migrateToLatest(database.db);
const results = [];

try {
  for (const rowsText of values.rows) {
    const rows = Number(rowsText);
    const file = path.join(dir, `caf-${rows}.csv`);
    await pipeline(extractStream('caf', rows, { schema }), createWriteStream(file));
    const bytes = statSync(file).size;

    const convention = await makeConvention(database.db);
    const org = await makePartner(database.db, 'caf');
    await addMember(database.db, convention.id, org.id, ['partner'], ['caf']);
    const client = await makeClient(database.db, org.id, 'partner');

    const api = await startApiProcess({
      DATABASE_URL: dbUrl.toString(),
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'error',
    });
    const token = await clientToken(api.url, client);
    const rssBefore = peakRss(api.child.pid!);
    let done = false;
    const probe = probeLatency(api.url, () => done);
    const t0 = performance.now();
    const res = await uploadExtract(
      {
        url: api.url,
        token,
        conventionId: convention.id,
        kind: 'caf',
        schema,
        month: '2026-09',
        kcv: '4b087fe7a2945f10',
      },
      createReadStream(file, { highWaterMark: 1 << 20 }),
    );
    const apiSeconds = (performance.now() - t0) / 1000;
    done = true;
    const latencies = await probe;
    const rss = peakRss(api.child.pid!);
    await api.stop();
    if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${res.body}`);

    const table = `copy_bench_${rows}`;
    // The same columns and types as the rows table the API loads, without the partitioning; months stay
    // text, since psql cannot read YYYY-MM as a date (the API turns them into dates).
    await sql
      .raw(
        `drop table if exists ${table}; create table ${table} (like extract_rows_caf including defaults); alter table ${table} alter column extract_id set default gen_random_uuid(), alter column birth_ym type text`,
      )
      .execute(database.db);
    const t1 = performance.now();
    execFileSync('psql', [
      dbUrl.toString(),
      '-q',
      '-c',
      `\\copy ${table} (${columns.join(', ')}) from '${file}' with (format csv, header true, delimiter ';')`,
    ]);
    const copySeconds = (performance.now() - t1) / 1000;
    const result = {
      schema,
      rows,
      mb: +(bytes / 1e6).toFixed(1),
      api_seconds: +apiSeconds.toFixed(2),
      api_rows_per_s: Math.round(rows / apiSeconds),
      copy_seconds: +copySeconds.toFixed(2),
      copy_rows_per_s: Math.round(rows / copySeconds),
      ratio_to_copy: +(copySeconds / apiSeconds).toFixed(2),
      api_peak_rss_mb: Math.round(rss),
      api_rss_at_start_mb: Math.round(rssBefore),
      health_probe_ms: {
        p50: +(latencies[Math.floor(latencies.length / 2)] ?? 0).toFixed(1),
        max: +(latencies.at(-1) ?? 0).toFixed(1),
        n: latencies.length,
      },
    };
    results.push(result);
    console.log(JSON.stringify(result));
    rmSync(file);
  }
} finally {
  await database.close();
  await admin(`drop database if exists ${dbName} with (force)`);
  rmSync(dir, { recursive: true, force: true });
}
console.table(
  results.map(({ health_probe_ms, ...r }) => ({
    ...r,
    probe_p50_ms: health_probe_ms.p50,
    probe_max_ms: health_probe_ms.max,
  })),
);
