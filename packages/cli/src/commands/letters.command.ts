// `nonrecours letters`: one French letter per person of a campaign's re-identified cohort, written
// on the partner's machine from the partner's own files — a PDF each, and a CSV for its own
// mail-merge tool. Nothing is sent anywhere; only counts are printed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../cli-error.ts';
import { parseOptions, required } from '../toolkit/command-options.ts';
import { csvLine } from '../toolkit/csv-text.ts';
import {
  checkTemplate,
  fillTemplate,
  letterFields,
  letterValues,
  renderLetterPdf,
} from '../toolkit/letters-render.ts';

const usage = `usage: nonrecours letters --template T.md --contacts CONTACTS.csv --contact TEXT --out DIR
                         [--addresses ADDRESSES.csv] [--date YYYY-MM-DD]

  --template   the letter, in French: blocks separated by blank lines, '# ' for a heading, and the
               mail-merge fields {{${letterFields.join('}}, {{')}}}
  --contacts   the re-identified cohort ('nonrecours campaign export', then 'nonrecours reidentify')
  --addresses  your own address file, by household_id: household_id; address; postal_code; city
  --contact    whom to call or where to go, as the letter gives it
  --out        the folder to write DIR/<case_id>-<n>.pdf and DIR/letters.csv to
  --date       the date of the letters (default today)

A person whose not_before date is still to come (a comparison group) gets no letter.`;

const readCsv = (text: string, what: string): Record<string, string>[] => {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  try {
    return parse(text, {
      delimiter: first.includes(';') ? ';' : ',',
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new UsageError(`${what} is not valid CSV (${(error as { code?: string }).code})`);
  }
};

export async function run(argv: string[]): Promise<number> {
  const values = parseOptions(
    argv,
    {
      template: { type: 'string' },
      contacts: { type: 'string' },
      addresses: { type: 'string' },
      contact: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
    },
    usage,
  );
  if (!values) return 0;
  const template = await readFile(required(values.template, 'template'), 'utf8');
  checkTemplate(template);
  const contacts = readCsv(
    await readFile(required(values.contacts, 'contacts'), 'utf8'),
    'the contacts file',
  );
  const addresses = new Map(
    values.addresses
      ? readCsv(await readFile(values.addresses, 'utf8'), 'the addresses file').map((r) => [
          r.household_id ?? '',
          r,
        ])
      : [],
  );
  const contact = required(values.contact, 'contact');
  const out = required(values.out, 'out');
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new UsageError('--date is a date written YYYY-MM-DD');
  const today = values.date ? new Date(`${values.date}T12:00:00Z`) : new Date();
  const day = today.toISOString().slice(0, 10);
  await mkdir(out, { recursive: true, mode: 0o700 });

  const csv = [csvLine(['fichier', ...letterFields], ';')];
  let written = 0;
  let notYet = 0;
  const perCase = new Map<string, number>();
  for (const row of contacts) {
    if (row.not_before && row.not_before > day) {
      notYet++;
      continue;
    }
    const v = letterValues(row, addresses.get(row.household_id ?? ''), { contact, today });
    const n = (perCase.get(v.reference) ?? 0) + 1;
    perCase.set(v.reference, n);
    const file = `${v.reference || 'lettre'}-${n}.pdf`;
    await writeFile(
      path.join(out, file),
      await renderLetterPdf(fillTemplate(template, v), `Courrier ${v.reference}`),
      {
        mode: 0o600,
      },
    );
    csv.push(csvLine([file, ...letterFields.map((f) => v[f])], ';'));
    written++;
  }
  await writeFile(path.join(out, 'letters.csv'), `\uFEFF${csv.join('')}`, { mode: 0o600 });
  console.log(
    `${written} letters written to ${out} (PDF and letters.csv)` +
      (notYet > 0 ? `; ${notYet} people not to be contacted yet, left out` : ''),
  );
  return 0;
}
