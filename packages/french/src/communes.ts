// Communes by name, from the official geographic code (@etalab/decoupage-administratif, INSEE's
// COG): current communes, municipal arrondissements (Paris, Lyon, Marseille) and delegated or
// associated communes. The data is read once, on first use, and only each code's name is kept.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface CogEntry {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'arrondissement-municipal' | 'commune-deleguee' | 'commune-associee';
}

let names: Map<string, string> | undefined;

function communeNames(): Map<string, string> {
  if (names) return names;
  const file = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as CogEntry[];
  const map = new Map<string, string>();
  // A delegated commune often keeps the code of the commune nouvelle it belongs to: the current
  // commune's name wins.
  for (const e of entries) if (e.type === 'commune-actuelle') map.set(e.code, e.nom);
  for (const e of entries) if (!map.has(e.code)) map.set(e.code, e.nom);
  names = map;
  return map;
}

/** Reads the names now: a server calls it before its first request rather than during it. */
export function loadCommuneNames(): void {
  communeNames();
}

/** The commune's name for an INSEE code, or null when the code is not in the geographic code. */
export const communeName = (code: string): string | null => communeNames().get(code) ?? null;

/** « Rennes (35238) »; an unknown code reads « commune 99999 ». */
export function communeLabel(code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  const name = communeName(code);
  return name === null ? `commune ${code}` : `${name} (${code})`;
}

const INSEE = /^(\d{5}|2[AB]\d{3})$/;

/** Letters without accents, case, hyphens or apostrophes, and « Saint » as « St »: what a search compares. */
export function searchableName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`\-–_.]/g, ' ')
    .replace(/\bst(e?)\b/g, 'saint$1')
    .replace(/\s+/g, ' ')
    .trim();
}

let index: Map<string, string[]> | undefined;

/** Codes by searchable name, built on the first search. */
function searchIndex(): Map<string, string[]> {
  if (index) return index;
  const built = new Map<string, string[]>();
  for (const [code, name] of communeNames()) {
    const key = searchableName(name);
    const codes = built.get(key);
    if (codes) codes.push(code);
    else built.set(key, [code]);
  }
  index = built;
  return built;
}

export type CommuneSearch =
  | { found: 'code'; code: string }
  | { found: 'none' }
  | { found: 'several'; codes: string[] };

/**
 * The commune a person typed: an INSEE code, or a name (« rennes », « Saint-Malo »). Among several
 * communes of that name, those of `within` (the convention's territory) are preferred.
 */
export function findCommune(typed: string, within: readonly string[] = []): CommuneSearch {
  const text = typed.trim();
  if (INSEE.test(text.toUpperCase())) return { found: 'code', code: text.toUpperCase() };
  const wanted = searchableName(text);
  if (wanted === '') return { found: 'none' };
  const codes = searchIndex().get(wanted) ?? [];
  const local = codes.filter((c) => within.includes(c));
  const pick = local.length > 0 ? local : codes;
  if (pick.length === 0) return { found: 'none' };
  return pick.length === 1 ? { found: 'code', code: pick[0]! } : { found: 'several', codes: pick };
}
