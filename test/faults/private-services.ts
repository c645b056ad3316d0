// The private PostgreSQL cluster and Redis that `pnpm test:faults` starts (test/faults/run.sh), and the
// faults the suite inflicts on them: PostgreSQL stopped `-m fast` or `-m immediate` (a crash: recovery
// empties unlogged tables), Redis killed and started again with or without its append-only file.
// Never the shared services: the ports come from the script, which refuses the shared ones.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the fault suite with pnpm test:faults`);
  return value;
};

export const faultDir = () => env('FAULT_DIR');
export const pgPort = () => Number(env('FAULT_PG_PORT'));
export const redisPort = () => Number(env('FAULT_REDIS_PORT'));
const pgBin = (tool: string) => path.join(process.env.FAULT_PG_BIN ?? '/usr/lib/postgresql/15/bin', tool);

for (const port of [pgPort, redisPort]) {
  if ([5432, 6379].includes(port())) throw new Error('the fault suite never touches the shared services');
}

/** PostgreSQL refuses to run as root: its tools run as the postgres user then. */
function asPostgres(tool: string, args: string[]): void {
  const [command, argv] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]]
      : [pgBin(tool), args];
  execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
}

const pgData = () => path.join(faultDir(), 'pg');
const pgOptions = () =>
  `-p ${pgPort()} -k ${faultDir()} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;

export function stopPostgres(mode: 'fast' | 'immediate'): void {
  asPostgres('pg_ctl', ['-D', pgData(), '-m', mode, '-w', 'stop']);
}

export function startPostgres(): void {
  asPostgres('pg_ctl', [
    '-D',
    pgData(),
    '-l',
    path.join(faultDir(), 'pg.log'),
    '-o',
    pgOptions(),
    '-w',
    'start',
  ]);
}

/** Resolves once PostgreSQL accepts queries again (crash recovery done). */
export async function postgresAnswers(): Promise<void> {
  for (;;) {
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort()}/postgres` });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      await sleep(50);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

const redisDir = () => path.join(faultDir(), 'redis');
const redisPidFile = () => path.join(faultDir(), 'redis.pid');

/** Kills Redis as a crash would: SIGKILL, no save, no last write of its append-only file. */
export async function killRedis(): Promise<void> {
  const pid = Number(readFileSync(redisPidFile(), 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  for (;;) {
    try {
      process.kill(pid, 0);
      await sleep(20);
    } catch {
      return;
    }
  }
}

export function startRedis(options: { persistence: boolean }): void {
  execFileSync(
    'redis-server',
    [
      '--port',
      String(redisPort()),
      '--bind',
      '127.0.0.1',
      '--daemonize',
      'yes',
      '--pidfile',
      redisPidFile(),
      '--dir',
      redisDir(),
      '--logfile',
      path.join(faultDir(), 'redis.log'),
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--appendonly',
      options.persistence ? 'yes' : 'no',
      '--appendfsync',
      'everysec',
    ],
    { stdio: 'ignore' },
  );
}

export async function redisAnswers(): Promise<void> {
  for (;;) {
    const redis = new Redis({ port: redisPort(), lazyConnect: true, retryStrategy: () => null });
    redis.on('error', () => {});
    try {
      await redis.connect();
      // Loading the append-only file answers LOADING until done.
      await redis.ping();
      return;
    } catch {
      await sleep(50);
    } finally {
      redis.disconnect();
    }
  }
}

/** Turns the append-only file on or off while Redis runs (no fault): on, it then holds the dataset. */
export async function setRedisPersistence(on: boolean): Promise<void> {
  const redis = new Redis({ port: redisPort() });
  try {
    await redis.config('SET', 'appendonly', on ? 'yes' : 'no');
    for (;;) {
      const info = await redis.info('persistence');
      if (/aof_rewrite_in_progress:0/.test(info) && /aof_rewrite_scheduled:0/.test(info)) break;
      await sleep(50);
    }
  } finally {
    redis.disconnect();
  }
}
