import { describe, expect, it } from 'vitest';
import {
  columnLabel,
  columnValue,
  communeLabel,
  count,
  dateTimeInWords,
  dayInWords,
  de,
  decimal,
  euros,
  findCommune,
  findTypographyFaults,
  monthInWords,
  monthsInWords,
  ofMonth,
  que,
} from './index.ts';

describe('numbers', () => {
  const intlEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
  const intlCount = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20 });

  it('writes euros and counts with the characters of Intl fr-FR', () => {
    for (const v of [0, 6, 15.01, 412.3, 1234.5, 12345.678, 1_000_000, -42.5, 987654321.99]) {
      expect(euros(v)).toBe(intlEuros.format(v));
    }
    for (const v of [0, 7, 999, 1000, 12345, 1_234_567, 2.5]) expect(count(v)).toBe(intlCount.format(v));
    expect(decimal(1.71216)).toBe('1,71216');
    expect(decimal(1.5)).toBe('1,5');
  });
});

describe('dates', () => {
  it('writes months and days in words', () => {
    expect(monthInWords('2026-10')).toBe('octobre 2026');
    expect(ofMonth('2026-10')).toBe('d’octobre 2026');
    expect(ofMonth('2026-03')).toBe('de mars 2026');
    expect(ofMonth('2026-08')).toBe('d’août 2026');
    expect(dayInWords('2026-01-01')).toBe('1er janvier 2026');
    expect(dayInWords('2026-07-14')).toBe('14 juillet 2026');
    expect(monthsInWords(['2025-12', '2026-01', '2026-02'])).toBe('décembre 2025, janvier et février 2026');
  });

  it('tells an instant in Paris time', () => {
    expect(dateTimeInWords('2026-12-31T23:30:00Z')).toBe('1er janvier 2027 à 0 h 30');
    expect(dateTimeInWords('2026-07-01T10:05:00Z')).toBe('1er juillet 2026 à 12 h 05');
  });
});

describe('typography', () => {
  it('elides de and que before a vowel or a mute h, not before an aspirated one', () => {
    expect(de('octobre')).toBe('d’octobre');
    expect(de('habitation')).toBe('d’habitation');
    expect(de('hauteur')).toBe('de hauteur');
    expect(que('équipe')).toBe('qu’équipe');
    expect(que('partenaire')).toBe('que partenaire');
  });

  it('finds the faults the console must not show', () => {
    const faults = findTypographyFaults(
      'extrait de octobre, en tant que équipe, le 1 janvier, en 2026-10, le 2026-10-01',
    ).map((f) => f.fault);
    expect(faults).toHaveLength(5);
    expect(findTypographyFaults('l’extrait d’octobre 2026, le 1er janvier, de hauteur, de onze')).toEqual([]);
  });
});

describe('communes', () => {
  it('names a commune, an arrondissement and an unknown code', () => {
    expect(communeLabel('35238')).toBe('Rennes (35238)');
    expect(communeLabel('75112')).toBe('Paris 12e Arrondissement (75112)');
    expect(communeLabel('99999')).toBe('commune 99999');
  });

  it('finds a commune by code or name, preferring the territory among namesakes', () => {
    expect(findCommune('35238')).toEqual({ found: 'code', code: '35238' });
    expect(findCommune('  rennes ')).toEqual({ found: 'code', code: '35238' });
    expect(findCommune('St-Malo')).toEqual({ found: 'code', code: '35288' });
    expect(findCommune('Saint-Denis').found).toBe('several');
    expect(findCommune('Saint-Denis', ['93066'])).toEqual({ found: 'code', code: '93066' });
    expect(findCommune('Nulle-Part-sur-Mer')).toEqual({ found: 'none' });
  });
});

describe('columns', () => {
  it('names a column and its monthly twin with its month', () => {
    expect(columnLabel('household_resources')).toBe('ressources du foyer');
    expect(columnLabel('household_resources_m2', '2026-10')).toBe('ressources du foyer d’août 2026');
    expect(columnValue('household_resources', 412.3)).toBe('412,30\u00a0€ par mois');
    expect(columnValue('birth_ym', '1985-10')).toBe('octobre 1985');
    expect(columnValue('c2s', 'none')).toBe('aucune C2S');
    expect(columnValue('single_parent_increase', true)).toBe('oui');
    expect(columnValue('commune', '35238')).toBe('Rennes (35238)');
    expect(columnValue('annual_resources', 14200)).toBe('14\u202f200,00\u00a0€ par an');
  });
});
