// The clear-identifier guard over every column of every kind: a NIR, an e-mail address or a French
// phone number anywhere refuses the whole file, naming the line and the column, never the value.
import { extractColumns, extractKinds } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import { csv, parseText, sampleRow } from './test-support.ts';

const shapes = {
  nir: ['1850578006084', '185057800608491', '1 85 05 78 006 084 91', '2.85.05.2A.006.084'],
  email: [
    'jean.dupont@example.fr',
    'j.d+caf@mail.example.com',
    'ecrire a marie.l@orange.fr',
    'DUPONT@GMAIL.COM',
  ],
  phone: [
    '0612345678',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '+33612345678',
    '+33 6 12 34 56 78',
    '0033 6 12 34 56 78',
    '+33 (0)1 23 45 67 89',
  ],
};

describe.each(extractKinds)('clear_identifier_suspected in a %s extract', (kind) => {
  it.each(Object.keys(shapes) as (keyof typeof shapes)[])(
    'a %s in any column refuses the file',
    async (shape) => {
      for (const column of extractColumns[kind].map((c) => c.name)) {
        for (const value of shapes[shape]) {
          const text = csv(kind, [sampleRow(kind, '1'), { ...sampleRow(kind, '2'), [column]: value }]);
          const { refusal, output } = await parseText(kind, text);
          expect(refusal, `${column}: ${value}`).toMatchObject({
            code: 'clear_identifier_suspected',
            details: { line: 3, column },
          });
          expect(refusal!.message).toContain(`line 3, column ${column}`);
          expect(refusal!.message).not.toContain(value);
          expect(output).not.toContain(value);
        }
      }
    },
  );

  it('a clear identifier as a column name, or in a row with a wrong field count, refuses the file', async () => {
    const names = extractColumns[kind].map((c) => c.name);
    for (const value of [shapes.email[0]!, shapes.phone[1]!]) {
      const header = await parseText(kind, `${[...names, value].join(';')}\n`);
      expect(header.refusal).toMatchObject({ code: 'clear_identifier_suspected' });
      expect(header.refusal!.message).not.toContain(value);
      const lines = csv(kind, [sampleRow(kind)]).split('\n');
      const extra = await parseText(kind, `${lines[0]}\n${lines[1]};${value}\n`);
      expect(extra.refusal).toMatchObject({
        code: 'clear_identifier_suspected',
        details: { line: 2, column: null },
      });
    }
  });
});
