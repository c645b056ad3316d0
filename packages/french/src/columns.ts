// The extract columns (EXTRACTS.md) as a caseworker names them: « ressources du foyer » for
// `household_resources`, « ressources du foyer d’août 2026 » for its monthly `_m2` column read in an
// October extract. Columns whose value is euros a month, and how each value reads.
import { communeLabel } from './communes.ts';
import { monthInWords, ofMonth } from './dates.ts';
import { count, euros } from './numbers.ts';
import { c2sStatusLabels, householdRoleLabels, housingLabels } from './vocabulary.ts';

export const columnLabels: Record<string, string> = {
  person_pseudo: 'pseudonyme de la personne',
  identity_pseudo: 'pseudonyme d’identité',
  identity_clk: 'empreinte d’identité approchée',
  household_pseudo: 'pseudonyme du foyer',
  birth_ym: 'mois de naissance',
  partner_birth_ym: 'mois de naissance du conjoint',
  commune: 'commune',
  role: 'place dans le foyer',
  household_adults: 'nombre d’adultes du foyer',
  household_children: 'nombre d’enfants du foyer',
  single_parent: 'parent isolé',
  single_parent_increase: 'majoration pour parent isolé',
  couple: 'vit en couple',
  household_resources: 'ressources du foyer',
  activity_income: 'revenus d’activité',
  pension: 'pensions de retraite',
  housing: 'logement',
  rent: 'loyer',
  arrears_months: 'mois d’impayés de loyer',
  rsa: 'perçoit le RSA',
  ppa: 'perçoit la prime d’activité',
  housing_aid: 'perçoit une aide au logement',
  housing_aid_amount: 'aide au logement',
  apl: 'APL versée au bailleur',
  apl_amount: 'APL versée au bailleur',
  conventionne: 'logement conventionné',
  annual_resources: 'revenu fiscal de référence',
  dependants: 'personnes à charge (aide au logement)',
  aspa: 'perçoit l’ASPA',
  aah: 'perçoit l’AAH',
  c2s: 'complémentaire santé solidaire',
  c2s_until: 'fin de la C2S',
  c2s_resources: 'ressources des 12 derniers mois (calcul C2S)',
};

/** Columns whose value is euros a month (EXTRACTS.md). */
const euroColumns = new Set([
  'household_resources',
  'activity_income',
  'housing_aid_amount',
  'pension',
  'rent',
  'apl_amount',
]);
const monthColumns = new Set(['birth_ym', 'partner_birth_ym', 'c2s_until']);

/** `household_resources_m2` → { column: 'household_resources', offset: 2 }. */
export function monthlyColumnOf(column: string): { column: string; offset: number } {
  const m = /^(.+)_m([0-4])$/.exec(column);
  return m ? { column: m[1]!, offset: Number(m[2]) } : { column, offset: 0 };
}

const monthBefore = (ym: string, offset: number) => {
  const index = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 - offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/**
 * The column's name for a person. A monthly column names its month when the extract's reference
 * month is known (« ressources du foyer d’août 2026 »), else its place (« …, 2 mois avant »).
 */
export function columnLabel(column: string, referenceMonth?: string): string {
  const { column: base, offset } = monthlyColumnOf(column);
  const name = columnLabels[base] ?? columnLabels[column];
  if (name === undefined) return 'autre donnée de l’extrait';
  if (base === column) return name;
  if (referenceMonth) return `${name} ${ofMonth(monthBefore(referenceMonth, offset))}`;
  return offset === 0 ? `${name} du mois de référence` : `${name}, ${offset} mois avant le mois de référence`;
}

/** A value as read in a column, for a person: « 412,30 € par mois », « oui », « octobre 1985 ». */
export function columnValue(column: string, value: string | number | boolean | null): string {
  const { column: base } = monthlyColumnOf(column);
  if (value === null || value === '') return 'non renseigné';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') {
    if (euroColumns.has(base)) return `${euros(value)} par mois`;
    if (base === 'c2s_resources') return `${euros(value)} sur 12 mois`;
    if (base === 'annual_resources') return `${euros(value)} par an`;
    return count(value);
  }
  if (base === 'c2s') return c2sStatusLabels[value] ?? value;
  if (base === 'housing') return housingLabels[value] ?? value;
  if (base === 'role') return householdRoleLabels[value] ?? value;
  if (base === 'commune') return communeLabel(value);
  if (monthColumns.has(base) && /^\d{4}-\d{2}$/.test(value)) return monthInWords(value);
  return value;
}
