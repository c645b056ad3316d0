// What a run's extracts show of the subjects of the previous run's cases that it did not presume
// again: a subject that now receives the benefit closes its case as taken up; a subject still present
// whose situation no longer meets any rule of that benefit closes it as no longer presumed; a subject
// absent from the extracts keeps its case open, carried over unchanged.
import { type RawBuilder, sql } from 'kysely';
import type { RunTables } from './run-tables.ts';

/**
 * Every subject the run's working tables hold, by the pseudonym and kind its cases carry: once with
 * a null benefit (present) and once per benefit it receives. A household (its allocataire's or its
 * own pseudonym) is present on a caf or msa row and receives `rsa`/`ppa` by their flags; a person is
 * present on any row and receives `c2s` when its health row says other than `none`, `aspa` by its
 * retiree row; a tenancy is present on a landlord row, receives `housing_aid` when its landlord receives
 * the APL, and `rsa` when one of its tenants is linked to a family household that does.
 */
export function subjectsSeenSql(
  t: RunTables,
): RawBuilder<{ pseudo: string; kind: 'person' | 'household' | 'tenancy'; benefit: string | null }> {
  const [family, retirees, tenants, health] = [t.family, t.retirees, t.tenants, t.health].map(sql.table);
  // One pass over each table, its rows unfolded into the subjects they show (a null pseudonym: none).
  return sql`
    select s.* from ${family} f cross join lateral (values
      (f.person_pseudo, 'household', null::text), (f.household_pseudo, 'household', null), (f.person_pseudo, 'person', null),
      (case when f.rsa then f.person_pseudo end, 'household', 'rsa'), (case when f.rsa then f.household_pseudo end, 'household', 'rsa'),
      (case when f.ppa then f.person_pseudo end, 'household', 'ppa'), (case when f.ppa then f.household_pseudo end, 'household', 'ppa')
    ) s(pseudo, kind, benefit) where s.pseudo is not null
    union all select s.* from ${retirees} r cross join lateral (values
      (r.person_pseudo, 'person', null::text), (case when r.aspa then r.person_pseudo end, 'person', 'aspa')
    ) s(pseudo, kind, benefit) where s.pseudo is not null
    union all select s.* from ${health} h cross join lateral (values
      (h.person_pseudo, 'person', null::text), (case when h.c2s <> 'none' then h.person_pseudo end, 'person', 'c2s')
    ) s(pseudo, kind, benefit) where s.pseudo is not null
    union all select s.* from ${tenants} t cross join lateral (values
      (t.person_pseudo, 'person', null::text), (t.household_pseudo, 'tenancy', null),
      (case when t.apl then t.household_pseudo end, 'tenancy', 'housing_aid')
    ) s(pseudo, kind, benefit) where s.pseudo is not null
    union all select t.household_pseudo, 'tenancy', 'rsa'
      from ${tenants} t join ${family} f on f.person_pseudo = t.linked_person where f.rsa`;
}
