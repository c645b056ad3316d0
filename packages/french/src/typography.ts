// French typography rules the generated sentences must keep: elision of « de » and « que » before a
// vowel or a mute h (« d’octobre », « qu’équipe »), and the typographic apostrophe.

/** Words starting with an h that is aspirated: no elision before them. */
const aspiratedH =
  /^(hab[ai]ll|hach|haie|haine|hall|halte|hamac|hameau|hanche|handicap|hangar|hant|harc|hardi|haricot|harpe|hasard|haut|havre|hernie|héros|hibou|hiérarch|hollande|homard|honte|hors|hublot|huit|hurl|hutte)/i;

/** Whether « de » or « que » elides before this word. */
export function elides(word: string): boolean {
  const w = word.trimStart();
  if (/^h/i.test(w)) return !aspiratedH.test(w);
  // Acronyms read letter by letter elide by their first sound: « d’ASPA », « de CAF ».
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(w);
}

/** « de » before a word, elided if it must be: « d’octobre 2026 », « de mars 2026 ». */
export const de = (word: string) => (elides(word) ? `d’${word.trimStart()}` : `de ${word.trimStart()}`);

/** « que » before a word: « en tant qu’équipe ». */
export const que = (word: string) => (elides(word) ? `qu’${word.trimStart()}` : `que ${word.trimStart()}`);

/** « le » before a word: « l’extrait », « le foyer ». */
export const le = (word: string) => (elides(word) ? `l’${word.trimStart()}` : `le ${word.trimStart()}`);

/** The first letter in capital: a label at the start of a sentence or a table cell. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Words that begin with a vowel and still take « de » / « que » unelided. */
const noElision = /^(onze|onzième|oui|ouate|uhlan|yacht|yaourt|yen)\b/i;

/** The faults a French text of ours must never have; each with what is wrong. */
const faults: readonly { pattern: RegExp; fault: string; holds?: (m: RegExpMatchArray) => boolean }[] = [
  {
    pattern: /(?<![\p{L}’'-])([Dd]e|[Qq]ue|[Ll]e|[Ll]a) (\p{L}[\p{L}-]*)/gu,
    fault: 'élision manquante (« d’ », « qu’ », « l’ » devant une voyelle ou un h muet)',
    holds: (m) => elides(m[2]!) && !noElision.test(m[2]!),
  },
  {
    pattern:
      /(?<!\d)1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/gu,
    fault: '« 1 » au lieu de « 1er » devant le mois',
  },
  { pattern: /\b\d{4}-\d{2}-\d{2}\b/g, fault: 'date ISO (AAAA-MM-JJ) dans le texte' },
  { pattern: /\b(19|20)\d{2}-(0[1-9]|1[0-2])\b(?!-\d)/g, fault: 'mois ISO (AAAA-MM) dans le texte' },
  { pattern: /\d{2}:\d{2}:\d{2}/g, fault: 'heure au format technique' },
];

/** The typography faults of a French text, each with the passage it was found in. */
export function findTypographyFaults(text: string): { fault: string; passage: string }[] {
  const found: { fault: string; passage: string }[] = [];
  for (const { pattern, fault, holds } of faults) {
    for (const m of text.matchAll(pattern)) {
      if (holds && !holds(m)) continue;
      const at = m.index ?? 0;
      found.push({ fault, passage: text.slice(Math.max(0, at - 30), at + m[0].length + 30) });
    }
  }
  return found;
}
