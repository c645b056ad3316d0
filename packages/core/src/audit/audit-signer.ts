// The holder of the checkpoint key in a process: signs a checkpoint of the audit chain when it is due
// — every period while events are appended, after a run is published, after an export, on demand —
// and the receipts of the events of clients that asked for them. A checkpoint refused because the
// trail no longer verifies is itself recorded in the chain, and logged.
import type { Db } from '@nonrecours/db';
import { appendAuditEvent } from './audit.repository.ts';
import { type CheckpointOutcome, createAuditCheckpoint } from './audit-checkpoint.service.ts';
import { createCheckpointVerifier } from './audit-checkpoint.ts';
import type { CheckpointKeys } from './audit-checkpoint-keys.ts';
import { type CheckpointLog, checkpointSink } from './audit-checkpoint-sink.ts';
import { signReceipt } from './audit-receipt.ts';

export const checkpointReasons = ['period', 'run_published', 'export', 'on_demand'] as const;
export type CheckpointReason = (typeof checkpointReasons)[number];

export interface SignerLog extends CheckpointLog {
  error(object: object, message: string): void;
}

export interface AuditSigner {
  checkpoint(
    reason: CheckpointReason,
    log: SignerLog,
    by?: { actor: string | null; org: string | null; role: string | null; requestId: string | null },
  ): Promise<CheckpointOutcome>;
  receipt(event: { seq: number; hash: string; request_id: string | null; at: Date }): Promise<string>;
}

export function createAuditSigner(deps: {
  db: Db;
  keys: CheckpointKeys;
  /** The append-only file each checkpoint is also written to. */
  sinkFile?: string | undefined;
}): AuditSigner {
  const { db, keys } = deps;
  const verify = createCheckpointVerifier(keys.trusted);
  return {
    async checkpoint(reason, log, by) {
      const outcome = await createAuditCheckpoint(
        db,
        keys.signing,
        verify,
        checkpointSink({ file: deps.sinkFile, log }),
      );
      if (outcome.created || (outcome.reason !== 'chain_broken' && outcome.reason !== 'checkpoint_mismatch'))
        return outcome;
      log.error({ checkpoint: outcome, reason }, 'audit checkpoint refused: the trail no longer verifies');
      // Only a refusal goes into the chain: a signed checkpoint is its own record.
      await appendAuditEvent(db, {
        actor: by?.actor ?? 'worker',
        org: by?.org ?? null,
        role: by?.role ?? 'system',
        requestId: by?.requestId ?? null,
        action: 'audit.checkpoint',
        purpose: 'audit',
        outcome: 'failed',
        details: { refused: outcome, reason },
      });
      return outcome;
    },
    receipt: (event) => signReceipt(keys.signing, event),
  };
}

/**
 * Signs a checkpoint every `periodSeconds` while events are appended (one that finds nothing new adds
 * none). Several processes may each run one: the checkpoints' lock orders them.
 */
export function startCheckpointTimer(signer: AuditSigner, periodSeconds: number, log: SignerLog): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    signer
      .checkpoint('period', log)
      .catch((error: unknown) => log.error({ err: error }, 'audit checkpoint failed'))
      .finally(() => {
        running = false;
      });
  }, periodSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
