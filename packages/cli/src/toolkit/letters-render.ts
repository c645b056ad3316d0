// The letters of a campaign, on the partner's machine: one French letter per person of the
// re-identified cohort (the output of `nonrecours reidentify`), from a Markdown-like template with
// mail-merge fields, as a PDF (pdf-lib, the standard Helvetica font, whose WinAnsi encoding holds
// French) and as one CSV row for the partner's own mail-merge tool. A person whose `not_before` date
// is still to come is never written to: the comparison group of a randomised campaign.
import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { UsageError } from '../cli-error.ts';

export const letterFields = [
  'prenom',
  'nom',
  'adresse',
  'code_postal',
  'ville',
  'prestation',
  'montant',
  'contact',
  'reference',
  'date',
] as const;
export type LetterField = (typeof letterFields)[number];
export type LetterValues = Record<LetterField, string>;

const benefitNames: Record<string, string> = {
  rsa: 'le revenu de solidarité active (RSA)',
  ppa: 'la prime d’activité',
  c2s: 'la complémentaire santé solidaire (C2S)',
  aspa: 'l’allocation de solidarité aux personnes âgées (ASPA)',
};

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** The template's fields, checked: an unknown one is a usage error naming the known ones. */
export function checkTemplate(template: string): void {
  const unknown = [...template.matchAll(/\{\{\s*([a-z_]+)\s*\}\}/g)]
    .map((m) => m[1]!)
    .filter((f) => !(letterFields as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown field${unknown.length > 1 ? 's' : ''} {{${[...new Set(unknown)].join('}}, {{')}}} in the template; known: ${letterFields.join(', ')}`,
    );
}

export const fillTemplate = (template: string, values: LetterValues) =>
  template.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, f: LetterField) => values[f] ?? '');

/** The values of one contact row (the cohort's columns, then the clear row's; an address file's). */
export function letterValues(
  row: Record<string, string>,
  address: Record<string, string> | undefined,
  options: { contact: string; today: Date },
): LetterValues {
  const amount = Number((row.estimated_amount ?? '').replace(',', '.'));
  return {
    prenom: (row.given_names ?? '').split(/[\s,]+/)[0] ?? '',
    nom: row.family_name ?? '',
    adresse: address?.address ?? '',
    code_postal: address?.postal_code ?? '',
    ville: address?.city ?? '',
    prestation: benefitNames[row.benefit ?? ''] ?? row.benefit ?? '',
    montant: row.estimated_amount && Number.isFinite(amount) ? euros.format(amount) : '',
    contact: options.contact,
    reference: row.case_id ?? '',
    date: longDate.format(options.today),
  };
}

/** Characters Helvetica's WinAnsi encoding lacks, in their closest form. */
const winAnsi = (text: string) =>
  text
    .replace(/[\u202F\u2009]/g, '\u00A0')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[^\x20-\x7E\u00A0-\u00FF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One A4 letter: blocks separated by blank lines; a block starting with `# ` is a heading, any other
 * block a paragraph whose single line breaks are kept (an address).
 */
export async function renderLetterPdf(text: string, title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(title));
  pdf.setLanguage('fr-FR');
  pdf.setCreator('nonrecours letters');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height, margin] = [595.28, 841.89, 56];
  let page = pdf.addPage([width, height]);
  let y = height - margin;
  const draw = (line: string, font: PDFFont, size: number) => {
    if (y < margin + size) {
      page = pdf.addPage([width, height]);
      y = height - margin;
    }
    page.drawText(line, { x: margin, y, size, font });
    y -= size * 1.4;
  };
  for (const block of winAnsi(text).split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (trimmed === '') continue;
    const heading = trimmed.startsWith('# ');
    const font = heading ? bold : regular;
    const size = heading ? 14 : 11;
    for (const source of (heading ? trimmed.slice(2) : trimmed).split('\n'))
      for (const line of wrap(source.trim(), font, size, width - 2 * margin)) draw(line, font, size);
    y -= size * 0.6;
  }
  return pdf.save();
}
