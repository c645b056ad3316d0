import { describe, expect, it } from 'vitest';
import { parameterWarnings } from './staleness.ts';

const c2sCeilings = [
  'c2s.ceiling.free.one_person',
  'c2s.ceiling.free.two_persons',
  'c2s.ceiling.free.three_persons',
  'c2s.ceiling.free.four_persons',
  'c2s.ceiling.free.per_further_person',
  'c2s.ceiling.participation.one_person',
  'c2s.ceiling.participation.two_persons',
  'c2s.ceiling.participation.three_persons',
  'c2s.ceiling.participation.four_persons',
  'c2s.ceiling.participation.per_further_person',
];

function byCode(asOf: string, code: string): string[] {
  return parameterWarnings(asOf)
    .filter((warning) => warning.code === code)
    .map((warning) => warning.parameter)
    .sort();
}

describe('parameterWarnings', () => {
  it('says nothing while every table is current', () => {
    expect(parameterWarnings('2025-06')).toEqual([]);
    expect(parameterWarnings('2026-03')).toEqual([]);
  });

  it('warns from 2026-04 that the 2026 C2S ceilings are not known and the 2025 ones are kept', () => {
    const warnings = parameterWarnings('2026-04');
    expect(warnings.map((warning) => warning.parameter).sort()).toEqual([...c2sCeilings].sort());
    for (const warning of warnings) {
      expect(warning.code).toBe('parameter_not_yet_known');
      expect(warning.last_effective_from).toBe('2025-04-01');
      expect(warning.message).toContain(warning.parameter);
    }
  });

  it('reports one warning per parameter, the unknown revaluation first', () => {
    const warnings = parameterWarnings('2026-09');
    expect(warnings.filter((warning) => warning.parameter === 'c2s.ceiling.free.one_person')).toHaveLength(1);
    expect(byCode('2026-09', 'parameter_stale')).toEqual([]);
  });

  it('warns on ASPA ceilings, housing-aid R0 and RLS ceilings more than 12 months after January 2026', () => {
    expect(byCode('2027-01', 'parameter_stale')).toEqual([]);
    const february = byCode('2027-02', 'parameter_stale');
    expect(february.filter((name) => name.startsWith('aspa.'))).toEqual([
      'aspa.ceiling.couple',
      'aspa.ceiling.single',
    ]);
    expect(february).toEqual(expect.arrayContaining(['apl.r0.single', 'rls.ceiling.zone_2.couple']));
    expect(
      february.every((name) => /^(aspa\.ceiling|apl\.r0|rls\.ceiling|apl\.|rls\.|crds\.)/.test(name)),
    ).toBe(true);
  });

  it('warns from 2026-10 that the 1 October 2026 housing-aid revaluation is not known', () => {
    expect(byCode('2026-09', 'parameter_not_yet_known').some((name) => name.startsWith('apl.'))).toBe(false);
    const october = byCode('2026-10', 'parameter_not_yet_known').filter((name) => name.startsWith('apl.'));
    expect(october).toEqual(
      expect.arrayContaining(['apl.rent_ceiling.zone_1.single', 'apl.charges.base', 'apl.p0.minimum']),
    );
    expect(october).toHaveLength(15);
  });

  it('warns on the April-2026 values and reviewed rates from 2027-05, on the SMIC from 2027-07', () => {
    const april = byCode('2027-04', 'parameter_stale');
    expect(april).not.toContain('rsa.base');
    const may = byCode('2027-05', 'parameter_stale');
    expect(may).toEqual(
      expect.arrayContaining(['rsa.base', 'ppa.base', 'ppa.bonus.max_rate', 'rsa.isolation.first']),
    );
    expect(may).not.toContain('smic.hourly_gross');
    expect(byCode('2027-07', 'parameter_stale')).toContain('smic.hourly_gross');
    const stale = parameterWarnings('2027-05').find((warning) => warning.parameter === 'rsa.base');
    expect(stale).toMatchObject({ last_effective_from: '2026-04-01' });
    expect(stale?.message).toContain('rsa.base');
  });
});
