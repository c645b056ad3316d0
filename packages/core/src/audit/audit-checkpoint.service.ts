// Signs the head of the audit chain (audit-signer.ts says when). Before signing, the previous
// checkpoint must still hold and the events since must recompute, so a checkpoint never vouches for a
// chain that was already altered; each checkpoint therefore verifies only what is new. Idempotent:
// with nothing new since the last checkpoint, no checkpoint is added. The checkpoint is handed to its
// sinks outside the database before it commits: none exists in the database without its copies.
import type { Db } from '@nonrecours/db';
import type { SigningKey } from '../auth/signing-key.ts';
import { type ChainPoint, type ChainVerification, verifyAuditChain } from './audit.repository.ts';
import { type CheckpointVerifier, createCheckpointVerifier, signCheckpoint } from './audit-checkpoint.ts';
import type { CheckpointSink } from './audit-checkpoint-sink.ts';
import {
  eventHashAt,
  insertCheckpoint,
  lastCheckpoint,
  lockCheckpoints,
} from './audit-checkpoints.repository.ts';
import { type CheckpointMismatch, checkCheckpoint } from './audit-verification.ts';

export type CheckpointOutcome =
  | { created: true; id: number; seq: number; hash: string; at: string; jws: string }
  | { created: false; reason: 'empty_chain' | 'up_to_date' }
  | { created: false; reason: 'checkpoint_mismatch'; mismatch: CheckpointMismatch }
  | { created: false; reason: 'chain_broken'; firstBroken: ChainVerification['firstBroken'] };

export async function createAuditCheckpoint(
  db: Db,
  key: SigningKey,
  verify: CheckpointVerifier = createCheckpointVerifier([key.publicJwk]),
  sink?: CheckpointSink,
): Promise<CheckpointOutcome> {
  return db.transaction().execute(async (trx): Promise<CheckpointOutcome> => {
    await lockCheckpoints(trx);
    const last = await lastCheckpoint(trx);
    let anchor: ChainPoint | undefined;
    // No way around a last checkpoint that does not hold, not even one of an unknown key: falling back
    // to a full verification would let whoever forged it have a rewritten chain signed.
    if (last) {
      const row = { ...last, event_hash: await eventHashAt(trx, last.seq) };
      const check = await checkCheckpoint(row, verify);
      if (check.reason !== null)
        return {
          created: false,
          reason: 'checkpoint_mismatch',
          mismatch: { id: last.id, seq: last.seq, at: last.at, reason: check.reason },
        };
      anchor = { seq: check.payload.seq, hash: check.payload.hash };
    }
    const chain = await verifyAuditChain(trx, anchor);
    if (!chain.ok) return { created: false, reason: 'chain_broken', firstBroken: chain.firstBroken };
    const head = chain.head;
    if (!head) return { created: false, reason: 'empty_chain' };
    if (last && last.seq === head.seq && last.hash === head.hash)
      return { created: false, reason: 'up_to_date' };

    const at = new Date();
    const payload = { id: (last?.id ?? 0) + 1, seq: head.seq, hash: head.hash, at: at.toISOString() };
    const jws = await signCheckpoint(key, payload);
    await insertCheckpoint(trx, { id: payload.id, at, seq: head.seq, hash: head.hash, jws, kid: key.kid });
    await sink?.({ ...payload, kid: key.kid, jws });
    return { created: true, ...payload, jws };
  });
}
