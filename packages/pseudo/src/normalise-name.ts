// Name normalisation N(x) of EXTRACTS.md, so that every partner's tool turns the same name into
// the same letters: NFKD, combining marks removed, uppercase, Œ→OE, Æ→AE, ß→SS, then only A–Z kept.

const COMBINING_MARKS = /\p{M}/gu;
const LIGATURES = /[ŒÆẞ]/g;
const LIGATURE_LETTERS: Record<string, string> = { Œ: 'OE', Æ: 'AE', ẞ: 'SS' };
const NOT_A_TO_Z = /[^A-Z]/g;
const ASCII = /^[\x20-\x7e]*$/;

/** N(x): the name reduced to the letters A–Z. */
export function normaliseName(name: string): string {
  // Most names are plain ASCII: skip the Unicode work for them.
  if (ASCII.test(name)) return name.toUpperCase().replace(NOT_A_TO_Z, '');
  return (
    name
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      // toUpperCase already turns ß into SS; the capital ẞ is mapped with the ligatures.
      .toUpperCase()
      .replace(LIGATURES, (letter) => LIGATURE_LETTERS[letter] ?? '')
      .replace(NOT_A_TO_Z, '')
  );
}

/** The text before the first space or comma of the trimmed given names (`Jean-Pierre Marie` → `Jean-Pierre`). */
export function firstGivenName(givenNames: string): string {
  const trimmed = givenNames.trim();
  const end = trimmed.search(/[ ,]/);
  return end === -1 ? trimmed : trimmed.slice(0, end);
}
