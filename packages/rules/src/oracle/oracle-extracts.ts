// What the partners would send for an oracle household, as extract rows (EXTRACTS.md columns and
// value formats): a caf.v1 row per member, a cpam.v1 row per member, and a carsat.v1 row per adult of
// a retiree household. The caf states its quarter the way RSA and PPA count it; the carsat its
// retirees' resources the way ASPA counts them.
//
// `claims` says which benefits the household is taken to receive: nothing (every presumption can
// fire, so that its amount is compared); the RSA OpenFisca pays (C2S is then compared as the law
// grants it, free to RSA beneficiaries, else by resources); or also its ASPA (C2S.ASPA then presumes
// C2S with participation for ASPA beneficiaries, a presumption OpenFisca does not model).

import { monthlyColumn, monthOffsets } from '@nonrecours/pseudo';
import { addMonths } from '../months.ts';
import { ppaReferenceMonths } from '../rules/ppa-activity.rule.ts';
import { type OracleHousehold, type OraclePerson, valueAt } from './oracle-households.ts';

export type ExtractRow = Record<string, string>;

export interface OracleExtracts {
  readonly caf: ExtractRow[];
  readonly cpam: ExtractRow[];
  readonly carsat: ExtractRow[];
}

export type Claims = 'none' | 'rsa_as_openfisca_pays' | 'rsa_and_aspa_as_openfisca_pays';

/** v1: the quarter's averages only; v2: also each month m0 (as_of) … m4 and the 12-month C2S resources. */
export type Schema = 'v1' | 'v2';

const housingOf = {
  tenant: 'locataire',
  owner: 'proprietaire',
  accedant: 'accedant',
  free: 'heberge',
} as const;

const bool = (value: boolean) => (value ? '1' : '0');
const amount = (value: number) => value.toFixed(2);
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

export const personPseudo = (household: OracleHousehold, index: number) => `${household.id}-p${index}`;
export const householdPseudo = (household: OracleHousehold) => `${household.id}-hh`;

/**
 * The caf's household_resources: its RSA resources of the as_of month, the quarter's mean incomes
 * (stopped pay neutralised, as the caf does) plus the month's family benefits. Taking the plain mean
 * of the quarter's PPA resources instead measured RSA 94.8 %, PPA 89.1 %, C2S 92.6 % on the shared
 * file (the RSA differences being the neutralisation and the month's family benefits).
 */
function householdResources(household: OracleHousehold): number {
  return valueAt(household, household.monthly.rsa_base_ressources, household.as_of);
}

/** A person's earnings averaged over the quarter the caf reads (the PPA reference months). */
function quarterlyEarnings(household: OracleHousehold, person: OraclePerson): number {
  return mean(
    ppaReferenceMonths(household.as_of).map((month) =>
      valueAt(household, person.monthly.activity_income, month),
    ),
  );
}

export function oracleExtracts(
  household: OracleHousehold,
  claims: Claims,
  schema: Schema = 'v1',
): OracleExtracts {
  const at = (values: readonly number[]) => valueAt(household, values, household.as_of);
  const adults = household.persons.filter((p) => p.role !== 'enfant');
  const children = at(household.monthly.rsa_nb_enfants);
  const aid = at(household.monthly.aide_logement);
  const paid = claims !== 'none';
  const aspaPaid = claims === 'rsa_and_aspa_as_openfisca_pays';
  const identity = (person: OraclePerson, index: number): ExtractRow => ({
    person_pseudo: personPseudo(household, index),
    birth_ym: person.birth_date.slice(0, 7),
    commune: household.commune,
  });
  const caf = household.persons.map(
    (person, index): ExtractRow => ({
      ...identity(person, index),
      household_pseudo: householdPseudo(household),
      role: person.role,
      household_adults: String(at(household.monthly.nb_parents)),
      household_children: String(children),
      single_parent: bool(adults.length === 1 && children > 0),
      single_parent_increase: bool(at(household.monthly.rsa_majore_eligibilite) === 1),
      household_resources: amount(householdResources(household)),
      activity_income: amount(person.role === 'enfant' ? 0 : quarterlyEarnings(household, person)),
      housing: housingOf[household.housing.status],
      rsa: bool(paid && household.openfisca.rsa > 0),
      ppa: bool(paid && household.openfisca.ppa > 0),
      housing_aid: bool(aid > 0),
      housing_aid_amount: aid > 0 ? amount(aid) : '',
      aah: '0',
      ...(schema === 'v2' ? monthlyValues(household, person) : {}),
    }),
  );
  const cpam = household.persons.map(
    (person, index): ExtractRow => ({ ...identity(person, index), c2s: 'none', c2s_until: '' }),
  );
  const carsat =
    household.kind === 'retiree'
      ? household.persons.flatMap((person, index): ExtractRow[] => {
          if (person.role === 'enfant') return [];
          const partner = adults.find((other) => other !== person);
          return [
            {
              ...identity(person, index),
              pension: amount(person.as_of.asi_aspa_base_ressources_individu),
              couple: bool(partner !== undefined),
              aspa: bool(aspaPaid && person.aspa_share_derived > 0),
              household_resources: amount(household.openfisca.asi_aspa_base_ressources),
              partner_birth_ym: partner === undefined ? '' : partner.birth_date.slice(0, 7),
            },
          ];
        })
      : [];
  return { caf, cpam, carsat };
}

/**
 * The v2 columns: month k before as_of (the extract's reference month) as the caf holds it —
 * PPA's resources of the month, composition, increase, housing aid, each person's pay — and the
 * household's resources as C2S counts them over as_of − 12 … − 1 (OpenFisca's base, forfait included).
 */
function monthlyValues(household: OracleHousehold, person: OraclePerson): ExtractRow {
  const row: ExtractRow = { c2s_resources: amount(household.openfisca.css_cmu_base_ressources) };
  for (const k of monthOffsets) {
    const month = addMonths(household.as_of, -k);
    const at = (values: readonly number[]) => valueAt(household, values, month);
    row[monthlyColumn('activity_income', k)] = amount(
      person.role === 'enfant' ? 0 : at(person.monthly.activity_income),
    );
    row[monthlyColumn('household_resources', k)] = amount(at(household.monthly.ppa_base_ressources));
    row[monthlyColumn('household_adults', k)] = String(at(household.monthly.nb_parents));
    row[monthlyColumn('household_children', k)] = String(at(household.monthly.rsa_nb_enfants));
    row[monthlyColumn('single_parent_increase', k)] = bool(
      at(household.monthly.rsa_majore_eligibilite) === 1,
    );
    row[monthlyColumn('housing_aid_amount', k)] = amount(at(household.monthly.aide_logement));
  }
  return row;
}
