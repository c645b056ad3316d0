// pnpm bench:slowloris [--clients 20] [--seconds 45] [--idle-ms 30000]
// An API process (its own database on the real PostgreSQL, queue in-process) under N slowloris
// uploads: each sends its head and a few bytes of body, then one byte at a time, slower than the
// minimum rate. Meanwhile /health/ready is probed every 50 ms: its p50/p99/max latency and its
// failures are reported, with how the slow uploads ended (408 upload_too_slow, 429 too_many_uploads).
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest } from '@nonrecours/db';
import pg from 'pg';
import { startApiProcess } from '../support/api-process.ts';
import { extractFile } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner } from '../support/factories.ts';
import { clientToken } from '../support/http-client.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '45' },
    'idle-ms': { type: 'string', default: '30000' },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const dbName = 'nonrecours_bench_slowloris';

async function admin(sqlText: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

await admin(`drop database if exists ${dbName} with (force)`);
await admin(`create database ${dbName}`);
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;
const database = createDatabase({ connectionString: dbUrl.toString() });
await migrateToLatest(database.db);
const api = await startApiProcess({
  DATABASE_URL: dbUrl.toString(),
  MIGRATE_ON_START: 'false',
  LOG_LEVEL: 'error',
  UPLOAD_IDLE_TIMEOUT_MS: values['idle-ms'],
});
try {
  const conventionId = (await makeConvention(database.db)).id;
  const org = await makePartner(database.db, 'caf');
  await addMember(database.db, conventionId, org.id, ['partner'], ['caf']);
  const token = await clientToken(api.url, await makeClient(database.db, org.id, 'partner'));
  const port = Number(new URL(api.url).port);
  const body = extractFile('caf', 200);
  const endings = new Map<string, number>();
  const stopAt = Date.now() + seconds * 1000;

  // Each slow client starts again as soon as its upload ends, until the time is up.
  const slowClient = async () => {
    while (Date.now() < stopAt) {
      const ended = await new Promise<string>((resolve) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /v1/conventions/${conventionId}/extracts?kind=caf&schema=caf.v1&reference_month=2026-09 HTTP/1.1\r\n` +
              `host: bench\r\nauthorization: Bearer ${token}\r\ncontent-type: text/csv\r\n` +
              `x-key-check: 4b087fe7a2945f10\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`,
          );
          let sent = 0;
          const drip = setInterval(() => {
            if (sent >= body.length || Date.now() >= stopAt) {
              clearInterval(drip);
              socket.destroy();
              return;
            }
            socket.write(body.slice(sent, sent + 1));
            sent++;
          }, 1000);
          socket.on('close', () => clearInterval(drip));
        });
        socket.on('data', (d) => {
          answer += d;
        });
        socket.on('error', () => {});
        socket.on('close', () => {
          const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
          const code = /"code":"([a-z_]+)"/.exec(answer)?.[1];
          resolve(status ? `${status} ${code ?? ''}`.trim() : 'closed by the client at the end');
        });
      });
      endings.set(ended, (endings.get(ended) ?? 0) + 1);
      // A client told to come back (429) waits the second its Retry-After would ask for.
      if (ended.startsWith('429')) await new Promise((r) => setTimeout(r, 1000));
    }
  };

  const latencies: number[] = [];
  let failures = 0;
  const probe = async () => {
    while (Date.now() < stopAt) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        if (!res.ok) failures++;
      } catch {
        failures++;
      }
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  await Promise.all([...Array.from({ length: clients }, slowClient), probe()]);
  latencies.sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        slow_clients: clients,
        seconds,
        upload_idle_timeout_ms: Number(values['idle-ms']),
        health_ready: {
          probes: latencies.length,
          failures,
          p50_ms: Number(quantile(latencies, 0.5).toFixed(1)),
          p99_ms: Number(quantile(latencies, 0.99).toFixed(1)),
          max_ms: Number((latencies.at(-1) ?? NaN).toFixed(1)),
        },
        slow_uploads_ended: Object.fromEntries(endings),
      },
      null,
      2,
    ),
  );
} finally {
  await api.stop();
  await database.close();
  await admin(`drop database if exists ${dbName} with (force)`);
}
