// Follow-up of the cases: the indexes of the case lists, and the record of which data subjects each
// audited request disclosed (GDPR art. 15: who saw what about this person).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table cases add constraint cases_status_known check (status in
      ('to_contact', 'contacted', 'unreachable', 'rights_opened', 'already_covered', 'not_eligible', 'refused'));

    -- A list reads one run's cases in one order, filtered, a page at a time from a keyset cursor.
    -- The sort key puts missing amounts last (amounts are never negative). The filtered columns are
    -- included so that an index-only scan discards the rows a filter rejects without reading the
    -- heap, and only the page's rows are fetched: a page costs about the same whatever the filters.
    create index cases_list_by_amount on cases (run_id, (coalesce(estimated_amount, -1)) desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, commune, source_extracts);
    create index cases_list_by_date on cases (run_id, created_at desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, commune, source_extracts);
    -- Filters that may keep few of a run's cases, or keep them at the end of the amount order (C2S
    -- cases have no amount): a commune, a follow-up outcome, a benefit.
    create index cases_list_by_commune on cases (run_id, commune, (coalesce(estimated_amount, -1)) desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, source_extracts);
    create index cases_list_by_status on cases (run_id, status, (coalesce(estimated_amount, -1)) desc, id desc)
      include (estimated_amount, benefit, rule, confidence, commune, source_extracts);
    create index cases_list_by_benefit on cases (run_id, benefit, (coalesce(estimated_amount, -1)) desc, id desc)
      include (estimated_amount, rule, confidence, status, commune, source_extracts);

    -- One row per pseudonym an audit event disclosed, written in the transaction of that event.
    create table audit_subject_access (
      seq bigint not null references audit_events (seq),
      pseudonym text collate "C" not null
    );
    create index audit_subject_access_pseudonym on audit_subject_access (pseudonym, seq);
    create trigger audit_subject_access_no_update before update or delete on audit_subject_access
      for each row execute function audit_events_refuse_change();
    create trigger audit_subject_access_no_truncate before truncate on audit_subject_access
      for each statement execute function audit_events_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_subject_access;
    drop index cases_list_by_benefit, cases_list_by_status, cases_list_by_commune, cases_list_by_date, cases_list_by_amount;
    alter table cases drop constraint cases_status_known;
  `.execute(db);
}
