import { type ColumnType, extractColumns, extractKinds } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import { fieldChecker } from './field-values.ts';
import { clk, pseudonym } from './test-support.ts';

const check = (type: ColumnType, value: string, required = true) =>
  fieldChecker({ ...type, name: 'c', required })(value);
const code = (result: ReturnType<typeof check>) => (typeof result === 'string' ? result : result.code);

describe('fieldChecker', () => {
  it('writes \\N for an absent optional value and refuses an absent required one', () => {
    expect(check({ type: 'amount' }, '', false)).toBe('\\N');
    expect(code(check({ type: 'amount' }, ''))).toBe('required');
    expect(code(check({ type: 'pseudo' }, ''))).toBe('required');
  });

  it('takes pseudonyms and identity_clk as they are, and anything else as a clear identifier', () => {
    const p = pseudonym('x');
    expect(check({ type: 'pseudo' }, p)).toBe(p);
    expect(check({ type: 'clk' }, clk('x'))).toBe(clk('x'));
    for (const bad of [p.slice(1), `${p}A`, `${p.slice(1)}=`, `${p.slice(1)}+`, 'DUPONT', '1']) {
      expect(code(check({ type: 'pseudo' }, bad))).toBe('clear_identifier');
    }
    expect(code(check({ type: 'clk' }, clk('x').slice(1)))).toBe('clear_identifier');
    // identity_clk v2: 172 characters whose first byte is the version, 2 (A then g–v).
    const v2 = `Ag${clk('x').slice(0, 170)}`;
    expect(check({ type: 'clk' }, v2)).toBe(v2);
    expect(code(check({ type: 'clk' }, `AQ${v2.slice(2)}`))).toBe('clear_identifier');
  });

  it('turns months into the first day of the month', () => {
    expect(check({ type: 'month' }, '1985-03')).toBe('1985-03-01');
    expect(check({ type: 'month' }, '2026-12')).toBe('2026-12-01');
    for (const bad of [
      '1985-13',
      '1985-00',
      '0985-03',
      '85-03',
      '1985-3',
      '1985/03',
      '1985-03-01',
      '198503',
    ]) {
      expect(code(check({ type: 'month' }, bad))).toBe('invalid_month');
    }
  });

  it('writes amounts with a dot, at most 2 decimals, within numeric(12, 2)', () => {
    const amount: ColumnType = { type: 'amount' };
    expect(check(amount, '1234,50')).toBe('1234.50');
    expect(check(amount, '1234.5')).toBe('1234.5');
    expect(check(amount, '0')).toBe('0');
    expect(check(amount, '9999999999.99')).toBe('9999999999.99');
    for (const bad of [
      '12.345',
      '-5',
      '12345678901',
      '1 234',
      '1.234,5',
      ',5',
      '5,',
      '1e3',
      '+5',
      '12,3,4',
    ]) {
      expect(code(check(amount, bad))).toBe('invalid_amount');
    }
  });

  it('writes booleans as f and t', () => {
    expect(check({ type: 'bool' }, '0')).toBe('f');
    expect(check({ type: 'bool' }, '1')).toBe('t');
    for (const bad of ['2', 'true', 'oui', '01', 't']) {
      expect(code(check({ type: 'bool' }, bad))).toBe('invalid_boolean');
    }
  });

  it('checks integers against their minimum and the smallint range', () => {
    const adults: ColumnType = { type: 'int', min: 1 };
    expect(check(adults, '2')).toBe('2');
    expect(check(adults, '007')).toBe('7');
    expect(check(adults, '32767')).toBe('32767');
    expect(code(check(adults, '0'))).toBe('below_minimum');
    expect(code(check(adults, '-3'))).toBe('below_minimum');
    for (const bad of ['1.5', '2,0', '32768', 'deux', '+2', '1e2'])
      expect(code(check(adults, bad))).toBe('invalid_integer');
    expect(check({ type: 'int', min: 0 }, '-0')).toBe('0');
  });

  it('checks enums against their values, case included', () => {
    const role: ColumnType = { type: 'enum', values: ['allocataire', 'conjoint'] };
    expect(check(role, 'conjoint')).toBe('conjoint');
    for (const bad of ['Conjoint', 'ALLOCATAIRE', 'autre', 'conjoint"'])
      expect(code(check(role, bad))).toBe('invalid_enum');
  });

  it('checks communes: five digits, 2A or 2B for Corsica', () => {
    const commune: ColumnType = { type: 'commune' };
    for (const good of ['35238', '2A004', '2B033', '97411', '01001']) expect(check(commune, good)).toBe(good);
    for (const bad of ['3523', '352380', '2C004', '2a004', '3A004', 'ABCDE']) {
      expect(code(check(commune, bad))).toBe('invalid_commune');
    }
  });

  it('takes a NIR for a clear identifier in any column, whatever it would pass for', () => {
    const types: ColumnType[] = [
      { type: 'amount' },
      { type: 'int', min: 0 },
      { type: 'commune' },
      { type: 'enum', values: ['a'] },
      { type: 'month' },
      { type: 'bool' },
      { type: 'pseudo' },
    ];
    for (const nir of [
      '1850578006084',
      '185057800608491',
      '1 85 05 78 006 084 91',
      '1.85.05.2A.006.084',
      '7850578006084',
    ]) {
      for (const type of types) expect(code(check(type, nir))).toBe('clear_identifier');
    }
    // One digit short of a NIR: an ordinary bad value.
    expect(code(check({ type: 'amount' }, '185057800608'))).toBe('invalid_amount');
  });

  it('accepts only values that need no COPY escaping', () => {
    for (const value of extractKinds.flatMap((k) =>
      extractColumns[k].flatMap((c) => (c.type === 'enum' ? c.values : [])),
    )) {
      expect(value).toMatch(/^[a-z_]+$/);
    }
  });
});
