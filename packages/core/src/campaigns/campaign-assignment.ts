// The randomised comparison group of a campaign: within each stratum (benefit × commune) the members
// are put in a random order drawn from the campaign's seed, and the first ⌊n × share⌋ or ⌈n × share⌉
// of them (the rounding drawn too, with the fractional part as its chance, so that the expected share
// is exact) are kept out of the contact. The same seed and the same cohort always give the same arms,
// whatever order the database returns the members in: the members are sorted by their reference (their
// subject) first and each stratum draws from its own stream.
import { createHash } from 'node:crypto';
import type { CampaignArm } from '@nonrecours/db';

export interface AssignableMember {
  /** A stable reference of the member: its subject, the same in every run. */
  ref: string;
  benefit: string;
  commune: string;
}

/** A stream of floats in [0, 1): xoshiro128** seeded from SHA-256 of the seed and the stream's name. */
export function seededStream(seed: string, stream: string): () => number {
  const digest = createHash('sha256').update(`${seed}\u0000${stream}`).digest();
  const s = new Uint32Array([
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  ]);
  if (s.every((w) => w === 0)) s[0] = 1;
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  return () => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result / 2 ** 32;
  };
}

export const stratumOf = (m: { benefit: string; commune: string }) => `${m.benefit}|${m.commune}`;

/** The arm of each member, by its reference. */
export function assignArms(
  members: readonly AssignableMember[],
  design: { share: number; seed: string },
): Map<string, CampaignArm> {
  const arms = new Map<string, CampaignArm>();
  const strata = Map.groupBy(
    [...members].sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)),
    stratumOf,
  );
  for (const [stratum, list] of strata) {
    const next = seededStream(design.seed, stratum);
    const order = list.map((m) => m.ref);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const exact = order.length * design.share;
    const kept = Math.floor(exact) + (next() < exact - Math.floor(exact) ? 1 : 0);
    for (const [i, ref] of order.entries()) arms.set(ref, i < kept ? 'comparison' : 'contact');
  }
  return arms;
}

/** A fresh seed to record with a campaign that asked for none. */
export const newSeed = () =>
  createHash('sha256')
    .update(crypto.getRandomValues(new Uint8Array(32)))
    .digest('hex')
    .slice(0, 32);
