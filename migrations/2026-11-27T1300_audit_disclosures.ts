// The record of which data subjects each audited request disclosed becomes one row per event (the
// sorted array of its pseudonyms; an export's millions go in parts) under a GIN index, instead of one
// row per pseudonym under a B-tree.
// A list page discloses about 180 pseudonyms: as B-tree entries, each landed on a random leaf of an
// index that outgrows memory, checked against audit_events one by one. A GIN index with fast update
// appends an event's entries to its pending list in one write, and vacuum merges them in bulk, in
// key order. Autovacuum visits the table after a bounded number of inserts (not a share of its
// size), so the pending list, which a lookup reads in full, stays short.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_disclosures (
      seq bigint not null references audit_events (seq),
      part integer not null default 0,
      pseudonyms text[] collate "C" not null,
      primary key (seq, part)
    ) with (autovacuum_vacuum_insert_threshold = 2000, autovacuum_vacuum_insert_scale_factor = 0);
    -- Random pseudonyms do not compress: store them out of line as they are.
    alter table audit_disclosures alter column pseudonyms set storage external;
    create index audit_disclosures_pseudonyms on audit_disclosures using gin (pseudonyms)
      with (fastupdate = on, gin_pending_list_limit = 65536);
    create trigger audit_disclosures_no_update before update or delete on audit_disclosures
      for each row execute function audit_events_refuse_change();
    create trigger audit_disclosures_no_truncate before truncate on audit_disclosures
      for each statement execute function audit_events_refuse_change();

    insert into audit_disclosures (seq, pseudonyms)
      select seq, array_agg(pseudonym order by pseudonym) from audit_subject_access group by seq;
    drop table audit_subject_access;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_subject_access (
      seq bigint not null references audit_events (seq),
      pseudonym text collate "C" not null
    );
    insert into audit_subject_access (seq, pseudonym)
      select seq, unnest(pseudonyms) from audit_disclosures;
    create index audit_subject_access_pseudonym on audit_subject_access (pseudonym, seq);
    create trigger audit_subject_access_no_update before update or delete on audit_subject_access
      for each row execute function audit_events_refuse_change();
    create trigger audit_subject_access_no_truncate before truncate on audit_subject_access
      for each statement execute function audit_events_refuse_change();
    drop table audit_disclosures;
  `.execute(db);
}
