// The block a filter compares in: its birth month and its identity_clk version, since a v1 and a v2
// filter of one person share no meaning bit for bit (CLK-V2.md: v1 stays linkable to v1 only).

import { decodeAnyClk } from '@nonrecours/pseudo';

/** The 1024-bit filter of an identity_clk of either version, and its block (version and birth month). */
export function filterOfClk(value: string, birthYm: string): { block: string; clk: Uint8Array } {
  const { version, filter } = decodeAnyClk(value);
  return { block: `v${version}:${birthYm}`, clk: filter };
}
