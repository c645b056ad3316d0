// The partner's side of a campaign, locally: a 1,000-person cohort re-identified from the partner's
// clear file, then one French letter per person (a PDF each, and a mail-merge CSV), never for a
// person not to be contacted yet.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const main = new URL('../main.ts', import.meta.url).pathname;
const fixtures = new URL('../../../../test/fixtures/territory/', import.meta.url).pathname;
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [main, ...args], { maxBuffer: 1 << 24 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
const csv = (text: string): Record<string, string>[] =>
  parse(text, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true });

const template = `# Vos droits à {{prestation}}

{{prenom}} {{nom}}
{{adresse}}
{{code_postal}} {{ville}}

Le {{date}}

Madame, Monsieur,

D’après les informations dont nous disposons, vous pourriez avoir droit à {{prestation}}, pour un montant estimé à {{montant}} par mois. Ce n’est qu’une estimation : seule l’étude de votre demande le confirmera.

Pour en savoir plus ou faire votre demande, contactez {{contact}}, en rappelant la référence {{reference}}.

Vous pouvez aussi nous dire que vous ne souhaitez pas être recontacté.`;

describe('nonrecours letters', () => {
  let dir: string;
  let cohort: Record<string, string>[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nonrecours-letters-'));
    const truth = csv(await readFile(join(fixtures, 'ground-truth.csv'), 'utf8')).filter(
      (r) => r.source === 'caf' && (r.subject_kind === 'person' || r.subject_kind === 'household'),
    );
    cohort = truth.slice(0, 1000).map((r, i) => ({
      case_id: randomUUID(),
      subject_kind: r.subject_kind!,
      person_pseudo: r.subject_pseudo!,
      benefit: r.benefit!,
      estimated_amount: (r.amount ?? '').replace('.', ','),
      not_before: i % 5 === 0 ? '2099-01-31' : '',
    }));
    const columns = Object.keys(cohort[0]!);
    await writeFile(
      join(dir, 'cohort.csv'),
      [columns.join(';'), ...cohort.map((c) => columns.map((k) => c[k]).join(';'))].join('\n'),
    );
    const clear = csv(await readFile(join(fixtures, 'caf.clear.csv'), 'utf8'));
    const households = [...new Set(clear.map((r) => r.household_id!))];
    await writeFile(
      join(dir, 'addresses.csv'),
      [
        'household_id;address;postal_code;city',
        ...households.map((h, i) => `${h};${i + 1} rue de l’Église;35000;Rennes`),
      ].join('\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one French PDF and one CSV row per person, locally, none for a person not to contact yet', async () => {
    const reidentified = await cli(
      'reidentify',
      '--kind',
      'caf',
      '--cases',
      join(dir, 'cohort.csv'),
      '--clear',
      join(fixtures, 'caf.clear.csv'),
      '--key-file',
      join(fixtures, 'key'),
      '--out',
      join(dir, 'contacts.csv'),
    );
    expect(reidentified.code, reidentified.stderr).toBe(0);
    const contacts = csv(await readFile(join(dir, 'contacts.csv'), 'utf8'));
    expect(new Set(contacts.map((c) => c.case_id)).size).toBe(1000);
    await writeFile(join(dir, 'letter.md'), template);
    const started = performance.now();
    const res = await cli(
      'letters',
      '--template',
      join(dir, 'letter.md'),
      '--contacts',
      join(dir, 'contacts.csv'),
      '--addresses',
      join(dir, 'addresses.csv'),
      '--contact',
      'la CAF d’Ille-et-Vilaine au 32 30',
      '--date',
      '2026-12-02',
      '--out',
      join(dir, 'letters'),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(res.code, res.stderr).toBe(0);
    const due = contacts.filter((c) => c.not_before === '');
    expect(res.stdout).toContain(`${due.length} letters written`);
    expect(res.stdout).toContain(`${contacts.length - due.length} people not to be contacted yet`);
    const files = (await readdir(join(dir, 'letters'))).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(due.length);
    const merge = csv(await readFile(join(dir, 'letters', 'letters.csv'), 'utf8'));
    expect(merge).toHaveLength(due.length);
    const notYet = new Set(contacts.filter((c) => c.not_before !== '').map((c) => c.case_id));
    expect(merge.filter((r) => notYet.has(r.reference!))).toEqual([]);
    const first = merge[0]!;
    const person = contacts.find((c) => c.case_id === first.reference)!;
    expect(first).toMatchObject({ nom: person.family_name, ville: 'Rennes', date: '2 décembre 2026' });
    expect(first.prenom).toBe(person.given_names!.split(/[\s,]+/)[0]);
    expect(first.adresse).toMatch(/rue de l’Église$/);
    const pdf = await PDFDocument.load(await readFile(join(dir, 'letters', first.fichier!)));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`Courrier ${first.reference}`);
    console.log(`letters: ${due.length} PDF in ${seconds.toFixed(1)} s`);
  }, 180_000);

  it('refuses a template with a field it does not know', async () => {
    await writeFile(join(dir, 'bad.md'), 'Bonjour {{prenom}} {{iban}}');
    const res = await cli(
      'letters',
      '--template',
      join(dir, 'bad.md'),
      '--contacts',
      join(dir, 'cohort.csv'),
      '--contact',
      'x',
      '--out',
      join(dir, 'none'),
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('{{iban}}');
  });
});
