// The inputs of a case (input_partners, input_kinds, sole_input_partner) are written by the run that
// publishes it, which has them from its rules' evidence, instead of being generated from the stored
// evidence for every row: the generating functions cost more than the rest of the publication
// together (about 250 µs a case). A writer that leaves them out — an evidence it did not compute, a
// test — still gets them from the evidence, by the same functions, in a trigger.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cases
      alter column input_partners drop expression,
      alter column input_kinds drop expression,
      alter column sole_input_partner drop expression;
    create function cases_inputs_from_evidence() returns trigger language plpgsql as $$
    begin
      new.input_partners := case_inputs(new.evidence, 'partner');
      new.input_kinds := case_inputs(new.evidence, 'kind');
      new.sole_input_partner := case_sole_input_partner(new.evidence);
      return new;
    end $$;
    create trigger cases_inputs_on_insert before insert on cases
      for each row when (new.input_partners is null or new.input_kinds is null)
      execute function cases_inputs_from_evidence();
    create trigger cases_inputs_on_update before update of evidence on cases
      for each row when (new.evidence is distinct from old.evidence)
      execute function cases_inputs_from_evidence();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger cases_inputs_on_update on cases;
    drop trigger cases_inputs_on_insert on cases;
    drop function cases_inputs_from_evidence();
    alter table cases drop column input_partners, drop column input_kinds, drop column sole_input_partner;
    alter table cases
      add column input_partners text[] generated always as (case_inputs(evidence, 'partner')) stored,
      add column input_kinds text[] generated always as (case_inputs(evidence, 'kind')) stored,
      add column sole_input_partner text generated always as (case_sole_input_partner(evidence)) stored;
  `.execute(db);
}
