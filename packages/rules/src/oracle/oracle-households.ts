// The OpenFisca reference households of ../shared/oracle (format `openfisca-oracle/1`, described in
// its README): what the partners would know month by month, and what OpenFisca-France computes for
// the as_of month. Only the fields the comparison reads are typed.

import { existsSync, readFileSync } from 'node:fs';

/** 13 values: index 0 is `months_from` (as_of − 12), index 12 is as_of. */
export type Monthly = readonly number[];

export interface OraclePerson {
  readonly role: 'allocataire' | 'conjoint' | 'enfant';
  readonly birth_date: string;
  readonly activite: readonly string[];
  readonly monthly: {
    readonly activity_income: Monthly;
    readonly activity_income_gross?: Monthly;
    readonly unemployment_benefit: Monthly;
    readonly pension_gross: Monthly;
    readonly pension_net: Monthly;
    readonly alimony_received?: Monthly;
    readonly rental_income?: Monthly;
  };
  readonly as_of: {
    readonly aspa_eligibilite: boolean;
    readonly asi_aspa_base_ressources_individu: number;
    readonly css_cmu_base_ressources_individu: number;
  };
  readonly aspa_share_derived: number;
}

export interface OracleHousehold {
  readonly id: string;
  readonly kind: 'family' | 'retiree';
  readonly composition: string;
  readonly as_of: string;
  readonly months_from: string;
  readonly commune: string;
  readonly housing: { readonly status: 'tenant' | 'owner' | 'accedant' | 'free'; readonly loyer: number };
  readonly persons: readonly OraclePerson[];
  readonly monthly: {
    readonly aide_logement: Monthly;
    readonly nb_parents: Monthly;
    readonly rsa_nb_enfants: Monthly;
    readonly rsa_majore_eligibilite: Monthly;
    readonly rsa_base_ressources: Monthly;
    readonly ppa_base_ressources: Monthly;
    readonly family_benefits_rsa_ppa: Monthly;
    readonly family_benefits_c2s: Monthly;
    readonly aspa: Monthly;
    readonly css_base_ressources_aspa_asv: Monthly;
    readonly ppa_fictive: Monthly;
  };
  readonly openfisca: {
    readonly rsa: number;
    readonly ppa: number;
    readonly ppa_reference_months: readonly string[];
    readonly ppa_fictive_reference: readonly number[];
    readonly ppa_eligibilite_apprenants: boolean;
    readonly c2s: 'free' | 'participation' | 'none';
    readonly css_cmu_base_ressources: number;
    readonly cmu_c_plafond: number;
    readonly acs_plafond: number;
    readonly cmu_nbp_foyer: number;
    readonly aspa: number;
    readonly asi_aspa_base_ressources: number;
  };
  readonly openfisca_known_gaps: readonly string[];
  readonly gap_details?: {
    readonly official_2025_ceilings?: {
      readonly free: number;
      readonly participation: number;
      readonly c2s_variant: 'free' | 'participation' | 'none';
    };
    readonly c2s_variant_m13_m2?: 'free' | 'participation' | 'none';
  };
}

export interface OracleFile {
  readonly format: string;
  readonly openfisca: { readonly openfisca_france: string };
  readonly households: readonly OracleHousehold[];
}

export function readOracle(path: string): OracleFile | null {
  if (!existsSync(path)) return null;
  const file = JSON.parse(readFileSync(path, 'utf8')) as OracleFile;
  if (file.format !== 'openfisca-oracle/1') throw new Error(`${path}: unknown format ${file.format}`);
  return file;
}

/** The value of a monthly array for a month of the household's window. */
export function valueAt(household: OracleHousehold, values: Monthly, month: string): number {
  const [fromYear, fromMonth] = household.months_from.split('-').map(Number) as [number, number];
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = (year - fromYear) * 12 + (m - fromMonth);
  const value = values[index];
  if (value === undefined) throw new Error(`${household.id}: ${month} is outside its 13 months`);
  return value;
}
