// Registering partners, audited.
import type { Db, NewPartner, Partner } from '@nonrecours/db';
import type { AuditActor } from '../audit/audit-actor.ts';
import { audited } from '../audit/audited.ts';
import { insertPartner } from './partners.repository.ts';

export function createPartner(db: Db, actor: AuditActor, values: NewPartner): Promise<Partner> {
  return audited(
    db,
    actor,
    (trx) => insertPartner(trx, values),
    (p) => ({
      action: 'partner.create',
      target: `partner/${p.id}`,
      purpose: 'administration',
      details: { kind: p.kind },
    }),
  );
}
