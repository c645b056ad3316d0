// Signed checkpoints of the audit chain: the chain head (seq, hash) signed by a key that the database
// does not hold, so that a rewrite or a truncation of the chain, even with every hash recomputed, no
// longer matches them. Append-only like the chain. `seq` deliberately has no foreign key: a truncated
// chain must leave its checkpoints behind as evidence, not refuse or cascade.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_checkpoints (
      id bigint primary key check (id > 0),
      at timestamptz not null,
      seq bigint not null,
      hash text not null,
      jws text not null,
      kid text not null
    );

    create function audit_checkpoints_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_checkpoints is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
      for each row execute function audit_checkpoints_refuse_change();
    create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
      for each statement execute function audit_checkpoints_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_checkpoints;
    drop function audit_checkpoints_refuse_change;
  `.execute(db);
}
