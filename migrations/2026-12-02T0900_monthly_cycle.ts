// The monthly cycle: what the next run's extracts showed of each case it did not presume again
// (the benefit now received, or the situation no longer meeting the rule), cases kept open while
// their subject is absent from the extracts, the month each case was first presumed, and the time of each follow-up change, so that the
// changes made while a run publishes are carried over to it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Insert-only, written with the observing run and visible once that run is published.
    create table case_observations (
      case_id uuid primary key references cases (id) on delete cascade,
      run_id uuid not null references runs (id) on delete cascade,
      convention_id uuid not null references conventions (id) on delete cascade,
      outcome text not null check (outcome in ('taken_up', 'no_longer_presumed')),
      month date not null
    );
    create index case_observations_by_run on case_observations (run_id, outcome);

    alter table cases add column subject_absent boolean not null default false;
    -- The as_of month of the run that first presumed the case, carried from run to run.
    alter table cases add column first_month date;
    alter table cases add column status_changed_at timestamptz;
    create index cases_follow_up_changed on cases (run_id, status_changed_at) where status_changed_at is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table case_observations;
    drop index cases_follow_up_changed;
    alter table cases drop column status_changed_at, drop column first_month, drop column subject_absent;
  `.execute(db);
}
