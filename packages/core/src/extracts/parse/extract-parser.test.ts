import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { type ExtractKind, extractColumns, extractKinds } from '@nonrecours/pseudo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FIELDS, MAX_HEADER_BYTES } from './extract-parser.ts';
import { copyColumns, createExtractParser, ExtractRefusal } from './index.ts';
import {
  clk,
  csv,
  type ParseResult,
  parseChunks,
  parseText,
  pseudonym,
  sampleCopyLine,
  sampleRow,
} from './test-support.ts';

const names = (kind: ExtractKind) => extractColumns[kind].map((c) => c.name);
const row = (overrides: Record<string, string> = {}, seed = '1') => ({
  ...sampleRow('caf', seed),
  ...overrides,
});
const errorsOf = (result: ParseResult) => result.stats.errors.map((e) => [e.line, e.column, e.code]);

/** Every output line splits into the COPY columns, with values that need no escaping. */
function expectCopySafe(output: string, kind: ExtractKind) {
  expect(output === '' || output.endsWith('\n')).toBe(true);
  for (const line of output.split('\n').slice(0, -1)) {
    const values = line.split('\t');
    expect(values).toHaveLength(copyColumns[kind].length);
    for (const value of values) expect(value === '\\N' || /^[A-Za-z0-9_.-]+$/.test(value)).toBe(true);
  }
}

describe('valid rows of every kind', () => {
  it.each(extractKinds)('%s: every column written in COPY order, with normalised values', async (kind) => {
    const result = await parseText(kind, csv(kind, [sampleRow(kind, '1'), sampleRow(kind, '2')]));
    expect(result.refusal).toBeNull();
    expect(result.output).toBe(sampleCopyLine(kind, '1') + sampleCopyLine(kind, '2'));
    expect(result.stats).toEqual({
      rows: 2,
      validRows: 2,
      invalidRows: 0,
      errorCount: 0,
      errors: [],
      header: names(kind),
      delimiter: ';',
    });
    expectCopySafe(result.output, kind);
  });

  it('exposes the COPY columns: every column of the kind, in extractColumns order', () => {
    for (const kind of extractKinds) {
      expect(copyColumns[kind]).toEqual(names(kind));
      expect(createExtractParser(kind).columns).toEqual(names(kind));
    }
  });

  it('normalises months, amounts, booleans and integers', async () => {
    const values = {
      birth_ym: '2001-11',
      household_resources: '1234,50',
      activity_income: '800.00',
      housing_aid_amount: '0,5',
      household_adults: '01',
      household_children: '0',
      single_parent: '0',
      rsa: '1',
      commune: '97411',
    };
    const result = await parseText('caf', csv('caf', [row(values)]));
    expect(result.output).toBe(
      sampleCopyLine('caf', '1', {
        birth_ym: '2001-11-01',
        household_resources: '1234.50',
        activity_income: '800.00',
        housing_aid_amount: '0.5',
        household_adults: '1',
        household_children: '0',
        single_parent: 'f',
        rsa: 't',
        commune: '97411',
      }),
    );
  });

  it('reads the columns in whatever order the header gives them', async () => {
    const columns = [...names('msa')].reverse();
    const result = await parseText('msa', csv('msa', [sampleRow('msa')], { columns }));
    expect(result.stats.header).toEqual(columns);
    expect(result.output).toBe(sampleCopyLine('msa'));
  });

  it('writes \\N for optional columns absent from the header or left empty', async () => {
    const optional = ['identity_pseudo', 'identity_clk', 'single_parent_increase', 'housing_aid_amount'];
    const nulls = Object.fromEntries(optional.map((n) => [n, '\\N']));
    const absent = await parseText(
      'caf',
      csv('caf', [row()], { columns: names('caf').filter((n) => !optional.includes(n)) }),
    );
    expect(absent.output).toBe(sampleCopyLine('caf', '1', nulls));
    const empty = await parseText('caf', csv('caf', [row(Object.fromEntries(optional.map((n) => [n, ''])))]));
    expect(empty.output).toBe(sampleCopyLine('caf', '1', nulls));
    const shuffled = [...names('caf').filter((n) => !optional.includes(n))].reverse();
    expect((await parseText('caf', csv('caf', [row()], { columns: shuffled }))).output).toBe(absent.output);
  });

  it('reads the comma delimiter, CRLF line breaks and a BOM', async () => {
    const expected = sampleCopyLine('carsat');
    const comma = await parseText('carsat', csv('carsat', [sampleRow('carsat')], { delimiter: ',' }));
    expect([comma.output, comma.stats.delimiter]).toEqual([expected, ',']);
    const crlf = await parseText('carsat', csv('carsat', [sampleRow('carsat')], { lineBreak: '\r\n' }));
    expect(crlf.output).toBe(expected);
    const bom = await parseText(
      'carsat',
      `\uFEFF${csv('carsat', [sampleRow('carsat')], { lineBreak: '\r\n' })}`,
    );
    expect([bom.output, bom.stats.header]).toEqual([expected, names('carsat')]);
  });

  it('reads a decimal comma with ; and, quoted, with ,', async () => {
    const semicolon = await parseText(
      'carsat',
      csv('carsat', [{ ...sampleRow('carsat'), pension: '987,65' }]),
    );
    expect(semicolon.output).toBe(sampleCopyLine('carsat', '1', { pension: '987.65' }));
    const comma = await parseText(
      'carsat',
      csv('carsat', [{ ...sampleRow('carsat'), pension: '"987,65"', household_resources: '"1,5"' }], {
        delimiter: ',',
      }),
    );
    expect(comma.output).toBe(
      sampleCopyLine('carsat', '1', { pension: '987.65', household_resources: '1.5' }),
    );
    // Unquoted, the comma splits the value: the row has one field too many.
    const split = await parseText(
      'carsat',
      csv('carsat', [{ ...sampleRow('carsat'), pension: '987,65' }], { delimiter: ',' }),
    );
    expect(errorsOf(split)).toEqual([[2, null, 'wrong_field_count']]);
  });

  it('reads quoted values, and trims blanks around unquoted ones', async () => {
    const quoted = Object.fromEntries(Object.entries(sampleRow('cpam')).map(([k, v]) => [k, `"${v}"`]));
    const blanks = Object.fromEntries(Object.entries(sampleRow('cpam')).map(([k, v]) => [k, ` \t${v} `]));
    const result = await parseText('cpam', csv('cpam', [quoted, blanks]));
    expect(result.output).toBe(sampleCopyLine('cpam').repeat(2));
  });

  it('parses escaped quotes and line breaks inside quoted values, then refuses the values', async () => {
    const text = csv('caf', [row({ role: '"allo""cataire"' }), row({ housing: '"loca\ntaire"' }), row()]);
    const result = await parseText('caf', text);
    expect(errorsOf(result)).toEqual([
      [2, 'role', 'invalid_enum'],
      [3, 'housing', 'invalid_enum'],
    ]);
    expect(result.stats).toMatchObject({ rows: 3, validRows: 1, invalidRows: 2 });
    // After the two-line record (lines 3 and 4) and a valid row, the next row is on line 6.
    const after = await parseText('caf', `${text}${csv('caf', [row({ commune: 'x' })]).split('\n')[1]}\n`);
    expect(errorsOf(after).at(-1)).toEqual([6, 'commune', 'invalid_commune']);
  });

  it('ignores blank lines at the end and before the header, and counts those between rows', async () => {
    const body = csv('cpam', [sampleRow('cpam')]);
    const trailing = await parseText('cpam', `\n \r\n${body}\n\r\n  \n`);
    expect([trailing.output, trailing.stats.rows, trailing.stats.errorCount]).toEqual([
      sampleCopyLine('cpam'),
      1,
      0,
    ]);
    const lines = body.split('\n');
    const middle = await parseText('cpam', `${lines[0]}\n${lines[1]}\n\n\n${lines[1]}\n\n`);
    expect(middle.stats).toMatchObject({ rows: 4, validRows: 2, invalidRows: 2 });
    expect(errorsOf(middle)).toEqual([
      [3, null, 'wrong_field_count'],
      [4, null, 'wrong_field_count'],
    ]);
  });

  it('reads a last line without a line break', async () => {
    const result = await parseText('landlord', csv('landlord', [sampleRow('landlord')]).trimEnd());
    expect(result.output).toBe(sampleCopyLine('landlord'));
  });
});

describe('row errors', () => {
  const cases: [Record<string, string>, string, string][] = [
    [{ commune: '' }, 'commune', 'required'],
    [{ person_pseudo: '' }, 'person_pseudo', 'required'],
    [{ birth_ym: '1985-13' }, 'birth_ym', 'invalid_month'],
    [{ birth_ym: '03/1985' }, 'birth_ym', 'invalid_month'],
    [{ activity_income: '12.345' }, 'activity_income', 'invalid_amount'],
    [{ activity_income: '-5' }, 'activity_income', 'invalid_amount'],
    [{ housing_aid_amount: '12345678901' }, 'housing_aid_amount', 'invalid_amount'],
    [{ rsa: '2' }, 'rsa', 'invalid_boolean'],
    [{ household_children: '1.5' }, 'household_children', 'invalid_integer'],
    [{ household_children: '40000' }, 'household_children', 'invalid_integer'],
    [{ household_adults: '0' }, 'household_adults', 'below_minimum'],
    [{ household_children: '-1' }, 'household_children', 'below_minimum'],
    [{ role: 'ALLOCATAIRE' }, 'role', 'invalid_enum'],
    [{ commune: '2C004' }, 'commune', 'invalid_commune'],
    [{ commune: '3523' }, 'commune', 'invalid_commune'],
  ];

  it.each(cases)('%o → %s %s', async (values, column, code) => {
    const result = await parseText('caf', csv('caf', [row(), row(values, '2'), row({}, '3')]));
    expect(result.refusal).toBeNull();
    expect(result.stats).toMatchObject({ rows: 3, validRows: 2, invalidRows: 1, errorCount: 1 });
    expect(result.stats.errors).toEqual([{ line: 3, column, code }]);
    expect(result.output).toBe(sampleCopyLine('caf', '1') + sampleCopyLine('caf', '3'));
  });

  it('reports a wrong field count once, with no column', async () => {
    const lines = csv('caf', [row(), row()]).split('\n');
    const result = await parseText(
      'caf',
      `${lines[0]}\n${lines[1]};x\n${lines[2]?.split(';').slice(1).join(';')}\n`,
    );
    expect(errorsOf(result)).toEqual([
      [2, null, 'wrong_field_count'],
      [3, null, 'wrong_field_count'],
    ]);
  });

  it('reports every bad value of a row', async () => {
    const result = await parseText('caf', csv('caf', [row({ commune: 'x', rsa: 'y', birth_ym: '' })]));
    expect(result.stats).toMatchObject({ rows: 1, invalidRows: 1, errorCount: 3 });
    expect(errorsOf(result)).toEqual([
      [2, 'birth_ym', 'required'],
      [2, 'commune', 'invalid_commune'],
      [2, 'rsa', 'invalid_boolean'],
    ]);
  });

  it('counts every error but keeps only maxErrorsKept', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ rsa: 'x' }, String(i)));
    const result = await parseText('caf', csv('caf', [...rows, row()]), { maxErrorsKept: 5 });
    expect(result.stats).toMatchObject({ rows: 21, validRows: 1, invalidRows: 20, errorCount: 20 });
    expect(result.stats.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('counts physical lines with CRLF', async () => {
    const result = await parseText('caf', csv('caf', [row(), row({ rsa: '' })], { lineBreak: '\r\n' }));
    expect(errorsOf(result)).toEqual([[3, 'rsa', 'required']]);
  });
});

describe('refusals', () => {
  const refusal = async (kind: ExtractKind, text: string | Buffer) => {
    const result = await parseText(kind, text);
    expect(result.refusal).toBeInstanceOf(ExtractRefusal);
    const { code, message, details, status } = result.refusal!;
    return { code, message, details, status };
  };

  it('invalid_encoding: bytes that are not UTF-8, even cut at the end', async () => {
    const text = csv('caf', [row({ role: 'enfant' })]);
    const latin1 = Buffer.from(text.replace('enfant', 'élève'), 'latin1');
    expect(await refusal('caf', latin1)).toMatchObject({ code: 'invalid_encoding', status: 422 });
    const cut = Buffer.concat([Buffer.from(text), Buffer.from('é').subarray(0, 1)]);
    expect((await refusal('caf', cut)).code).toBe('invalid_encoding');
  });

  it('invalid_header: no delimiter, or a header that never ends', async () => {
    expect((await refusal('caf', 'person_pseudo\tcommune\nx\ty\n')).code).toBe('invalid_header');
    expect((await refusal('caf', `"person_pseudo;${names('caf').join(';')}\n`)).code).toBe('invalid_header');
    expect((await refusal('caf', 'a;'.repeat(40_000))).code).toBe('invalid_header');
  });

  it('refuses the housing-aid columns of landlord.v2 in a file sent as landlord.v1, accepts both schemas', async () => {
    const v2 = csv('landlord', [sampleRow('landlord')]);
    const asV1 = await parseText('landlord', v2, { schema: 'landlord.v1' });
    expect(asV1.refusal).toMatchObject({ code: 'unexpected_column' });
    expect(asV1.refusal?.message).toContain('schema=landlord.v2');
    expect((await parseText('landlord', v2, { schema: 'landlord.v2' })).refusal).toBeNull();
    const v1Columns = names('landlord').filter(
      (n) => !['conventionne', 'annual_resources', 'apl_amount', 'dependants'].includes(n),
    );
    const v1 = csv('landlord', [sampleRow('landlord')], { columns: v1Columns });
    for (const schema of ['landlord.v1', 'landlord.v2'])
      expect((await parseText('landlord', v1, { schema })).refusal).toBeNull();
  });

  it('refuses the monthly columns of caf.v2 in a file sent as caf.v1, naming the schema to use', async () => {
    const v2 = csv('caf', [sampleRow('caf')]);
    const asV1 = await parseText('caf', v2, { schema: 'caf.v1' });
    expect(asV1.refusal).toMatchObject({ code: 'unexpected_column' });
    expect(asV1.refusal?.message).toContain('schema=caf.v2');
    expect((await parseText('caf', v2, { schema: 'caf.v2' })).refusal).toBeNull();
    const v1Columns = names('caf').filter((n) => !/_m\d$|^c2s_resources$/.test(n));
    const v1 = csv('caf', [sampleRow('caf')], { columns: v1Columns });
    for (const schema of ['caf.v1', 'caf.v2'])
      expect((await parseText('caf', v1, { schema })).refusal).toBeNull();
  });

  it('unexpected_column, missing_column, duplicate_column', async () => {
    const text = (columns: string[]) => csv('caf', [row({ nir: '1' })], { columns });
    expect(await refusal('caf', text([...names('caf'), 'nir']))).toMatchObject({
      code: 'unexpected_column',
      details: { columns: [{ position: names('caf').length + 1, name: 'nir' }] },
    });
    expect(await refusal('caf', text(names('caf').filter((n) => n !== 'commune')))).toMatchObject({
      code: 'missing_column',
      details: { columns: ['commune'] },
    });
    expect(await refusal('caf', text([...names('caf'), 'rsa']))).toMatchObject({
      code: 'duplicate_column',
      details: { columns: ['rsa'] },
    });
  });

  const nirs = [
    '1850578006084',
    '185057800608491',
    '1 85 05 78 006 084 91',
    '2.85.05.2A.006.084',
    '1-85-05-78-006-084-91',
  ];

  it.each([
    'activity_income',
    'commune',
    'role',
    'household_children',
    'birth_ym',
    'single_parent_increase',
    'person_pseudo',
  ])('clear_identifier_suspected: a NIR in %s', async (column) => {
    for (const nir of nirs) {
      const result = await refusal('caf', csv('caf', [row(), row({ [column]: nir }, '2')]));
      expect(result).toMatchObject({ code: 'clear_identifier_suspected', details: { line: 3, column } });
      expect(result.message).not.toContain(nir);
      expect(JSON.stringify(result.details)).not.toContain(nir.slice(0, 5));
    }
  });

  it('clear_identifier_suspected: a NIR quoted, or in a row with a wrong field count', async () => {
    const quoted = await refusal('caf', csv('caf', [row({ commune: '" 1 85 05 78 006 084 "' })]));
    expect(quoted).toMatchObject({
      code: 'clear_identifier_suspected',
      details: { line: 2, column: 'commune' },
    });
    const lines = csv('caf', [row()]).split('\n');
    const extra = await refusal('caf', `${lines[0]}\n${lines[1]};1850578006084\n`);
    expect(extra).toMatchObject({ code: 'clear_identifier_suspected', details: { line: 2, column: null } });
  });

  it('clear_identifier_suspected: a pseudonym of 42 characters or not base64url, a bad identity_clk', async () => {
    const p = pseudonym('x');
    expect(p.slice(1)).toHaveLength(42);
    for (const bad of [p.slice(1), `${p}A`, `${p.slice(2)}==`, `${p.slice(1)}+`, 'Dupont', 'dupont jean']) {
      expect(await refusal('caf', csv('caf', [row({ household_pseudo: bad })]))).toMatchObject({
        code: 'clear_identifier_suspected',
        details: { line: 2, column: 'household_pseudo' },
      });
    }
    expect(await refusal('caf', csv('caf', [row({ identity_clk: clk('x').slice(0, 170) })]))).toMatchObject({
      code: 'clear_identifier_suspected',
      details: { line: 2, column: 'identity_clk' },
    });
  });

  it('malformed_csv: a quoted value never closed', async () => {
    expect(await refusal('caf', `${csv('caf', [row()])}"x;y\n\n`)).toMatchObject({
      code: 'malformed_csv',
      details: { line: 3, column: null },
    });
  });

  it('line_too_long: a record longer than the bound, whole or still coming', async () => {
    const tooLong = `"${'x'.repeat(70_000)}";1\n`;
    expect(await refusal('caf', `${csv('caf', [row()])}${tooLong}`)).toMatchObject({
      code: 'line_too_long',
      details: { line: 3, column: null },
    });
    const chunks = [csv('caf', [row()]), ...Array.from({ length: 80 }, () => 'y'.repeat(1000))];
    const { refusal: cut } = await parseChunks('caf', chunks);
    expect(cut).toMatchObject({ code: 'line_too_long', details: { line: 3, column: null } });
    expect(cut?.message).not.toContain('yyy');
  });

  it('too_many_fields: a row with more values than any kind has, refused before they are kept', async () => {
    const lines = csv('caf', [row()]).split('\n');
    for (const extra of [';'.repeat(MAX_FIELDS), ';x'.repeat(20_000), ';'.repeat(100_000)]) {
      const result = await refusal('caf', `${lines[0]}\n${lines[1]}\n${lines[1]}${extra}\n`);
      expect(result).toMatchObject({
        code: 'too_many_fields',
        status: 422,
        details: { line: 3, column: null },
      });
      expect(result.message.length).toBeLessThan(200);
    }
    // A few values too many stay a row error.
    const { stats } = await parseText('caf', `${lines[0]}\n${lines[1]};1;2\n`);
    expect(stats.errors).toEqual([{ line: 2, column: null, code: 'wrong_field_count' }]);
  });

  it('invalid_header: more columns than any kind has, or a header over its byte bound', async () => {
    for (const header of [
      ';'.repeat(2_000),
      ';'.repeat(21_000),
      ','.repeat(64_000),
      `a${';b'.repeat(100)}`,
    ]) {
      const result = await refusal('caf', `${header}\n${csv('caf', [row()]).split('\n')[1]}\n`);
      expect(result).toMatchObject({ code: 'invalid_header', details: { line: 1, column: null } });
      expect(result.message.length).toBeLessThan(200);
    }
    const long = `${names('caf').join(';')};${'x'.repeat(MAX_HEADER_BYTES)}`;
    expect(await refusal('caf', `${long}\n`)).toMatchObject({ code: 'invalid_header' });
    const { refusal: coming } = await parseChunks('caf', [
      'a',
      ...Array.from({ length: 20 }, () => 'b'.repeat(1000)),
    ]);
    expect(coming?.code).toBe('invalid_header');
  });

  it('empty_extract: nothing, a BOM, blank lines, or a header without rows', async () => {
    for (const text of ['', '\uFEFF', '\n\r\n ', names('caf').join(';'), `${names('caf').join(';')}\n\n\n`]) {
      expect((await refusal('caf', text)).code).toBe('empty_extract');
    }
  });

  it('stops at the refusal, without reading the rest of an endless input', async () => {
    const lines = [
      `${names('caf').join(';')}\n`,
      `${csv('caf', [row({ commune: '1850578006084' })]).split('\n')[1]}\n`,
    ];
    const valid = `${csv('caf', [row()]).split('\n')[1]}\n`;
    let produced = 0;
    const endless = new Readable({
      read() {
        this.push(lines[produced++] ?? valid);
      },
    });
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await expect(pipeline(endless, createExtractParser('caf'), sink)).rejects.toMatchObject({
      code: 'clear_identifier_suspected',
      details: { line: 2, column: 'commune' },
    });
    // What the streams read ahead, no more.
    expect(produced).toBeLessThan(1000);
  });
});

describe('chunk boundaries', () => {
  // Something of everything: BOM, CRLF, quotes, escapes, a line break in a value, decimal commas,
  // blanks, a multi-byte character, row errors and a last line without a line break.
  const text = `\uFEFF${csv(
    'caf',
    [
      row(),
      row({ role: '"conjoint"', household_resources: '"12,5"', commune: ' 2B033 ' }, '2'),
      row({ housing: '"é""\r\nx"', rsa: '' }, '3'),
      row({ identity_clk: '', single_parent_increase: '0' }, '4'),
      row({ household_adults: '007' }, '5'),
    ],
    { lineBreak: '\r\n' },
  )}\r\n${csv('caf', [row({}, '6')]).split('\n')[1]}`;
  const whole = Buffer.from(text);

  const split = (at: number[]) => {
    const points = [0, ...at.filter((p) => p > 0 && p < whole.length).sort((a, b) => a - b), whole.length];
    return points.slice(1).map((p, i) => whole.subarray(points[i], p));
  };

  it('gives the same result whole, a byte at a time, and cut at every position', async () => {
    const expected = await parseChunks('caf', [whole]);
    expect(expected.refusal).toBeNull();
    expect(expected.stats).toMatchObject({ rows: 7, validRows: 5, invalidRows: 2 });
    expect(errorsOf(expected)).toEqual([
      [4, 'housing', 'invalid_enum'],
      [4, 'rsa', 'required'],
      [8, null, 'wrong_field_count'],
    ]);
    expectCopySafe(expected.output, 'caf');
    expect(await parseChunks('caf', split([...whole.keys()]))).toEqual(expected);
    for (let at = 1; at < whole.length; at++) expect(await parseChunks('caf', split([at]))).toEqual(expected);
  });

  it('gives the same result in random pieces', async () => {
    const expected = await parseChunks('caf', [whole]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: whole.length - 1 }), { maxLength: 30 }),
        async (at) => {
          expect(await parseChunks('caf', split(at))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a bad encoding cut across chunks, and accepts a good one', async () => {
    const good = Buffer.from(csv('caf', [row({ role: '"élève"' })]));
    const at = good.indexOf(Buffer.from('é')) + 1;
    const result = await parseChunks('caf', [good.subarray(0, at), good.subarray(at)]);
    expect([result.refusal, errorsOf(result)]).toEqual([null, [[2, 'role', 'invalid_enum']]]);
    const bad = Buffer.concat([good.subarray(0, at), good.subarray(at + 1)]);
    expect((await parseChunks('caf', [bad.subarray(0, at), bad.subarray(at)])).refusal?.code).toBe(
      'invalid_encoding',
    );
  });
});

describe('COPY output', () => {
  // Values close to valid ones, and some far from them: the output must never need escaping.
  const anyValue = fc.oneof(
    fc.constantFrom(
      '',
      '0',
      '1',
      '2',
      '1985-03',
      '35238',
      '2A004',
      '12,5',
      '7.25',
      'locataire',
      'free',
      '\\N',
      '\\',
      '\t',
    ),
    fc.constantFrom(pseudonym('a'), clk('a'), ' 1 ', '"1"', '"a""b"', '"x\ny"', '1\r', 'é', '\\t'),
    fc.string({ maxLength: 8 }),
  );

  it('never holds a character that COPY would read as an escape, a delimiter or a line break', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(anyValue, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const header = names('cpam').join(';');
          const text = `${header}\n${rows.map((r) => `${pseudonym('p')};${r.join(';')}`).join('\n')}\n`;
          const result = await parseText('cpam', text);
          expectCopySafe(result.output, 'cpam');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('streaming', () => {
  it('keeps its buffers bounded and follows the pace of a slow consumer', async () => {
    const rows = 60_000;
    const line = csv('caf', [row()]).split('\n')[1];
    let made = 0;
    const source = new Readable({
      read() {
        if (made === 0) this.push(`${names('caf').join(';')}\n`);
        const n = Math.min(500, rows - made);
        this.push(`${line}\n`.repeat(n));
        made += n;
        if (made === rows) this.push(null);
      },
    });
    const parser = createExtractParser('caf');
    let buffered = 0;
    let received = 0;
    const slow = new Writable({
      highWaterMark: 64 * 1024,
      async write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        buffered = Math.max(buffered, parser.readableLength + parser.writableLength);
        await nextTurn();
        callback();
      },
    });
    const heapBefore = process.memoryUsage().heapUsed;
    await pipeline(source, parser, slow);
    expect(parser.stats).toMatchObject({ rows, validRows: rows });
    expect(received).toBe(rows * sampleCopyLine('caf').length);
    // A few chunks in flight at most, whatever the size of the input (22 MB here).
    expect(buffered).toBeLessThan(4 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
