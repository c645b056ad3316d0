// The NIR (numéro d'inscription au répertoire) as EXTRACTS.md reads it: 13 characters, or 15 with
// a 2-digit key that is checked and dropped; spaces, dots and dashes ignored; Corsica's 2A/2B kept.
// Also the looser shape test the service uses to refuse files that carry clear identifiers.

/** Why a value is not a NIR; written to error files as `nir_<reason>`. */
export type NirErrorReason = 'missing' | 'length' | 'format' | 'key';

export class NirError extends Error {
  override readonly name = 'NirError';
  readonly reason: NirErrorReason;
  constructor(reason: NirErrorReason) {
    super(`invalid NIR (${reason})`);
    this.reason = reason;
  }
}

export type NirResult = { ok: true; nir13: string } | { ok: false; reason: NirErrorReason };

// Sex digit (1, 2; 7, 8 for the temporary numbers of people being registered), year, month,
// department (2 digits, 2A or 2B), commune and order number.
const NIR13 = /^[1278]\d{4}(?:\d\d|2[AB])\d{6}$/;
const SEPARATORS = /[\s.-]/g;

/** The key of a 13-character NIR: 97 - (n mod 97), reading 2A as 19 and 2B as 18. */
export function nirKey(nir13: string): number {
  const digits = nir13.slice(0, 5) + corsicaDigits(nir13.slice(5, 7)) + nir13.slice(7);
  // 13 digits stay below 2^53: the remainder is exact.
  return 97 - (Number(digits) % 97);
}

function corsicaDigits(department: string): string {
  if (department === '2A') return '19';
  if (department === '2B') return '18';
  return department;
}

/** Reads a NIR without throwing (the per-row path of the toolkit). */
export function parseNir(raw: string): NirResult {
  const value = raw.replace(SEPARATORS, '').toUpperCase();
  if (value === '') return { ok: false, reason: 'missing' };
  if (value.length !== 13 && value.length !== 15) return { ok: false, reason: 'length' };
  const nir13 = value.slice(0, 13);
  if (!NIR13.test(nir13)) return { ok: false, reason: 'format' };
  if (value.length === 15) {
    const key = value.slice(13);
    if (!/^\d\d$/.test(key) || Number(key) !== nirKey(nir13)) return { ok: false, reason: 'key' };
  }
  return { ok: true, nir13 };
}

/** The 13-character NIR of `raw`; throws NirError with the reason when it is not a valid NIR. */
export function normaliseNir(raw: string): string {
  const result = parseNir(raw);
  if (!result.ok) throw new NirError(result.reason);
  return result.nir13;
}

// Broader than a valid NIR on purpose (any sex digit, no key check, separators allowed): the guard
// must catch a clear identifier even when mistyped.
const NIR_SHAPE = /^[1-8]\d{4}(?:\d\d|2[AB])\d{6}(?:\d\d)?$/;

/** Whether a value has the shape of a NIR (13 or 15 characters), whatever its key. */
export function looksLikeNir(value: string): boolean {
  if (value.length < 13 || value.length > 40) return false;
  return NIR_SHAPE.test(value.replace(SEPARATORS, '').toUpperCase());
}
