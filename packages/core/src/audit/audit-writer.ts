// Group commit of the events that record accesses (reads, refusals): each is durable before its
// response leaves, with the pseudonyms it disclosed. An append holds the chain's head row locked until
// its commit, so one transaction per request would queue every request there, each holding a pooled
// connection. Instead, the events that arrive while a transaction is writing wait, holding no
// connection, and the next transaction appends them all: one locked read of the head, one insert.
// The disclosures land in the pending list of their GIN index; every so many events the writer has
// it merged in the background, so that no request pays for the merge and lookups read a short list.
import type { AuditEvent, Db } from '@nonrecours/db';
import { auditWriteLag, auditWriterPending } from '../metrics/metrics.ts';
import { type AuditEntry, appendAuditEvents, mergePendingDisclosures } from './audit.repository.ts';

/** The events one transaction appends at most: bounds its statements and the time it holds the lock. */
const MAX_GROUP = 200;
/** The events written between two merges of the pending disclosures: a few megabytes of entries. */
const MERGE_EVERY = 1000;

interface Pending {
  entry: AuditEntry;
  /** process.hrtime.bigint() when the access was recorded, for the writer's lag. */
  since: bigint;
  resolve: (event: AuditEvent) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  pending: Pending[];
  writing: boolean;
  sinceMerge: number;
  merging: boolean;
}

const queues = new WeakMap<Db, Queue>();

/**
 * Records an access and the pseudonyms it disclosed (`entry.disclosed`); resolves once both are
 * committed. Changes record their event in their own transaction instead (`audited`), so that the
 * event commits or rolls back with them.
 */
export function recordAccess(db: Db, entry: AuditEntry): Promise<AuditEvent> {
  if (db.isTransaction) throw new Error('an access is recorded in a transaction of its own');
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], writing: false, sinceMerge: 0, merging: false };
    queues.set(db, queue);
  }
  const pending = queue.pending;
  const event = new Promise<AuditEvent>((resolve, reject) => {
    pending.push({ entry, since: process.hrtime.bigint(), resolve, reject });
    auditWriterPending.inc();
  });
  if (!queue.writing) void drain(db, queue);
  return event;
}

async function drain(db: Db, queue: Queue): Promise<void> {
  queue.writing = true;
  try {
    while (queue.pending.length > 0) {
      const group = queue.pending.splice(0, MAX_GROUP);
      auditWriterPending.dec(group.length);
      try {
        settle(group, await write(db, group));
        queue.sinceMerge += group.length;
        if (queue.sinceMerge >= MERGE_EVERY && !queue.merging) merge(db, queue);
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        // One event the database refuses must not fail the others: each goes again on its own.
        else
          for (const one of group) await write(db, [one]).then((events) => settle([one], events), one.reject);
      }
    }
  } finally {
    queue.writing = false;
  }
}

function write(db: Db, group: Pending[]): Promise<AuditEvent[]> {
  return appendAuditEvents(
    db,
    group.map((p) => p.entry),
  );
}

function merge(db: Db, queue: Queue) {
  queue.sinceMerge = 0;
  queue.merging = true;
  mergePendingDisclosures(db)
    // A merge that fails is tried again after the next events; past its limit (the migration's
    // gin_pending_list_limit), the pending list is merged by the insert that overflows it anyway.
    .catch(() => undefined)
    .finally(() => {
      queue.merging = false;
    });
}

function settle(group: Pending[], events: AuditEvent[]) {
  const now = process.hrtime.bigint();
  for (const [i, p] of group.entries()) {
    auditWriteLag.observe(Number(now - p.since) / 1e9);
    p.resolve(events[i]!);
  }
}
