// The CSV export: what a spreadsheet opens as is (BOM, `;`, a header, CRLF), the same events as the
// JSON Lines export for the same filters, quoting that survives any value, and no formula smuggled
// in through a value the caller chose.
import { AUDIT_CSV_COLUMNS, appendAuditEvent } from '@nonrecours/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

/** RFC 4180 with `;` and CRLF, enough to read back what the export writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('audit CSV export', () => {
  let t: TestApp;
  let dpoToken: string;
  let own: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    own = (await makeConvention(db)).id;
    other = (await makeConvention(db)).id;
    const dpo = await makePartner(db, 'territory');
    await addMember(db, own, dpo.id, ['dpo', 'territory']);
    await addMember(db, other, dpo.id, ['territory']);
    dpoToken = await tokenFor(t.app, await makeClient(db, dpo.id, 'dpo'));
    const territoryToken = await tokenFor(t.app, await makeClient(db, dpo.id, 'territory'));
    for (const cid of [own, own, other])
      await t.app.inject({
        url: `/v1/conventions/${cid}`,
        headers: { authorization: `Bearer ${territoryToken}` },
      });
    // An OIDC subject is whatever the issuer says: here, a formula with the delimiter and quotes.
    await appendAuditEvent(db, {
      actor: '=HYPERLINK("https://example.org";"x")',
      conventionId: own,
      action: 'convention.read',
      outcome: 'success',
      details: { note: 'a;b "c"\nd' },
    });
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${dpoToken}` } });

  it('writes a BOM, a header and one CRLF line per event, as the JSON Lines export does', async () => {
    const csv = await get('/v1/audit/export.csv?action=convention.read');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('audit.csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.body.slice(1));
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);

    const jsonl = (await get('/v1/audit/export?action=convention.read')).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(jsonl.length);
    expect(rows.length).toBe(3);
    const seq = AUDIT_CSV_COLUMNS.indexOf('seq');
    const hash = AUDIT_CSV_COLUMNS.indexOf('hash');
    const conventionId = AUDIT_CSV_COLUMNS.indexOf('convention_id');
    expect(rows.map((r) => [Number(r[seq]), r[hash]])).toEqual(jsonl.map((e) => [e.seq, e.hash]));
    expect(rows.every((r) => r[conventionId] === own)).toBe(true);
  });

  it('quotes delimiters, quotes and line breaks, and keeps a formula as text', async () => {
    const csv = await get(`/v1/audit/export.csv?convention_id=${own}&action=convention.read`);
    const rows = parseCsv(csv.body.slice(1)).slice(1);
    const last = rows.at(-1)!;
    expect(last[AUDIT_CSV_COLUMNS.indexOf('actor')]).toBe(`'=HYPERLINK("https://example.org";"x")`);
    expect(JSON.parse(last[AUDIT_CSV_COLUMNS.indexOf('details')]!)).toEqual({ note: 'a;b "c"\nd' });
    expect(last[AUDIT_CSV_COLUMNS.indexOf('record_count')]).toBe('');
  });

  it('answers a foreign convention with a header and nothing else', async () => {
    const csv = await get(`/v1/audit/export.csv?convention_id=${other}`);
    expect(csv.statusCode).toBe(200);
    expect(parseCsv(csv.body.slice(1))).toEqual([[...AUDIT_CSV_COLUMNS]]);
  });
});
