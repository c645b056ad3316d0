// Uploading extracts over HTTP: every refusal code, every accepted variant, row errors,
// idempotency, visibility, withdrawal and superseding.
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { extractFile, type FileOptions } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

const KCV = '4b087fe7a2945f10';

describe('extract upload', () => {
  let t: TestApp;
  let conventionId: string;
  let caf: string;
  let cafPartner: string;
  let landlord: string;
  let territory: string;

  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_BYTES: String(4 * 1024 * 1024) });
    const db = t.database.db;
    conventionId = (await makeConvention(db)).id;
    const cafOrg = await makePartner(db, 'caf');
    cafPartner = cafOrg.id;
    await addMember(db, conventionId, cafOrg.id, ['partner'], ['caf', 'cpam']);
    caf = await tokenFor(t.app, await makeClient(db, cafOrg.id, 'partner'));
    const landlordOrg = await makePartner(db, 'landlord');
    await addMember(db, conventionId, landlordOrg.id, ['partner'], ['landlord']);
    landlord = await tokenFor(t.app, await makeClient(db, landlordOrg.id, 'partner'));
    const team = await makePartner(db, 'territory');
    await addMember(db, conventionId, team.id, ['territory']);
    territory = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
  });
  afterAll(() => t.close());

  function upload(
    body: string | Buffer,
    options: {
      token?: string;
      kind?: string;
      schema?: string;
      month?: string;
      kcv?: string | null;
      key?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    const kind = options.kind ?? 'caf';
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token ?? caf}`,
      'content-type': 'text/csv',
      ...options.headers,
    };
    if (options.kcv !== null) headers['x-key-check'] = options.kcv ?? KCV;
    if (options.key) headers['idempotency-key'] = options.key;
    return t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/extracts?kind=${kind}&schema=${options.schema ?? `${kind}.v1`}&reference_month=${options.month ?? '2026-09'}`,
      headers,
      payload: body,
    });
  }

  const get = (url: string, token = caf) =>
    t.app.inject({
      url: `/v1/conventions/${conventionId}${url}`,
      headers: { authorization: `Bearer ${token}` },
    });

  async function rowsOf(kind: string, extractId: string): Promise<number> {
    const result = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(`extract_rows_${kind}`)} where extract_id = ${extractId}`.execute(
      t.database.db,
    );
    return result.rows[0]!.n;
  }

  describe('accepted variants', () => {
    const variants: Record<string, FileOptions> = {
      semicolons: {},
      commas: { delimiter: ',' },
      'a BOM': { bom: true },
      'CRLF line ends': { crlf: true },
      'decimal commas': { decimalComma: true },
      'decimal commas in a comma-separated file': { delimiter: ',', decimalComma: true },
      'quoted fields': { quoteAll: true },
    };
    it.each(Object.keys(variants))('accepts a file with %s and loads every row', async (name) => {
      const res = await upload(extractFile('caf', 25, variants[name]));
      expect(res.statusCode, res.body).toBe(202);
      const extract = res.json();
      expect(extract).toMatchObject({
        status: 'accepted',
        row_count: 25,
        valid_count: 25,
        error_count: 0,
        current: true,
      });
      expect(res.headers.location).toBe(`/v1/conventions/${conventionId}/extracts/${extract.id}`);
      expect(await rowsOf('caf', extract.id)).toBe(25);
    });

    it('accepts a gzip-encoded body', async () => {
      const res = await upload(gzipSync(extractFile('caf', 40)), { headers: { 'content-encoding': 'gzip' } });
      expect(res.statusCode, res.body).toBe(202);
      expect(await rowsOf('caf', res.json().id)).toBe(40);
    });

    it('stores typed values: months as dates, decimal commas as numbers, booleans', async () => {
      const res = await upload(extractFile('caf', 1, { decimalComma: true }));
      const row = await sql<{ birth_ym: string; household_resources: number; rsa: boolean }>`
        select birth_ym::text, household_resources, rsa from extract_rows_caf where extract_id = ${res.json().id}`.execute(
        t.database.db,
      );
      expect(row.rows[0]).toEqual({ birth_ym: '1985-03-01', household_resources: 1234.5, rsa: false });
    });

    it('accepts every kind its partner provides', async () => {
      expect((await upload(extractFile('cpam', 10), { kind: 'cpam' })).statusCode).toBe(202);
      expect(
        (await upload(extractFile('landlord', 10), { kind: 'landlord', token: landlord })).statusCode,
      ).toBe(202);
    });
  });

  describe('refusals', () => {
    const cases: [string, () => ReturnType<typeof upload>, number][] = [
      ['key_check_mismatch', () => upload(extractFile('caf', 3), { kcv: '0000000000000000' }), 400],
      ['key_check_missing', () => upload(extractFile('caf', 3), { kcv: null }), 400],
      ['unknown_schema', () => upload(extractFile('caf', 3), { schema: 'caf.v3' }), 400],
      ['not_a_provider_of_kind', () => upload(extractFile('landlord', 3), { kind: 'landlord' }), 403],
      [
        'unexpected_column',
        () => upload(extractFile('caf', 3, { columns: ['person_pseudo', 'birth_ym', 'commune', 'nom'] })),
        422,
      ],
      [
        'missing_column',
        () =>
          upload(extractFile('cpam', 3, { columns: ['person_pseudo', 'birth_ym', 'commune'] }), {
            kind: 'cpam',
          }),
        422,
      ],
      ['empty_extract', () => upload(extractFile('caf', 0)), 422],
      [
        'invalid_encoding',
        () => upload(Buffer.concat([Buffer.from(extractFile('caf', 2)), Buffer.from([0xff, 0xfe, 0x0a])])),
        422,
      ],
      ['payload_too_large', () => upload(extractFile('caf', 12_000)), 413],
      [
        'too_many_row_errors',
        () =>
          upload(
            extractFile('caf', 100, { override: (i) => (i % 10 === 0 ? { housing: 'castle' } : undefined) }),
          ),
        422,
      ],
    ];
    it.each(cases)('refuses with %s', async (code, send, status) => {
      const res = await send();
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toEqual(expect.any(String));
    });

    it('refuses an upload on a suspended convention', async () => {
      const db = t.database.db;
      const suspended = await makeConvention(db, { status: 'suspended' });
      const org = await makePartner(db, 'caf');
      await addMember(db, suspended.id, org.id, ['partner'], ['caf']);
      const token = await tokenFor(t.app, await makeClient(db, org.id, 'partner'));
      const res = await t.app.inject({
        method: 'POST',
        url: `/v1/conventions/${suspended.id}/extracts?kind=caf&schema=caf.v1&reference_month=2026-09`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-key-check': KCV },
        payload: extractFile('caf', 2),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('convention_not_active');
    });

    it('keeps the row errors of a refused extract, by line and column, never by value', async () => {
      const res = await upload(
        extractFile('caf', 100, { override: (i) => (i % 10 === 0 ? { housing: 'castle' } : undefined) }),
      );
      const id = res.json().details.extract_id;
      const errors = (await get(`/extracts/${id}/errors?limit=5`)).json();
      expect(errors.error_count).toBe(10);
      expect(errors.items).toEqual([
        { line: 2, column: 'housing', code: 'invalid_enum' },
        { line: 12, column: 'housing', code: 'invalid_enum' },
        { line: 22, column: 'housing', code: 'invalid_enum' },
        { line: 32, column: 'housing', code: 'invalid_enum' },
        { line: 42, column: 'housing', code: 'invalid_enum' },
      ]);
      const next = (await get(`/extracts/${id}/errors?limit=5&cursor=${errors.next_cursor}`)).json();
      expect(next.items).toHaveLength(5);
      expect(next.next_cursor).toBeNull();
      expect(JSON.stringify(next)).not.toContain('castle');
      expect((await get(`/extracts/${id}`)).json()).toMatchObject({
        status: 'rejected',
        refusal: { code: 'too_many_row_errors' },
      });
      expect(await rowsOf('caf', id)).toBe(0);
    });

    it('refuses a file with a NIR, an e-mail or a phone number in any column and keeps no byte of it', async () => {
      const values = ['185057800608491', 'marie.dupont@example.fr', '06 12 34 56 78', '+33612345678'];
      for (const value of values) {
        for (const column of ['household_resources', 'commune', 'role']) {
          const res = await upload(
            extractFile('caf', 50, { override: (i) => (i === 30 ? { [column]: value } : undefined) }),
          );
          expect(res.statusCode).toBe(422);
          expect(res.json()).toMatchObject({
            code: 'clear_identifier_suspected',
            details: { line: 32, column },
          });
          expect(res.body).not.toContain(value);
        }
      }
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
        t.database.db,
      );
      for (const { table_name } of tables.rows) {
        for (const value of values) {
          const found = await sql<{ n: number }>`
            select count(*)::int as n from ${sql.table(table_name)} as t where t::text like ${`%${value}%`}`.execute(
            t.database.db,
          );
          expect(found.rows[0]!.n, table_name).toBe(0);
        }
      }
    });
  });

  describe('row errors within the convention’s rate', () => {
    it('leaves the bad rows out and keeps their errors', async () => {
      const res = await upload(
        extractFile('caf', 400, { override: (i) => (i === 7 ? { birth_ym: '1985-13' } : undefined) }),
      );
      expect(res.statusCode, res.body).toBe(202);
      expect(res.json()).toMatchObject({
        status: 'accepted',
        row_count: 400,
        valid_count: 399,
        error_count: 1,
      });
      expect(await rowsOf('caf', res.json().id)).toBe(399);
      expect((await get(`/extracts/${res.json().id}/errors`)).json().items).toEqual([
        { line: 9, column: 'birth_ym', code: 'invalid_month' },
      ]);
    });
  });

  describe('idempotency', () => {
    it('returns the same extract for the same key and body, and 409 for another body', async () => {
      const body = extractFile('caf', 20);
      const first = await upload(body, { key: 'upload-0001-same' });
      expect(first.statusCode).toBe(202);
      const again = await upload(body, { key: 'upload-0001-same' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
      const other = await upload(extractFile('caf', 21), { key: 'upload-0001-same' });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe('idempotency_key_reused');
    });
  });

  describe('visibility, superseding and withdrawal', () => {
    it('shows a partner its own extracts only, and territory teams all of them', async () => {
      const mine = (await get('/extracts?limit=500')).json().items;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((e: { partner_id: string }) => e.partner_id === cafPartner)).toBe(true);
      const landlords = (await get('/extracts?limit=500', landlord)).json().items;
      expect(landlords.every((e: { kind: string }) => e.kind === 'landlord')).toBe(true);
      expect((await get(`/extracts/${mine[0].id}`, landlord)).statusCode).toBe(404);
      const all = (await get('/extracts?limit=500', territory)).json().items;
      expect(all.length).toBe(mine.length + landlords.length);
    });

    it('makes the newest reference month current, and withdraws with its rows', async () => {
      const older = (await upload(extractFile('cpam', 5), { kind: 'cpam', month: '2026-07' })).json();
      const newer = (await upload(extractFile('cpam', 6), { kind: 'cpam', month: '2026-10' })).json();
      const late = (await upload(extractFile('cpam', 7), { kind: 'cpam', month: '2026-08' })).json();
      const state = async (id: string) => (await get(`/extracts/${id}`)).json();
      expect((await state(newer.id)).current).toBe(true);
      expect((await state(older.id)).superseded_by).toBe(newer.id);
      expect((await state(late.id)).superseded_by).toBe(newer.id);

      const withdrawn = await t.app.inject({
        method: 'DELETE',
        url: `/v1/conventions/${conventionId}/extracts/${newer.id}`,
        headers: { authorization: `Bearer ${caf}` },
      });
      expect(withdrawn.statusCode).toBe(200);
      expect(withdrawn.json().status).toBe('withdrawn');
      expect(await rowsOf('cpam', newer.id)).toBe(0);
      // The newest reference month left is current again.
      const cpam = (await get('/extracts?kind=cpam&limit=500'))
        .json()
        .items.filter((e: { status: string }) => e.status === 'accepted');
      const newest = cpam
        .map((e: { reference_month: string }) => e.reference_month)
        .sort()
        .at(-1);
      const current = cpam.filter((e: { current: boolean }) => e.current);
      expect(current).toHaveLength(1);
      expect(current[0].reference_month).toBe(newest);
      expect((await state(late.id)).current).toBe(newest === '2026-08');
      const event = await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'extract.withdraw')
        .where('target', '=', `extract/${newer.id}`)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ outcome: 'success', record_count: 6 });
      const again = await t.app.inject({
        method: 'DELETE',
        url: `/v1/conventions/${conventionId}/extracts/${newer.id}`,
        headers: { authorization: `Bearer ${caf}` },
      });
      expect(again.statusCode).toBe(409);
    });

    it('audits every upload with its outcome', async () => {
      const events = await t.database.db
        .selectFrom('audit_events')
        .select(['outcome', 'status_code'])
        .where('action', '=', 'extract.upload')
        .execute();
      expect(events.some((e) => e.outcome === 'success')).toBe(true);
      expect(events.some((e) => e.outcome === 'denied' && e.status_code === 400)).toBe(true);
    });
  });

  describe('dry run', () => {
    const dryRun = (body: string, month = '2026-09') =>
      t.app.inject({
        method: 'POST',
        url: `/v1/conventions/${conventionId}/extracts?kind=caf&schema=caf.v1&reference_month=${month}&dry_run=true`,
        headers: { authorization: `Bearer ${caf}`, 'content-type': 'text/csv', 'x-key-check': KCV },
        payload: body,
      });
    const extractIds = async () =>
      (
        await t.database.db.selectFrom('extracts').select(['id', 'superseded_by']).orderBy('id').execute()
      ).map((e) => `${e.id}:${e.superseded_by}`);
    const rowCount = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from extract_rows_caf`.execute(t.database.db))
        .rows[0]!.n;

    it('checks a whole file as an upload would, storing nothing and superseding nothing', async () => {
      const before = { extracts: await extractIds(), rows: await rowCount() };
      const good = await dryRun(extractFile('caf', 40), '2026-10');
      expect(good.statusCode, good.body).toBe(200);
      expect(good.json()).toMatchObject({
        dry_run: true,
        verdict: 'accepted',
        refusal: null,
        row_count: 40,
        valid_count: 40,
        error_count: 0,
        errors: [],
      });
      const bad = await dryRun(
        extractFile('caf', 100, { override: (i) => (i % 10 === 0 ? { housing: 'castle' } : undefined) }),
      );
      expect(bad.statusCode).toBe(200);
      expect(bad.json()).toMatchObject({
        verdict: 'rejected',
        refusal: { code: 'too_many_row_errors' },
        row_count: 100,
        error_count: 10,
      });
      expect(bad.json().errors[0]).toEqual({ line: 2, column: 'housing', code: 'invalid_enum' });
      const clear = await dryRun(
        extractFile('caf', 5, { override: (i) => (i === 2 ? { role: 'a@b.fr' } : undefined) }),
      );
      expect(clear.json()).toMatchObject({
        verdict: 'rejected',
        refusal: { code: 'clear_identifier_suspected', details: { line: 4, column: 'role' } },
      });
      expect(clear.body).not.toContain('a@b.fr');
      expect({ extracts: await extractIds(), rows: await rowCount() }).toEqual(before);
      const checks = await t.database.db
        .selectFrom('audit_events')
        .select(['outcome', 'details'])
        .where('action', '=', 'extract.check')
        .execute();
      expect(checks.map((c) => (c.details as { verdict: string }).verdict)).toEqual([
        'accepted',
        'rejected',
        'rejected',
      ]);
    });

    it('answers the checks made before the body like an upload', async () => {
      expect((await dryRun(extractFile('caf', 2), '9999-12')).json().code).toBe(
        'reference_month_out_of_range',
      );
    });
  });
});
