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
  return sql`
    select person_pseudo as pseudo, 'household' as kind, null::text as benefit from ${family}
    union all select household_pseudo, 'household', null from ${family}
    union all select person_pseudo, 'household', 'rsa' from ${family} where rsa
    union all select household_pseudo, 'household', 'rsa' from ${family} where rsa
    union all select person_pseudo, 'household', 'ppa' from ${family} where ppa
    union all select household_pseudo, 'household', 'ppa' from ${family} where ppa
    union all select person_pseudo, 'person', null from ${family}
    union all select person_pseudo, 'person', null from ${retirees}
    union all select person_pseudo, 'person', 'aspa' from ${retirees} where aspa
    union all select person_pseudo, 'person', null from ${health}
    union all select person_pseudo, 'person', 'c2s' from ${health} where c2s <> 'none'
    union all select person_pseudo, 'person', null from ${tenants} where person_pseudo is not null
    union all select household_pseudo, 'tenancy', null from ${tenants}
    union all select household_pseudo, 'tenancy', 'housing_aid' from ${tenants} where apl
    union all select t.household_pseudo, 'tenancy', 'rsa'
      from ${tenants} t join ${family} f on f.person_pseudo = t.linked_person where f.rsa`;
}
