// How a social landlord's tenant file differs from civil status. Landlords copy names from the
// lease and the CAF certificate, so most differences are harmless to exact linkage because N()
// erases them: capitals, dropped or wrong accents, a hyphen, a space or nothing between the parts
// of a compound family name, later given names left out. The noise proper changes N(name), hence
// identity_pseudo, and only the Bloom-filter similarity (Dice of identity_clk) can still link the
// tenant to the CAF row. Its mix follows what such files contain:
// - mostly one keyboard slip (typo), placed like a real slip: on any letter but the first, so a long
//   name takes one more often than a short one; omissions and doubled letters first, substitutions
//   by a neighbouring key only in names of 5 letters or more, swapped neighbours only in names of
//   9 or more (a swap replaces three bigrams, a substitution two, an omission two by one, and a
//   doubling adds one);
// - encoding damage of a name's one accented letter (é read back as Ã©, or replaced by ?);
// - a woman's usage name (her spouse's, who shares the lease) in place of her birth name: unlinkable
//   by itself, but the tenancy links through the spouse;
// - rarely, a compound first given name split at its hyphen, a missing given name or the given
//   names in another order, which mostly fall below any usable Dice threshold.
// The manifest states each kind's realised share and its Dice to the civil identity.

import { familyParticles, firstGivenName, normaliseName } from '@nonrecours/pseudo';
import type { Identity, LandlordIdentity } from './household.ts';
import { type Rng, weighted } from './prng.ts';

export const noiseKinds = [
  'family_typo',
  'given_typo',
  'mojibake',
  'usage_name',
  'given_split',
  'given_missing',
  'given_swapped',
  'particle_dropped',
  'compound_dropped',
] as const;
export type NoiseKind = (typeof noiseKinds)[number];

/** The kinds a noise mix can give (the v1 mix drops no particle or compound part). */
export const noiseKindsOf = (mix: 'v1' | 'realistic'): readonly NoiseKind[] =>
  mix === 'v1' ? noiseKinds.filter((k) => k !== 'particle_dropped' && k !== 'compound_dropped') : noiseKinds;

// A typo is drawn as one kind and lands in the family or the first given name by its letters.
// Weights are of the draw; a kind that does not apply to an identity (no spouse on the lease, not
// one accented letter, one given name...) gives way to another, so the realised shares differ:
// about 80 % typos (half in each name), 10 % usage names, 9 % encoding damage and 0.3 % for each
// rare kind. The manifest states them.
type Draw = 'typo' | Exclude<NoiseKind, 'family_typo' | 'given_typo'>;
const drawKind = weighted<Draw>([
  ['typo', 60],
  ['usage_name', 40],
  ['mojibake', 30],
  ['given_split', 3],
  ['given_missing', 0.2],
  ['given_swapped', 0.35],
]);

/**
 * The noise mixes: `v1` as above; `realistic`, the kinds that defeat a first-name-only filter, as
 * often as tenant files show them: a slip (transpositions and neighbouring-key substitutions from 4
 * letters on), given names in another order, a particle or the second part of a compound family name
 * dropped, and less often a usage name or encoding damage.
 */
export type NoiseMix = 'v1' | 'realistic';
const drawKindRealistic = weighted<Draw>([
  ['typo', 45],
  ['given_swapped', 20],
  ['particle_dropped', 14],
  ['compound_dropped', 14],
  ['usage_name', 4],
  ['mojibake', 3],
]);

// One slip per noisy name, as most misspellings are single errors (Damerau 1964), omissions the
// commonest (Pollock and Zamora 1983); insertions are here a key struck twice.
type Slip = 'omission' | 'doubling' | 'substitution' | 'transposition';
const drawSlip = weighted<Slip>([
  ['omission', 35],
  ['doubling', 30],
  ['substitution', 25],
  ['transposition', 10],
]);
const MIN_LETTERS: Record<Slip, number> = { omission: 3, doubling: 1, substitution: 5, transposition: 9 };
const drawSlipRealistic = weighted<Slip>([
  ['omission', 25],
  ['doubling', 20],
  ['substitution', 30],
  ['transposition', 25],
]);
const MIN_LETTERS_REALISTIC: Record<Slip, number> = {
  omission: 3,
  doubling: 1,
  substitution: 4,
  transposition: 4,
};

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);

// Neighbouring keys on an AZERTY keyboard, for substitution typos.
const NEIGHBOURS: Record<string, string> = {
  a: 'zqs',
  z: 'aes',
  e: 'zrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'om',
  q: 'asw',
  s: 'qdz',
  d: 'sfe',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  j: 'hku',
  k: 'jli',
  l: 'kmo',
  m: 'lp',
  w: 'xq',
  x: 'wc',
  c: 'xv',
  v: 'cb',
  b: 'vn',
  n: 'bm',
};

/** One slip at `i` (a letter) of `word`, or undefined when the name is too short for that slip. */
function slip(rng: Rng, kind: Slip, word: string, i: number, mix: NoiseMix): string | undefined {
  if (normaliseName(word).length < (mix === 'v1' ? MIN_LETTERS : MIN_LETTERS_REALISTIC)[kind])
    return undefined;
  const ch = word[i]!;
  switch (kind) {
    case 'omission':
      return word.slice(0, i) + word.slice(i + 1);
    case 'doubling':
      return word.slice(0, i) + ch + word.slice(i);
    case 'substitution': {
      const lower = stripAccents(ch).toLowerCase();
      const options = NEIGHBOURS[lower] ?? 'e';
      let sub = options[rng.int(0, options.length - 1)]!;
      if (ch !== ch.toLowerCase()) sub = sub.toUpperCase();
      return word.slice(0, i) + sub + word.slice(i + 1);
    }
    case 'transposition': {
      const next = word[i + 1];
      return next !== undefined && isLetter(next)
        ? word.slice(0, i) + next + ch + word.slice(i + 2)
        : undefined;
    }
  }
}

/** A slip on a letter of the family name or of the first given name, any letter but a name's first. */
function typo(rng: Rng, id: { familyName: string; givenNames: string }, mix: NoiseMix) {
  const given = id.givenNames.split(' ');
  const places: ['family' | 'given', number][] = [];
  for (let i = 1; i < id.familyName.length; i++) if (isLetter(id.familyName[i]!)) places.push(['family', i]);
  for (let i = 1; i < given[0]!.length; i++) if (isLetter(given[0]![i]!)) places.push(['given', i]);
  if (places.length === 0) return undefined;
  const [where, i] = rng.pick(places);
  for (let attempt = 0; attempt < 10; attempt++) {
    const kind = (mix === 'v1' ? drawSlip : drawSlipRealistic)(rng);
    if (where === 'family') {
      const familyName = slip(rng, kind, id.familyName, i, mix);
      if (familyName !== undefined)
        return { noise: 'family_typo' as const, familyName, givenNames: id.givenNames };
    } else {
      const first = slip(rng, kind, given[0]!, i, mix);
      if (first !== undefined) {
        return {
          noise: 'given_typo' as const,
          familyName: id.familyName,
          givenNames: [first, ...given.slice(1)].join(' '),
        };
      }
    }
  }
  return undefined;
}

// Text written as UTF-8 and read back as Windows-1252 (é → Ã©, which N reads as A), or through a
// conversion that could not encode the letter (é → ?, which N drops).
const windows1252 = new TextDecoder('windows-1252');
const misdecoded = (s: string): string => windows1252.decode(Buffer.from(s, 'utf8'));
const unencodable = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?');
const nonAscii = (s: string): number => s.match(/[^\x20-\x7e]/g)?.length ?? 0;

type Names = { familyName: string; givenNames: string };
type Style = {
  firstOnly: boolean;
  capitals: boolean;
  keepAccents: boolean;
  wrongAccent: boolean;
  joiner: string | null;
};

function drawStyle(rng: Rng): Style {
  const capitals = rng.chance(0.35);
  return {
    firstOnly: rng.chance(0.55),
    capitals,
    // Capitals mostly lose their accents; lower case keeps them, now and then the wrong one.
    keepAccents: capitals ? rng.chance(0.2) : true,
    wrongAccent: rng.chance(0.03),
    // Compound family names written with a hyphen, a space or glued together.
    joiner: rng.chance(0.3) ? rng.pick(['-', ' ', '']) : null,
  };
}

const WRONG_ACCENT: Record<string, string> = {
  é: 'è',
  è: 'é',
  ê: 'è',
  ë: 'é',
  É: 'È',
  È: 'É',
  ï: 'î',
  î: 'ï',
};

/** The landlord's writing of civil names: changes that N() erases. */
function restyle(style: Style, names: Names): Names {
  let { familyName, givenNames } = names;
  if (style.firstOnly) givenNames = givenNames.split(' ')[0]!;
  if (style.joiner !== null) familyName = familyName.replace(/[ -]/g, style.joiner);
  if (style.wrongAccent) {
    const swap = (s: string) => s.replace(/[éèêëÉÈïî]/, (ch) => WRONG_ACCENT[ch] ?? ch);
    familyName = swap(familyName);
    givenNames = swap(givenNames);
  }
  if (style.capitals) {
    familyName = style.keepAccents ? familyName.toUpperCase() : stripAccents(familyName).toUpperCase();
    givenNames = style.keepAccents ? givenNames.toUpperCase() : stripAccents(givenNames).toUpperCase();
  }
  return { familyName, givenNames };
}

function applyNoise(
  rng: Rng,
  kind: Draw,
  style: Style,
  person: Identity,
  usageName: string | null,
  mix: NoiseMix,
): (Names & { noise: NoiseKind }) | undefined {
  const copy = restyle(style, person);
  const given = person.givenNames.split(' ');
  switch (kind) {
    case 'typo':
      return typo(rng, copy, mix);
    case 'particle_dropped': {
      const words = person.familyName.split(/(?<=['’])|[ ]/);
      const kept = words.filter((w) => !familyParticles.has(normaliseName(w)));
      return kept.length > 0 && kept.length < words.length
        ? { noise: kind, ...restyle(style, { familyName: kept.join(' '), givenNames: person.givenNames }) }
        : undefined;
    }
    case 'compound_dropped': {
      // The second part of a compound family name (hyphenated, or two names side by side) left out.
      const parts = person.familyName.split(/[ -]/);
      const significant = parts.filter((w) => !familyParticles.has(normaliseName(w)));
      if (significant.length < 2) return undefined;
      const last = person.familyName.lastIndexOf(significant.at(-1)!);
      const familyName = person.familyName.slice(0, last).replace(/[ -]+$/, '');
      return { noise: kind, ...restyle(style, { familyName, givenNames: person.givenNames }) };
    }
    case 'mojibake': {
      // One damaged letter: the kind applies to names whose family and first given name hold one
      // letter outside ASCII, kept by a style that does not strip accents.
      const accented = restyle({ ...style, keepAccents: true }, person);
      if (nonAscii(accented.familyName) + nonAscii(firstGivenName(accented.givenNames)) !== 1)
        return undefined;
      const damage = rng.chance(0.6) ? misdecoded : unencodable;
      return {
        noise: kind,
        familyName: damage(accented.familyName),
        givenNames: damage(accented.givenNames),
      };
    }
    case 'usage_name':
      return usageName === null
        ? undefined
        : { noise: kind, ...restyle(style, { familyName: usageName, givenNames: person.givenNames }) };
    case 'given_split':
      return given[0]!.includes('-')
        ? { noise: kind, familyName: copy.familyName, givenNames: copy.givenNames.replace('-', ' ') }
        : undefined;
    case 'given_missing':
      return { noise: kind, familyName: copy.familyName, givenNames: '' };
    case 'given_swapped':
      return given.length > 1
        ? {
            noise: kind,
            ...restyle(
              { ...style, firstOnly: false },
              {
                familyName: person.familyName,
                givenNames: [...given.slice(1), given[0]!].join(' '),
              },
            ),
          }
        : undefined;
  }
}

const key = (familyName: string, givenNames: string): string =>
  `${normaliseName(familyName)}|${normaliseName(firstGivenName(givenNames))}`;

/**
 * The landlord's copy of a tenant's identity: restyled as tenant files often are, and with
 * probability `noiseRate` noisy (its N(family)|N(first given) differs from civil status).
 * `usageName` is the family name of the spouse on the lease whose name a woman may use, else null.
 */
export function landlordIdentity(
  rng: Rng,
  person: Identity,
  noiseRate: number,
  usageName: string | null,
  mix: NoiseMix = 'v1',
): LandlordIdentity {
  const style = drawStyle(rng);
  if (!rng.chance(noiseRate)) return { ...restyle(style, person), noise: null };
  const clean = key(person.familyName, person.givenNames);
  // A kind that does not apply to this identity (no accent, no spouse, one given name...) gives way
  // to another.
  for (let attempt = 0; attempt < 20; attempt++) {
    const noisy = applyNoise(
      rng,
      (mix === 'v1' ? drawKind : drawKindRealistic)(rng),
      style,
      person,
      usageName,
      mix,
    );
    if (
      noisy &&
      normaliseName(noisy.familyName) !== '' &&
      key(noisy.familyName, noisy.givenNames) !== clean
    ) {
      return noisy;
    }
  }
  // Unreachable in practice (a typo almost always applies); a doubled last letter keeps the promise.
  const copy = restyle(style, person);
  return {
    familyName: `${copy.familyName}${copy.familyName.at(-1)}`,
    givenNames: copy.givenNames,
    noise: 'family_typo',
  };
}
