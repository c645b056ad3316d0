// Runs a change and records it in the same transaction: both commit, or neither does.
import type { Db } from '@nonrecours/db';
import { type AuditEntry, appendAuditEvent } from './audit.repository.ts';
import type { AuditActor } from './audit-actor.ts';

type Describe<T> = (
  result: T,
) => Omit<AuditEntry, 'outcome' | keyof AuditActorEntry> & { outcome?: AuditEntry['outcome'] };
type AuditActorEntry = Pick<AuditEntry, 'actor' | 'org' | 'role' | 'requestId' | 'ip'>;

export function audited<T>(
  db: Db,
  actor: AuditActor,
  change: (trx: Db) => Promise<T>,
  describe: Describe<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const result = await change(trx);
    await appendAuditEvent(trx, { outcome: 'success', ...actor, ...describe(result) });
    return result;
  });
}
