// Every partner's rows for one household: first the clear row the partner itself holds (names,
// NIR, local household id, attributes), then the extract row derived from it exactly as the
// pseudonymisation toolkit derives it (EXTRACTS.md), column by column from extractColumns.

import {
  clearColumns,
  type ExtractKind,
  monthlyColumn,
  monthOffsets,
  type Pseudonymiser,
  schemaColumns,
  schemaOfKind,
} from '@nonrecours/pseudo';
import { c2sAnnualResources, toCents } from './entitlements.ts';
import { type Household, inCaf, inCarsat, inCpam, inMsa, members, type Person } from './household.ts';
import { c2sView } from './household-rules.ts';
import { formatMonth } from './months.ts';

type Values = Record<string, string>;

export type PartnerRow = { kind: ExtractKind; person: Person; values: Values };

const bool = (b: boolean): string => (b ? '1' : '0');
const amount = (x: number): string => x.toFixed(2);

function civil(p: Person, withNames: boolean): Values {
  return {
    nir: p.identity.nir,
    family_name: withNames ? p.identity.familyName : '',
    given_names: withNames ? p.identity.givenNames : '',
    birth_date: p.birthDate,
  };
}

/**
 * The v2 monthly columns of a family row: the generator's households do not change over the months,
 * so each month states the current situation; the aid amount only where the v1 row states it, and
 * the C2S resources as fr.v1 approximates them from the quarter (so the ground truth is the same).
 */
function monthly(asOf: number, h: Household, p: Person): Values {
  const values: Values = {
    c2s_resources: amount(toCents(c2sAnnualResources(asOf, c2sView(h)))),
  };
  for (const k of monthOffsets) {
    values[monthlyColumn('activity_income', k)] = amount(p.activityIncome);
    values[monthlyColumn('household_resources', k)] = amount(h.resources);
    values[monthlyColumn('household_adults', k)] = String(h.adults.length);
    values[monthlyColumn('household_children', k)] = String(h.children.length);
    values[monthlyColumn('single_parent_increase', k)] = bool(h.singleParentIncrease);
    values[monthlyColumn('housing_aid_amount', k)] = !h.housingAid
      ? amount(0)
      : h.housingAidAmountStated
        ? amount(h.housingAidAmount)
        : '';
  }
  return values;
}

function family(asOf: number, h: Household, p: Person): Values {
  return {
    ...monthly(asOf, h, p),
    ...civil(p, true),
    household_id: h.familyId,
    commune: h.commune,
    role: p.role,
    household_adults: String(h.adults.length),
    household_children: String(h.children.length),
    single_parent: bool(h.adults.length === 1 && h.children.length > 0),
    single_parent_increase: bool(h.singleParentIncrease),
    household_resources: amount(h.resources),
    activity_income: amount(p.activityIncome),
    housing: h.housing,
    rsa: bool(h.rsa),
    ppa: bool(h.ppa),
    housing_aid: bool(h.housingAid),
    housing_aid_amount: h.housingAid && h.housingAidAmountStated ? amount(h.housingAidAmount) : '',
    aah: bool(p.aah),
  };
}

function health(h: Household): Values {
  return { c2s: h.c2s, c2s_until: h.c2sUntil === null ? '' : formatMonth(h.c2sUntil) };
}

/** The rows of every partner that knows the household, in extract-kind order. */
export function partnerRows(h: Household, asOf: number): PartnerRow[] {
  const rows: PartnerRow[] = [];
  const everyone = members(h);
  if (inCaf(h)) for (const p of everyone) rows.push({ kind: 'caf', person: p, values: family(asOf, h, p) });
  for (const p of everyone) {
    if (inCpam(h, p))
      rows.push({
        kind: 'cpam',
        person: p,
        values: { ...civil(p, false), commune: h.commune, ...health(h) },
      });
  }
  if (inMsa(h)) {
    for (const p of everyone) {
      const retired = p.pension > 0;
      rows.push({
        kind: 'msa',
        person: p,
        values: {
          ...family(asOf, h, p),
          ...health(h),
          pension: retired ? amount(p.pension) : '',
          aspa: retired ? bool(p.aspa) : '',
        },
      });
    }
  }
  for (const [i, p] of h.adults.entries()) {
    if (!inCarsat(h, p)) continue;
    const partner = h.adults[1 - i];
    rows.push({
      kind: 'carsat',
      person: p,
      values: {
        ...civil(p, false),
        commune: h.commune,
        pension: amount(p.pension),
        couple: bool(h.adults.length === 2),
        aspa: bool(p.aspa),
        household_resources: h.carsatResources === null ? '' : amount(h.carsatResources),
        partner_birth_ym: partner && h.carsatStatesPartner ? partner.birthDate.slice(0, 7) : '',
      },
    });
  }
  if (h.socialTenant) {
    for (const p of h.adults) {
      rows.push({
        kind: 'landlord',
        person: p,
        values: {
          family_name: p.landlord!.familyName,
          given_names: p.landlord!.givenNames,
          birth_date: p.birthDate,
          household_id: h.tenancyId,
          commune: h.commune,
          household_adults: String(h.adults.length),
          household_children: String(h.children.length),
          household_resources: String(h.declaredResources),
          rent: amount(h.rent),
          arrears_months: String(h.arrearsMonths),
          apl: bool(h.housingAid),
          ...landlordV2Values(h),
        },
      });
    }
  }
  return rows;
}

/** The landlord.v2 columns (a v1 formatter leaves them out). */
function landlordV2Values(h: Household): Record<string, string> {
  const v2 = h.landlordV2;
  if (v2 === null) return {};
  const text = (x: number | null, write: (x: number) => string) => (x === null ? '' : write(x));
  return {
    conventionne: v2.conventionne === null ? '' : bool(v2.conventionne),
    annual_resources: text(v2.annualResources, amount),
    apl_amount: text(v2.aplAmount, amount),
    dependants: text(v2.dependants, String),
  };
}

export type RowFormatter = {
  clear(row: PartnerRow): string[];
  /** The extract row and, for the writer's own use, its identity_pseudo. */
  extract(row: PartnerRow): { fields: string[]; identityPseudo: string };
};

/** Formats a kind's rows; person_pseudo is the person's (computed once from the NIR by the caller). */
export function createRowFormatter(
  kind: ExtractKind,
  pseudonymiser: Pseudonymiser,
  schema = schemaOfKind[kind],
): RowFormatter {
  const clearNames = clearColumns(kind, schema);
  const columns = schemaColumns(kind, schema).map((c) => c.name);
  const holdsNir = clearNames.includes('nir');
  // Rows of one household follow each other: one household_pseudo serves them all.
  let lastHouseholdId = '';
  let lastHouseholdPseudo = '';
  return {
    clear: (row) => clearNames.map((name) => row.values[name] ?? ''),
    extract(row) {
      const v = row.values;
      const named = (v.family_name ?? '') !== '';
      const identityPseudo = named
        ? pseudonymiser.identityPseudo(v.family_name!, v.given_names!, v.birth_date!)
        : '';
      const fields = columns.map((name) => {
        switch (name) {
          case 'person_pseudo':
            return holdsNir ? row.person.pseudo : '';
          case 'identity_pseudo':
            return identityPseudo;
          case 'identity_clk':
            return named ? pseudonymiser.identityClkText(v.family_name!, v.given_names!, v.birth_date!) : '';
          case 'birth_ym':
            return v.birth_date!.slice(0, 7);
          case 'household_pseudo':
            if (v.household_id !== lastHouseholdId) {
              lastHouseholdId = v.household_id!;
              lastHouseholdPseudo = pseudonymiser.householdPseudo(kind, lastHouseholdId);
            }
            return lastHouseholdPseudo;
          default:
            return v[name] ?? '';
        }
      });
      return { fields, identityPseudo };
    },
  };
}
