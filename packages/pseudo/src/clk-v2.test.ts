// identity_clk v2 (CLK-V2.md): the vectors of test/fixtures/clk-v2-vectors.json bit for bit, by the
// implementation and by a second one written from the specification's text with node:crypto; the
// version told by the value; and what the encoding is for (noise that costs little).

import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeClk, dice, encodeClk } from './clk-dice.ts';
import {
  CLK_V2_BYTES,
  clkV2Fields,
  clkV2Tokens,
  clkVersion,
  createClkV2Encoder,
  decodeAnyClk,
  familyParts,
  isClkV2,
} from './clk-v2.ts';
import { parseKey } from './convention-key.ts';
import { createPseudonymiser, IdentityError } from './pseudonymiser.ts';

type Vector = {
  key: string;
  family: string;
  given: string;
  birth_date: string;
  tokens: string[];
  positions?: Record<string, number[]>;
  clk: string;
  dice_with_first: number;
};
const vectors: Vector[] = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/clk-v2-vectors.json', import.meta.url), 'utf8'),
).identity_clk_v2;

/** The specification, read literally: K2, then HMAC blocks "b:" + token, uint16be mod 1024. */
function specPositions(key: string, token: string, k: number): number[] {
  const k2 = createHmac('sha256', parseKey(key)).update('nonrecours:clk-v2').digest();
  const d = Buffer.concat(
    Array.from({ length: Math.ceil(k / 16) }, (_, b) =>
      createHmac('sha256', k2).update(`${b}:${token}`).digest(),
    ),
  );
  return Array.from({ length: k }, (_, j) => d.readUInt16BE(2 * j) % 1024);
}

const positionsPerSalt = Object.fromEntries(Object.values(clkV2Fields).map((f) => [f.salt, f.positions]));

function specClk(key: string, tokens: readonly string[]): string {
  const value = Buffer.alloc(CLK_V2_BYTES);
  value[0] = 2;
  for (const token of tokens) {
    for (const bit of specPositions(key, token, positionsPerSalt[token.split(':')[0]!]!)) {
      value[1 + (bit >> 3)]! |= 0x80 >> (bit & 7);
    }
  }
  return value.toString('base64url');
}

const tokenNames = (family: string, given: string, date: string) =>
  clkV2Tokens(family, given, date).map((t) => `${clkV2Fields[t.field].salt}:${t.text}`);

describe('clk-v2-vectors.json', () => {
  it.each(vectors)('identity_clk v2 of $family / $given / $birth_date', (v) => {
    expect(tokenNames(v.family, v.given, v.birth_date)).toEqual(v.tokens);
    const encoder = createClkV2Encoder(parseKey(v.key));
    expect(encoder.encodeText(v.family, v.given, v.birth_date)).toBe(v.clk);
    expect(specClk(v.key, v.tokens)).toBe(v.clk);
    for (const [token, positions] of Object.entries(v.positions ?? {})) {
      expect(specPositions(v.key, token, positions.length)).toEqual(positions);
    }
    const first = vectors.find((w) => w.key === v.key)!;
    const score = dice(decodeAnyClk(v.clk).filter, decodeAnyClk(first.clk).filter);
    expect(score.toFixed(6)).toBe(v.dice_with_first.toFixed(6));
    expect(createPseudonymiser(parseKey(v.key)).identityClkV2Text(v.family, v.given, v.birth_date)).toBe(
      v.clk,
    );
  });
});

describe('identity_clk v2', () => {
  const key = parseKey(vectors[0]!.key);
  const p = createPseudonymiser(key);
  const v2 = (family: string, given: string, date = '1985-05-12') =>
    decodeAnyClk(p.identityClkV2Text(family, given, date)).filter;

  it('tells its version by itself, v1 values staying v1', () => {
    const v1Text = p.identityClkText('Dupont', 'Jean', '1985-05-12');
    const v2Text = p.identityClkV2Text('Dupont', 'Jean', '1985-05-12');
    expect([v1Text.length, v2Text.length]).toEqual([171, 172]);
    expect([clkVersion(v1Text), clkVersion(v2Text)]).toEqual([1, 2]);
    expect(isClkV2(v1Text)).toBe(false);
    expect(decodeAnyClk(v1Text)).toEqual({ version: 1, filter: decodeClk(v1Text) });
    expect(decodeAnyClk(v2Text).filter).toHaveLength(128);
    // 172 characters with another version byte, or other characters, are no identity_clk.
    expect(clkVersion(`AQ${v2Text.slice(2)}`)).toBeNull();
    expect(clkVersion(`${v2Text.slice(0, 171)}=`)).toBeNull();
    expect(clkVersion(v2Text.slice(0, 170))).toBeNull();
    expect(() => decodeAnyClk('x')).toThrow(RangeError);
    expect(encodeClk(decodeAnyClk(v1Text).filter)).toBe(v1Text);
  });

  it('checks the identity as v1 does', () => {
    expect(() => p.identityClkV2Text('---', 'Jean', '1985-05-12')).toThrow(IdentityError);
    expect(() => p.identityClkV2Text('Dupont', 'Jean', '1985-02-30')).toThrow(IdentityError);
  });

  it('reads every given name in any order, and compound ones by their words', () => {
    expect(dice(v2('Dupont', 'Jean Marie'), v2('Dupont', 'Marie, Jean'))).toBe(1);
    expect(dice(v2('Dupont', 'Jean-Pierre'), v2('Dupont', 'Jean Pierre'))).toBe(1);
    expect(dice(v2('Dupont', 'Jean Marie'), v2('Dupont', 'Jean'))).toBeGreaterThan(0.85);
  });

  it('keeps a dropped particle or compound part, a glued name and one slip close', () => {
    expect(familyParts('De La Fontaine')).toEqual(['FONTAINE']);
    expect(familyParts('Le')).toEqual(['LE']);
    expect(dice(v2('De La Fontaine', 'Anne'), v2('Fontaine', 'Anne'))).toBeGreaterThan(0.85);
    expect(dice(v2('Le Gall', 'Anne'), v2('LEGALL', 'Anne'))).toBeGreaterThan(0.85);
    expect(dice(v2('Dupont-Durand', 'Anne'), v2('Dupont', 'Anne'))).toBeGreaterThan(0.7);
    expect(dice(v2('Bertrand', 'Anne'), v2('Bertarnd', 'Anne'))).toBeGreaterThan(0.75);
    // v1 reads only the first given name: the reordered names fall apart there.
    const v1 = (given: string) => p.identityClk('Dupont', given, '1985-05-12');
    expect(dice(v1('Jean Marie'), v1('Marie Jean'))).toBeLessThan(0.8);
  });

  it('costs a day of birth less than a name', () => {
    const base = v2('Dupont', 'Jean');
    expect(dice(base, v2('Dupont', 'Jean', '1985-05-21'))).toBeGreaterThan(0.9);
    expect(dice(base, v2('Dupont', 'Paul'))).toBeLessThan(0.8);
  });

  it('depends on the key', () => {
    const other = createPseudonymiser(parseKey(vectors.at(-1)!.key));
    expect(
      dice(
        v2('Dupont', 'Jean'),
        decodeAnyClk(other.identityClkV2Text('Dupont', 'Jean', '1985-05-12')).filter,
      ),
    ).toBeLessThan(0.5);
  });
});
