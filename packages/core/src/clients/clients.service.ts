// Issuing and revoking API clients, audited. The secret is returned once and never stored.
import type { ApiClient, ClientRole, Db } from '@nonrecours/db';
import type { AuditActor } from '../audit/audit-actor.ts';
import { audited } from '../audit/audited.ts';
import { notFound } from '../errors.ts';
import { findPartner } from '../partners/partners.repository.ts';
import { insertClient, revokeClient, setClientAuditReceipts } from './clients.repository.ts';
import { generateSecret, hashSecret } from './secrets.ts';

export async function createClient(
  db: Db,
  actor: AuditActor,
  input: { partnerId: string; name: string; role: ClientRole; auditReceipts?: boolean },
): Promise<{ client: ApiClient; secret: string }> {
  const secret = generateSecret();
  const secretHash = await hashSecret(secret);
  const client = await audited(
    db,
    actor,
    async (trx) => {
      if (!(await findPartner(trx, input.partnerId))) throw notFound('partner');
      return insertClient(trx, { ...input, secretHash });
    },
    (c) => ({
      action: 'client.create',
      target: `client/${c.id}`,
      purpose: 'administration',
      details: { role: c.role, partner: c.partner_id, audit_receipts: c.audit_receipts },
    }),
  );
  return { client, secret };
}

/** Opts a client in or out of signed audit receipts (`audit-receipt` header of its responses). */
export function changeClientAuditReceipts(
  db: Db,
  actor: AuditActor,
  id: string,
  enabled: boolean,
): Promise<ApiClient> {
  return audited(
    db,
    actor,
    async (trx) => (await setClientAuditReceipts(trx, id, enabled)) ?? Promise.reject(notFound('client')),
    (c) => ({
      action: 'client.audit_receipts',
      target: `client/${c.id}`,
      purpose: 'administration',
      details: { audit_receipts: c.audit_receipts },
    }),
  );
}

export async function revokeApiClient(db: Db, actor: AuditActor, id: string): Promise<ApiClient> {
  return audited(
    db,
    actor,
    async (trx) => (await revokeClient(trx, id)) ?? Promise.reject(notFound('active client')),
    (c) => ({ action: 'client.revoke', target: `client/${c.id}`, purpose: 'administration' }),
  );
}
