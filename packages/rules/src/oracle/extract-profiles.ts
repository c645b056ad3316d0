// Linked profiles from extract rows, the way a run builds them (run-link and run-profiles in
// @nonrecours/core), for extracts held in memory: caf households with the cpam row of each member,
// carsat retirees with theirs, every link exact on person_pseudo.

import { type ExtractKind, extractColumns } from '@nonrecours/pseudo';
import { householdMonthsOf, memberMonthsOf } from '../monthly-columns.ts';
import type { FamilyHousehold, HealthRecord, Profile, Retiree } from '../profile.schema.ts';
import { familyHouseholdSchema, retireeSchema } from '../profile.schema.ts';
import type { ExtractRow } from './oracle-extracts.ts';

type Value = string | number | boolean | null;

/** A row's values typed by its kind's column specs; empty optional values are null. */
function typed(kind: ExtractKind, row: ExtractRow): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const spec of extractColumns[kind]) {
    const raw = row[spec.name] ?? '';
    if (raw === '') out[spec.name] = null;
    else if (spec.type === 'bool') out[spec.name] = raw === '1';
    else if (spec.type === 'amount' || spec.type === 'int') out[spec.name] = Number(raw);
    else out[spec.name] = raw;
  }
  return out;
}

export interface InMemoryExtract {
  readonly kind: 'caf' | 'cpam' | 'carsat';
  readonly partner: string;
  readonly reference_month: string;
  readonly rows: readonly ExtractRow[];
}

export function profilesOf(extracts: readonly InMemoryExtract[]): Profile[] {
  const health = new Map<string, HealthRecord>();
  for (const extract of extracts.filter((e) => e.kind === 'cpam')) {
    for (const row of extract.rows) {
      const r = typed('cpam', row);
      health.set(String(r.person_pseudo), {
        source: { kind: 'cpam', partner: extract.partner, reference_month: extract.reference_month },
        c2s: r.c2s as HealthRecord['c2s'],
        link: 'person_pseudo',
      });
    }
  }
  const profiles: Profile[] = [];
  for (const extract of extracts) {
    const source = { partner: extract.partner, reference_month: extract.reference_month };
    if (extract.kind === 'caf') {
      const households = new Map<string, Record<string, Value>[]>();
      for (const row of extract.rows) {
        const r = typed('caf', row);
        const key = String(r.household_pseudo);
        households.set(key, [...(households.get(key) ?? []), r]);
      }
      for (const members of households.values()) {
        const head = members.find((m) => m.role === 'allocataire') ?? members[0]!;
        const household: FamilyHousehold = familyHouseholdSchema.parse({
          type: 'family',
          source: { kind: 'caf', ...source },
          ...pick(head, [
            'household_pseudo',
            'commune',
            'household_adults',
            'household_children',
            'single_parent_increase',
            'household_resources',
            'housing',
            'housing_aid',
            'housing_aid_amount',
            'rsa',
            'ppa',
            'c2s_resources',
          ]),
          months: householdMonthsOf((c) => head[c], extract.reference_month),
          members: members.map((m) => ({
            ...pick(m, ['person_pseudo', 'role', 'birth_ym', 'activity_income']),
            months: memberMonthsOf((c) => m[c], extract.reference_month),
            health: health.get(String(m.person_pseudo)) ?? null,
          })),
        });
        profiles.push(household);
      }
    } else if (extract.kind === 'carsat') {
      for (const row of extract.rows) {
        const r = typed('carsat', row);
        const retiree: Retiree = retireeSchema.parse({
          type: 'retiree',
          source: { kind: 'carsat', ...source },
          ...pick(r, [
            'person_pseudo',
            'birth_ym',
            'commune',
            'pension',
            'aspa',
            'couple',
            'household_resources',
            'partner_birth_ym',
          ]),
          household_adults: null,
          health: health.get(String(r.person_pseudo)) ?? null,
        });
        profiles.push(retiree);
      }
    }
  }
  return profiles;
}

function pick(row: Record<string, Value>, names: readonly string[]): Record<string, Value> {
  return Object.fromEntries(names.map((name) => [name, row[name] ?? null]));
}
