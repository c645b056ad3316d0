// API clients: service-issued credentials of one partner, with one role.
import type { ApiClient, ClientRole, Db } from '@nonrecours/db';

export async function insertClient(
  db: Db,
  values: { partnerId: string; name: string; role: ClientRole; secretHash: string; auditReceipts?: boolean },
): Promise<ApiClient> {
  return db
    .insertInto('api_clients')
    .values({
      partner_id: values.partnerId,
      name: values.name,
      role: values.role,
      secret_hash: values.secretHash,
      audit_receipts: values.auditReceipts ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findClient(db: Db, id: string): Promise<ApiClient | undefined> {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listClients(db: Db, partnerId?: string): Promise<ApiClient[]> {
  let q = db.selectFrom('api_clients').selectAll();
  if (partnerId) q = q.where('partner_id', '=', partnerId);
  return q.orderBy('created_at').execute();
}

export async function revokeClient(db: Db, id: string): Promise<ApiClient | undefined> {
  return db
    .updateTable('api_clients')
    .set({ status: 'revoked', revoked_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}

/** Turns the signed audit receipts of a client's responses on or off. */
export function setClientAuditReceipts(db: Db, id: string, enabled: boolean): Promise<ApiClient | undefined> {
  return db
    .updateTable('api_clients')
    .set({ audit_receipts: enabled })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
