import { describe, expect, it } from 'vitest';
import { RulesError } from '../errors.ts';
import { addMonths } from '../months.ts';
import { parameterAt, paramsAtDate } from './lookup.ts';
import { type ParameterName, parameterDefinition, parameterNames } from './registry.ts';

// The table of RULES.md, read at a month when each year's values are all in force.
const rulesTable: [ParameterName, string, number][] = [
  ['rsa.base', '2023-08', 607.75],
  ['rsa.base', '2024-08', 635.71],
  ['rsa.base', '2025-08', 646.52],
  ['rsa.base', '2026-08', 651.69],
  ['ppa.base', '2023-08', 595.25],
  ['ppa.base', '2024-08', 622.63],
  ['ppa.base', '2025-08', 633.21],
  ['ppa.base', '2026-08', 638.28],
  ['ppa.slope', '2024-08', 0.61],
  ['ppa.slope', '2025-08', 0.5985],
  ['ppa.bonus.max_rate', '2025-08', 0.29101],
  ['ppa.bonus.max_rate', '2026-08', 0.377],
  ['ppa.bonus.lower_threshold', '2026-08', 59],
  ['ppa.bonus.upper_threshold', '2025-08', 120],
  ['ppa.bonus.upper_threshold', '2026-08', 138],
  ['smic.hourly_gross', '2023-02', 11.27],
  ['smic.hourly_gross', '2023-08', 11.52],
  ['smic.hourly_gross', '2024-08', 11.65],
  ['smic.hourly_gross', '2024-12', 11.88],
  ['smic.hourly_gross', '2025-08', 11.88],
  ['smic.hourly_gross', '2026-02', 12.02],
  ['smic.hourly_gross', '2026-08', 12.31],
  ['c2s.ceiling.free.one_person', '2023-08', 9719],
  ['c2s.ceiling.free.four_persons', '2024-08', 21349],
  ['c2s.ceiling.free.per_further_person', '2025-08', 4135],
  ['c2s.ceiling.participation.two_persons', '2023-08', 19681],
  ['c2s.ceiling.participation.three_persons', '2024-08', 24703],
  ['c2s.ceiling.participation.per_further_person', '2025-08', 5583],
  // Not yet known for 2026: the 2025 table stays.
  ['c2s.ceiling.free.three_persons', '2026-08', 18609],
  ['c2s.overseas_factor', '2026-08', 1.113],
  ['aspa.ceiling.single', '2023-08', 11533.02],
  ['aspa.ceiling.couple', '2024-08', 18854.02],
  ['aspa.ceiling.single', '2025-08', 12411.44],
  ['aspa.ceiling.couple', '2026-08', 19442.21],
  ['rsa.isolation.first', '2025-08', 1.28412],
  ['ppa.isolation.per_child', '2025-08', 0.42804],
  ['rsa.housing_forfait.three_persons_or_more', '2025-08', 0.165],
  ['c2s.housing_forfait.without_aid.two_persons', '2025-08', 0.14],
  ['rsa.minimum_payment', '2025-08', 6],
  ['ppa.minimum_payment', '2025-08', 15],
  ['rsa.age_min', '2025-08', 25],
  ['ppa.age_min', '2025-08', 18],
  ['aspa.age_min', '2025-08', 65],
];

describe('parameter values', () => {
  it.each(rulesTable)('%s in %s is %d (RULES.md)', (name, month, expected) => {
    expect(parameterAt(name, month).value).toBe(expected);
  });

  it('are listed in ascending order of effective date', () => {
    for (const name of parameterNames) {
      const dates = parameterDefinition(name).values.map((entry) => entry.from);
      expect(dates, name).toEqual([...dates].sort());
    }
  });
});

describe('parameterAt', () => {
  // Both sides of every effective date: the month before still has the previous value.
  const boundaries = parameterNames.flatMap((name) =>
    parameterDefinition(name)
      .values.slice(1)
      .map((entry, i) => ({ name, entry, previous: parameterDefinition(name).values[i]! })),
  );

  it.each(boundaries)('$name changes on $entry.from', ({ name, entry, previous }) => {
    const month = entry.from.slice(0, 7);
    expect(parameterAt(name, addMonths(month, -1)).value).toBe(previous.value);
    const inForce = parameterAt(name, month);
    expect(inForce.value).toBe(entry.value);
    expect(inForce.effective_from).toBe(entry.from);
    expect(inForce.reference.title).toBe(entry.reference.title);
  });

  it('reads the value in force on the first day of the month', () => {
    // SMIC 2024-11-01: November reads the new value, October the old one.
    expect(parameterAt('smic.hourly_gross', '2024-10').value).toBe(11.65);
    expect(parameterAt('smic.hourly_gross', '2024-11').value).toBe(11.88);
  });

  it('gives the unit, label and legal reference of the value', () => {
    const use = parameterAt('rsa.base', '2024-09');
    expect(use).toMatchObject({
      name: 'rsa.base',
      unit: 'eur_per_month',
      value: 635.71,
      effective_from: '2024-04-01',
      month: '2024-09',
    });
    expect(use.reference.title).toContain('2024-396');
    expect(use.reference.href).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
  });

  it('refuses a month before the first recorded value', () => {
    const error = (() => {
      try {
        parameterAt('rsa.base', '2023-03');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).code).toBe('parameter_not_in_force');
  });

  it('has a legal reference title for every value', () => {
    for (const name of parameterNames) {
      for (const entry of parameterDefinition(name).values)
        expect(entry.reference.title.length, name).toBeGreaterThan(5);
    }
  });
});

describe('paramsAtDate', () => {
  it('reads at as_of by default and records each (parameter, month) once', () => {
    const params = paramsAtDate('2025-06');
    expect(params.value('ppa.base')).toBe(633.21);
    expect(params.value('ppa.base', '2025-02')).toBe(622.63);
    expect(params.value('ppa.base')).toBe(633.21);
    expect(params.used().map((use) => [use.name, use.month, use.effective_from])).toEqual([
      ['ppa.base', '2025-06', '2025-04-01'],
      ['ppa.base', '2025-02', '2024-04-01'],
    ]);
  });
});
