// The record of processing (GDPR art. 30) of a convention, drawn from the convention's own data:
// its parties and roles, the extract kinds they provide and so the persons and columns concerned, its
// retention; for the convention's DPOs only, whatever its status.
import { extractColumns } from '@nonrecours/pseudo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

interface RecordJson {
  convention: { id: string; reference: string; status: string };
  parties: { name: string; roles: string[]; provides: string[] }[];
  purposes: { stated: string };
  legal_basis: { stated: string; gdpr: string[] };
  data_subjects: { kind: string; provided_by: string[] }[];
  personal_data: {
    kind: string;
    provided_by: string[];
    columns: { name: string; required: boolean; special_category: boolean; note: string | null }[];
  }[];
  special_categories: { present: boolean; columns: string[] };
  recipients: { role: string; members: string[] }[];
  transfers: { outside_eu: boolean };
  retention: { retention_days: number; extracts: string };
  security_measures: string[];
  dpia: { required: boolean };
  to_complete: string[];
  generated_at: string;
}

describe('record of processing', () => {
  let t: TestApp;
  let conventionId: string;
  let reference: string;
  let dpoToken: string;
  let territoryToken: string;
  let strangerDpoToken: string;
  const names = { caf: 'CAF d’Ille-et-Vilaine', cpam: 'CPAM | 35', team: 'TZNR <Rennes>' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const convention = await makeConvention(db, { status: 'suspended' });
    conventionId = convention.id;
    reference = convention.reference;
    const caf = await makePartner(db, 'caf', names.caf);
    const cpam = await makePartner(db, 'cpam', names.cpam);
    const team = await makePartner(db, 'territory', names.team);
    await addMember(db, conventionId, caf.id, ['partner'], ['caf']);
    await addMember(db, conventionId, cpam.id, ['partner'], ['cpam']);
    await addMember(db, conventionId, team.id, ['territory', 'dpo']);
    dpoToken = await tokenFor(t.app, await makeClient(db, team.id, 'dpo'));
    territoryToken = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
    const elsewhere = await makePartner(db, 'territory');
    await addMember(db, (await makeConvention(db)).id, elsewhere.id, ['dpo']);
    strangerDpoToken = await tokenFor(t.app, await makeClient(db, elsewhere.id, 'dpo'));
  });
  afterAll(() => t.close());

  const get = (url: string, token = dpoToken) =>
    t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

  it('draws parties, persons, data, recipients and retention from the convention', async () => {
    const res = await get(`/v1/conventions/${conventionId}/record-of-processing`);
    expect(res.statusCode).toBe(200);
    const record = res.json<RecordJson>();
    expect(record.convention).toMatchObject({ id: conventionId, reference, status: 'suspended' });
    expect(Date.now() - Date.parse(record.generated_at)).toBeLessThan(60_000);
    expect(record.parties.map((p) => [p.name, p.roles, p.provides])).toEqual([
      [names.caf, ['partner'], ['caf']],
      [names.cpam, ['partner'], ['cpam']],
      [names.team, ['territory', 'dpo'], []],
    ]);
    expect(record.purposes.stated).toBe('Lutte contre le non-recours');
    expect(record.legal_basis.stated).toBe('CRPA L114-8 II; loi 3DS art. 133');
    expect(record.legal_basis.gdpr.join(' ')).toMatch(/6\(1\)\(e\).*9\(2\)/);

    expect(record.data_subjects.map((s) => [s.kind, s.provided_by])).toEqual([
      ['caf', [names.caf]],
      ['cpam', [names.cpam]],
    ]);
    expect(record.personal_data.map((d) => d.kind)).toEqual(['caf', 'cpam']);
    const caf = record.personal_data[0]!;
    expect(caf.columns.map((c) => [c.name, c.required])).toEqual(
      extractColumns.caf.map((c) => [c.name, c.required]),
    );
    const flagged = record.personal_data.flatMap((d) => d.columns.filter((c) => c.special_category));
    // The monthly isolated-parent increase (caf.v2) can reveal a pregnancy, as the single one does.
    const monthly = ['m0', 'm1', 'm2', 'm3', 'm4'].map((m) => `single_parent_increase_${m}`);
    const expected = ['single_parent_increase', 'aah', ...monthly, 'c2s', 'c2s_until'];
    expect([...flagged.map((c) => c.name)].sort()).toEqual([...expected].sort());
    expect(flagged.find((c) => c.name === 'aah')!.note).toMatch(/art\. 9/);
    expect(record.special_categories).toMatchObject({
      present: true,
      columns: expect.arrayContaining(expected),
    });

    expect(record.recipients).toEqual([
      expect.objectContaining({ role: 'partner', members: [names.caf, names.cpam] }),
      expect.objectContaining({ role: 'territory', members: [names.team] }),
      expect.objectContaining({ role: 'dpo', members: [names.team] }),
    ]);
    expect(record.transfers.outside_eu).toBe(false);
    expect(record.retention.retention_days).toBe(180);
    expect(record.retention.extracts).toContain('180 jours');
    const measures = record.security_measures.join('\n');
    for (const measure of [
      /ne détient jamais/,
      /Valeur de contrôle de la clé enregistrée/,
      /scrypt/,
      /ES256 \(900 s\)/,
      /signés/,
      /TLS/,
    ])
      expect(measures).toMatch(measure);
    expect(record.dpia.required).toBe(true);
    expect(record.to_complete.join('\n')).toMatch(/exception de l’art\. 9\(2\)/);
  });

  it('renders the same record as Markdown, with database text escaped', async () => {
    const res = await get(`/v1/conventions/${conventionId}/record-of-processing.md`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`record-of-processing-${reference}.md`);
    const md = res.body;
    expect(md).toMatch(/^# Registre des activités de traitement — Convention de test\n/);
    for (const heading of [
      'Responsables du traitement et parties',
      'Finalités',
      'Base légale',
      'Catégories de personnes concernées',
      'Catégories de données à caractère personnel',
      'Destinataires',
      'Transferts hors de l’Union européenne',
      'Durées de conservation',
      'Mesures de sécurité (art. 32)',
      'Analyse d’impact relative à la protection des données (AIPD, art. 35)',
      'À compléter',
    ])
      expect(md).toContain(`\n## ${heading}\n`);
    expect(md).toContain('### Extraction CAF (format `caf.v1`)');
    expect(md).toContain('### Extraction CPAM (format `cpam.v1`)');
    expect(md).toMatch(/établi le (1er|\d+) \p{L}+ \d{4} à \d+ h \d\d /u);
    expect(md).toMatch(/Statut : \p{L}+, valide du (1er|\d+) \p{L}+ \d{4} au/u);
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}|\| (partner|territory|dpo|landlord|caf) \|/);
    expect(md).toMatch(
      /\| `aah` \| oui \| prestations sociales \| .* \| L’AAH est attribuée en raison d’un handicap/,
    );
    expect(md).toContain('CPAM \\| 35');
    expect(md).toContain('TZNR \\<Rennes\\>');
    expect(md).not.toContain('<Rennes>');
  });

  it('is for the convention’s DPOs only', async () => {
    const asTerritory = await get(`/v1/conventions/${conventionId}/record-of-processing`, territoryToken);
    expect(asTerritory.statusCode).toBe(403);
    const asOtherDpo = await get(`/v1/conventions/${conventionId}/record-of-processing.md`, strangerDpoToken);
    expect(asOtherDpo.statusCode).toBe(404);
  });
});
