// How a social landlord's tenant file differs from civil status. Most differences are harmless
// to exact linkage because N() erases them (capitals, lost accents, only the first given name).
// The noise proper (typos, a missing, swapped or split given name, a usage name joined to the
// birth name, mis-decoded accents) changes N(name), hence identity_pseudo: only the Bloom-filter
// similarity can still link such a tenant to the CAF row.

import { firstGivenName, normaliseName } from '@nonrecours/pseudo';
import type { Identity, LandlordIdentity } from './household.ts';
import { type Rng, weighted } from './prng.ts';

const noiseKinds = [
  'family_typo',
  'given_typo',
  'given_missing',
  'given_swapped',
  'given_split',
  'usage_name',
  'mojibake',
] as const;
export type NoiseKind = (typeof noiseKinds)[number];

const drawKind = weighted<NoiseKind>([
  ['family_typo', 25],
  ['given_typo', 15],
  ['given_missing', 10],
  ['given_swapped', 10],
  ['given_split', 10],
  ['usage_name', 15],
  ['mojibake', 15],
]);

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');

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

/** One keyboard slip on a plain letter: substitution, deletion, doubling or transposition. */
function typo(rng: Rng, word: string): string {
  const letters = [...word].map((ch, i) => [ch, i] as const).filter(([ch]) => /[a-z]/i.test(ch));
  if (letters.length < 3) return `${word}${word.at(-1) ?? ''}`;
  const [ch, i] = rng.pick(letters.slice(1));
  const lower = ch.toLowerCase();
  switch (rng.int(0, 3)) {
    case 0: {
      const options = NEIGHBOURS[lower] ?? 'e';
      let sub = options[rng.int(0, options.length - 1)]!;
      if (ch !== lower) sub = sub.toUpperCase();
      return word.slice(0, i) + sub + word.slice(i + 1);
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + ch + word.slice(i);
    default:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + ch + word.slice(i + 2) : word.slice(0, i);
  }
}

const mojibake = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
const hasNonAscii = (s: string): boolean => /[^\x20-\x7e]/.test(s);

function applyNoise(
  rng: Rng,
  kind: NoiseKind,
  id: { familyName: string; givenNames: string },
  usageName: string,
): { familyName: string; givenNames: string } | undefined {
  const given = id.givenNames.split(' ');
  switch (kind) {
    case 'family_typo':
      return { ...id, familyName: typo(rng, id.familyName) };
    case 'given_typo':
      return { ...id, givenNames: [typo(rng, given[0]!), ...given.slice(1)].join(' ') };
    case 'given_missing':
      return { ...id, givenNames: '' };
    case 'given_swapped':
      return given.length > 1 ? { ...id, givenNames: [...given.slice(1), given[0]!].join(' ') } : undefined;
    case 'given_split':
      return given[0]!.includes('-') ? { ...id, givenNames: id.givenNames.replace('-', ' ') } : undefined;
    case 'usage_name':
      return { ...id, familyName: `${id.familyName}-${usageName}` };
    case 'mojibake':
      return hasNonAscii(id.familyName) || hasNonAscii(id.givenNames)
        ? { familyName: mojibake(id.familyName), givenNames: mojibake(id.givenNames) }
        : undefined;
  }
}

const key = (familyName: string, givenNames: string): string =>
  `${normaliseName(familyName)}|${normaliseName(firstGivenName(givenNames))}`;

/**
 * The landlord's copy of a tenant's identity: restyled as tenant files often are, and with
 * probability `noiseRate` noisy (its N(family)|N(first given) differs from civil status).
 */
export function landlordIdentity(
  rng: Rng,
  person: Identity,
  noiseRate: number,
  usageName: string,
): LandlordIdentity {
  let familyName = person.familyName;
  let givenNames = person.givenNames;
  if (rng.chance(0.55)) givenNames = givenNames.split(' ')[0]!;
  if (rng.chance(0.35)) {
    familyName = stripAccents(familyName).toUpperCase();
    givenNames = stripAccents(givenNames).toUpperCase();
  }
  if (!rng.chance(noiseRate)) return { familyName, givenNames, noise: null };
  const clean = key(person.familyName, person.givenNames);
  // A kind that does not apply to this name (no second given name, no accent...) gives way to another.
  for (let attempt = 0; attempt < 20; attempt++) {
    const kind = drawKind(rng);
    // Mis-decoding needs the accents, and a swap the later given names, that restyling may have dropped.
    const source = kind === 'mojibake' || kind === 'given_swapped' ? person : { familyName, givenNames };
    const noisy = applyNoise(rng, kind, source, usageName);
    if (
      noisy &&
      normaliseName(noisy.familyName) !== '' &&
      key(noisy.familyName, noisy.givenNames) !== clean
    ) {
      return { ...noisy, noise: kind };
    }
  }
  // Unreachable in practice (a family typo always applies); an inserted letter keeps the promise.
  return { familyName: `${familyName}e`, givenNames, noise: 'family_typo' };
}
