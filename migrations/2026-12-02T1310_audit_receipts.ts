// Signed audit receipts, opted into per API client; and the events of a request found by its id (the
// `x-request-id` of every response): the DPO's filter, and the receipt of an event a handler wrote.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table api_clients add column audit_receipts boolean not null default false;
    create index audit_events_by_request on audit_events (request_id) where request_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index audit_events_by_request;
    alter table api_clients drop column audit_receipts;
  `.execute(db);
}
