// Refuses a Redis that may evict keys: BullMQ keeps jobs and their locks in keys with TTLs, and any
// eviction policy other than `noeviction` loses them silently under memory pressure. Managed Redis often
// disables CONFIG, so the policy is read from `INFO memory` when CONFIG GET is refused.
import { RedisEvictionPolicyError } from './job-errors.ts';

/** The one command the check needs, so tests can pass a fake client. ioredis's `call` fits. */
export interface RedisCommandRunner {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** Reads a `field:value` line of an INFO reply. */
export function infoField(info: string, field: string): string | undefined {
  for (const line of info.split(/\r?\n/)) {
    if (line.startsWith(`${field}:`)) return line.slice(field.length + 1).trim();
  }
  return undefined;
}

async function policyFromConfig(redis: RedisCommandRunner): Promise<string | undefined> {
  try {
    const reply = await redis.call('CONFIG', 'GET', 'maxmemory-policy');
    // RESP2 answers [name, value]; RESP3 a map, which ioredis also hands over as a flat array.
    return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : undefined;
  } catch {
    return undefined; // CONFIG disabled or renamed (managed Redis): fall back to INFO
  }
}

export async function readEvictionPolicy(redis: RedisCommandRunner): Promise<string> {
  const fromConfig = await policyFromConfig(redis);
  if (fromConfig) return fromConfig;
  const info = await redis.call('INFO', 'memory');
  const fromInfo = typeof info === 'string' ? infoField(info, 'maxmemory_policy') : undefined;
  if (!fromInfo)
    throw new Error('cannot read the Redis maxmemory-policy (neither CONFIG GET nor INFO memory)');
  return fromInfo;
}

export async function assertNoEviction(redis: RedisCommandRunner): Promise<void> {
  const policy = await readEvictionPolicy(redis);
  if (policy !== 'noeviction') throw new RedisEvictionPolicyError(policy);
}
