// The shapes of the clear identifiers an extract must never carry: a NIR, an e-mail address, a
// French phone number. The guard is broad on purpose (no key check, separators and prefixes
// allowed): a file that carries one even mistyped is refused whole.
import { looksLikeNir } from './nir.ts';

// Something, an @, then a domain with at least one dot and a top-level part of letters, anywhere in
// the value: no column of an extract ever holds an @.
const EMAIL = /[^\s@]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
// 0 then 9 digits, or +33 / 0033 (with an optional (0)) then 9 digits; spaces, dots or dashes
// between the pairs.
const FRENCH_PHONE = /^(?:(?:\+|00)33[\s.-]*(?:\(0\)[\s.-]*)?|0)[1-9](?:[\s.-]*\d{2}){4}$/;

export function looksLikeEmail(value: string): boolean {
  return value.includes('@') && EMAIL.test(value);
}

export function looksLikeFrenchPhone(value: string): boolean {
  return value.length >= 10 && value.length <= 40 && FRENCH_PHONE.test(value);
}

/** Whether a value has the shape of a NIR, an e-mail address or a French phone number. */
export function looksLikeClearIdentifier(value: string): boolean {
  return looksLikeNir(value) || looksLikeEmail(value) || looksLikeFrenchPhone(value);
}
