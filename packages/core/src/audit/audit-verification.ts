// Verification of the whole audit trail: the hash chain recomputed, and every signed checkpoint
// checked against it. The chain alone cannot show a rewrite that recomputed every hash, nor a cut
// tail; a checkpoint can, since only the service's key signs one and the database never holds it.
import type { Db } from '@nonrecours/db';
import { type ChainVerification, verifyAuditChain } from './audit.repository.ts';
import type { CheckpointPayload, CheckpointVerifier } from './audit-checkpoint.ts';
import { type CheckpointWithEvent, streamCheckpointsWithEvents } from './audit-checkpoints.repository.ts';

export const checkpointMismatchReasons = [
  /** A checkpoint number is missing: a row was deleted. */
  'missing_checkpoint',
  /** Signed by a key the service does not know (forged, or signed before a key rotation). */
  'unknown_key',
  /** The JWS does not verify, or is not a checkpoint. */
  'bad_signature',
  /** The row's columns differ from what its JWS signs. */
  'altered_row',
  /** The chain no longer reaches the signed seq: it was truncated. */
  'missing_event',
  /** The chain holds another hash at the signed seq: it was rewritten. */
  'hash_mismatch',
] as const;
export type CheckpointMismatchReason = (typeof checkpointMismatchReasons)[number];

export interface CheckpointMismatch {
  id: number;
  /** As the row states them (unsigned when the reason is a signature); null for a missing row. */
  seq: number | null;
  at: Date | null;
  reason: CheckpointMismatchReason;
}

/** Checks one checkpoint row against its JWS and against the chain's hash at the signed seq. */
export async function checkCheckpoint(
  row: CheckpointWithEvent,
  verify: CheckpointVerifier,
): Promise<{ payload: CheckpointPayload; reason: null } | { reason: CheckpointMismatchReason }> {
  const signed = await verify(row.jws);
  if (signed.problem) return { reason: signed.problem };
  const { payload } = signed;
  if (
    signed.kid !== row.kid ||
    payload.id !== row.id ||
    payload.seq !== row.seq ||
    payload.hash !== row.hash ||
    payload.at !== row.at.toISOString()
  )
    return { reason: 'altered_row' };
  if (row.event_hash === null) return { reason: 'missing_event' };
  if (row.event_hash !== payload.hash) return { reason: 'hash_mismatch' };
  return { payload, reason: null };
}

export interface CheckpointsVerification {
  ok: boolean;
  checked: number;
  /** The newest checkpoint that holds: the chain is vouched for up to its seq. */
  latestVerified: { id: number; seq: number; at: Date } | null;
  firstMismatch: CheckpointMismatch | null;
}

/** Checks every checkpoint in order and names the first one that no longer matches. */
export async function verifyAuditCheckpoints(
  db: Db,
  verify: CheckpointVerifier,
): Promise<CheckpointsVerification> {
  let checked = 0;
  let latestVerified: CheckpointsVerification['latestVerified'] = null;
  const fail = (firstMismatch: CheckpointMismatch) => ({ ok: false, checked, latestVerified, firstMismatch });
  for await (const row of streamCheckpointsWithEvents(db)) {
    checked++;
    const expectedId: number = (latestVerified?.id ?? 0) + 1;
    if (row.id !== expectedId)
      return fail({ id: expectedId, seq: null, at: null, reason: 'missing_checkpoint' });
    const result = await checkCheckpoint(row, verify);
    if (result.reason !== null) return fail({ id: row.id, seq: row.seq, at: row.at, reason: result.reason });
    latestVerified = { id: row.id, seq: row.seq, at: row.at };
  }
  return { ok: true, checked, latestVerified, firstMismatch: null };
}

export interface TrailVerification {
  ok: boolean;
  chain: ChainVerification;
  checkpoints: CheckpointsVerification;
}

/** The chain and its checkpoints: the trail holds only if both do. */
export async function verifyAuditTrail(db: Db, verify: CheckpointVerifier): Promise<TrailVerification> {
  const chain = await verifyAuditChain(db);
  const checkpoints = await verifyAuditCheckpoints(db, verify);
  return { ok: chain.ok && checkpoints.ok, chain, checkpoints };
}
