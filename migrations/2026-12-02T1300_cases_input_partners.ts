// Which partners' values, and which kinds of partner's data, a case's rules read: the inputs of its
// evidence, its supporting results' included. Derived from the evidence by the database itself, so
// that every writer of cases gets them, and kept beside it so that a list page, an export or the
// statistics apply the need-to-know rule (cases/case-sight.ts) without reading the evidence.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function case_inputs(evidence jsonb, field text) returns text[]
      language sql immutable parallel safe as $$
        select coalesce(array_agg(distinct input ->> field order by input ->> field), '{}')
        from jsonb_array_elements(
          jsonb_path_query_array(evidence, '$.inputs[*]') ||
          jsonb_path_query_array(evidence, '$.supporting[*].inputs[*]') ||
          jsonb_path_query_array(evidence, '$.supporting[*].evidence.inputs[*]')
        ) as input
        where input ->> field is not null
      $$;
    alter table cases
      add column input_partners text[] generated always as (case_inputs(evidence, 'partner')) stored,
      add column input_kinds text[] generated always as (case_inputs(evidence, 'kind')) stored;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cases drop column input_partners, drop column input_kinds;
    drop function case_inputs;
  `.execute(db);
}
