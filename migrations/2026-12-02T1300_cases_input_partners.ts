// Which partners' values, and which kinds of partner's data, a case's rules read: the inputs of its
// evidence, its supporting results' included. Derived from the evidence by the database itself, so
// that every writer of cases gets them, and kept beside it so that a list page, an export or the
// statistics apply the need-to-know rule (cases/case-sight.ts) without reading the evidence.
//
// A partner sees a case's amount only when it provided every input (`sole_input_partner`): its
// amount order lists those cases by amount (an index of their own), then the others newest first
// (the date index, which now carries the column to tell them apart without reading the table).
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
    create function case_sole_input_partner(evidence jsonb) returns text
      language sql immutable parallel safe as $$
        select case when cardinality(p) = 1 then p[1] end from case_inputs(evidence, 'partner') as p
      $$;
    alter table cases
      add column input_partners text[] generated always as (case_inputs(evidence, 'partner')) stored,
      add column input_kinds text[] generated always as (case_inputs(evidence, 'kind')) stored,
      add column sole_input_partner text generated always as (case_sole_input_partner(evidence)) stored;
    create index cases_list_by_sole_partner
      on cases (run_id, sole_input_partner, (coalesce(estimated_amount, -1)) desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, commune, source_extracts)
      where sole_input_partner is not null;
    drop index cases_list_by_date;
    create index cases_list_by_date on cases (run_id, created_at desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, commune, source_extracts, sole_input_partner);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index cases_list_by_sole_partner;
    drop index cases_list_by_date;
    alter table cases drop column input_partners, drop column input_kinds, drop column sole_input_partner;
    create index cases_list_by_date on cases (run_id, created_at desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, commune, source_extracts);
    drop function case_sole_input_partner;
    drop function case_inputs;
  `.execute(db);
}
