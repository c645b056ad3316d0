// The noeviction check, against fake replies and against throwaway redis-server processes (the shared
// Redis keeps its policy: nothing here changes it).
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobQueue } from './create-job-queue.ts';
import { defineJobs } from './job-definitions.ts';
import { RedisEvictionPolicyError } from './job-errors.ts';
import { assertNoEviction, infoField, type RedisCommandRunner, readEvictionPolicy } from './redis-policy.ts';
import { freePort, REDIS_URL, redisTestsRun, silentLog, testPrefix } from './test-support.ts';

const INFO_MEMORY = '# Memory\r\nused_memory:1045816\r\nmaxmemory:0\r\nmaxmemory_policy:volatile-lru\r\n';

function fakeRedis(replies: { config?: unknown; info?: string }): RedisCommandRunner {
  return {
    async call(command) {
      const reply = command === 'CONFIG' ? replies.config : replies.info;
      if (reply === undefined) throw new Error(`ERR unknown command '${command}'`);
      return reply;
    },
  };
}

describe('the eviction policy check', () => {
  it('reads the policy with CONFIG GET', async () => {
    const redis = fakeRedis({ config: ['maxmemory-policy', 'allkeys-lru'] });
    expect(await readEvictionPolicy(redis)).toBe('allkeys-lru');
    await expect(assertNoEviction(redis)).rejects.toThrow(RedisEvictionPolicyError);
    await expect(assertNoEviction(redis)).rejects.toMatchObject({ policy: 'allkeys-lru' });
  });

  it('falls back to INFO memory where CONFIG is disabled', async () => {
    expect(await readEvictionPolicy(fakeRedis({ info: INFO_MEMORY }))).toBe('volatile-lru');
    await expect(assertNoEviction(fakeRedis({ info: INFO_MEMORY }))).rejects.toThrow(/'volatile-lru'/);
    const allowed = INFO_MEMORY.replace('volatile-lru', 'noeviction');
    await expect(assertNoEviction(fakeRedis({ info: allowed }))).resolves.toBeUndefined();
  });

  it('refuses when the policy cannot be read at all', async () => {
    await expect(readEvictionPolicy(fakeRedis({ info: '# Memory\r\n' }))).rejects.toThrow(/cannot read/);
  });

  it('reads INFO fields', () => {
    expect(infoField(INFO_MEMORY, 'maxmemory')).toBe('0');
    expect(infoField(INFO_MEMORY, 'maxmemory_human')).toBeUndefined();
  });
});

/** Starts a redis-server of its own, resolved once it accepts connections. */
async function startRedis(...options: string[]): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      ...options,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, child };
}

const redisRuns = await redisTestsRun();

describe.skipIf(!redisRuns)('createJobQueue on a Redis that may evict keys', () => {
  const children: ChildProcess[] = [];
  const definitions = defineJobs({ 'retention.purge': z.object({}) });
  const open = (redisUrl: string) =>
    createJobQueue({ definitions, redisUrl, prefix: testPrefix(), log: silentLog, concurrency: 1 });

  afterAll(async () => {
    await Promise.all(
      children.map(async (child) => {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }),
    );
  });

  it('refuses it, naming the policy', async () => {
    const server = await startRedis('--maxmemory-policy', 'allkeys-lru');
    children.push(server.child);
    await expect(open(server.url)).rejects.toThrow(RedisEvictionPolicyError);
    await expect(open(server.url)).rejects.toThrow(/'allkeys-lru'/);
  });

  it('refuses it when CONFIG is disabled, as on managed Redis', async () => {
    const server = await startRedis('--maxmemory-policy', 'volatile-ttl', '--rename-command', 'CONFIG', '');
    children.push(server.child);
    const redis = new Redis(server.url);
    await expect(redis.call('CONFIG', 'GET', 'maxmemory-policy')).rejects.toThrow(/unknown command/);
    redis.disconnect();
    await expect(open(server.url)).rejects.toMatchObject({ policy: 'volatile-ttl' });
  });

  it('accepts the shared test Redis, which runs noeviction', async () => {
    const queue = await open(REDIS_URL);
    await queue.ping();
    await queue.close(1000);
  });
});
