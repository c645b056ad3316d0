// The head of the audit chain in a row of its own. An append locks it (SELECT … FOR UPDATE), which
// both queues the writers and, once the lock is granted, reads the head its predecessor left: one
// statement where an advisory lock and a read of the latest event took two. The append then writes
// its events, their disclosures and the new head in one statement.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_chain_head (
      one boolean primary key default true check (one),
      seq bigint not null,
      hash text not null
    );
    insert into audit_chain_head (seq, hash)
      select coalesce(max(seq), 0), coalesce((select hash from audit_events order by seq desc limit 1), repeat('0', 64))
      from audit_events;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_chain_head`.execute(db);
}
