// What the pack covers: Mayotte (communes 976xx) has its own RSA and ASPA amounts and no C2S, so
// fr.v1 makes no presumption there; a run counts those profiles as not covered.

import type { Profile } from '../profile.schema.ts';

export const notCoveredReasons = ['mayotte'] as const;
export type NotCoveredReason = (typeof notCoveredReasons)[number];

export function isMayotte(commune: string): boolean {
  return commune.startsWith('976');
}

/** Why fr.v1 gives this profile no presumption at all, or null when it covers it. */
export function frV1NotCovered(profile: Pick<Profile, 'commune'>): NotCoveredReason | null {
  return isMayotte(profile.commune) ? 'mayotte' : null;
}
