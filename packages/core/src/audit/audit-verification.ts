// Verification of the whole audit trail: the hash chain recomputed, and every signed checkpoint
// checked against it. The chain alone cannot show a rewrite that recomputed every hash, nor a cut
// tail; a checkpoint can, since only the service's key signs one and the database never holds it.
// What no checkpoint in the database vouches for yet is reported, and must not be older than two
// checkpoint periods; checkpoints kept outside the database (the sink) and receipts kept by clients
// show what was rewritten there, checkpoint rows included, and after the last checkpoint.
import type { Db } from '@nonrecours/db';
import { type ChainVerification, verifyAuditChain } from './audit.repository.ts';
import type { CheckpointPayload, CheckpointVerifier } from './audit-checkpoint.ts';
import {
  type CheckpointWithEvent,
  checkpointJwsByIds,
  eventHashesAt,
  streamCheckpointsWithEvents,
  unvouchedEvents,
} from './audit-checkpoints.repository.ts';
import type { ReceiptVerifier } from './audit-receipt.ts';

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

/** A checkpoint kept outside the database (its sink file, the log, a copy someone took). */
export interface ExternalCheckpoint {
  jws: string;
  /** As the copy states them, if it does: they must be what the JWS signs. */
  seq?: number | undefined;
  hash?: string | undefined;
}

export interface ExternalMismatch {
  /** The position of the checkpoint or receipt in what was given. */
  index: number;
  /** As signed; null when the signature does not verify. */
  seq: number | null;
  reason: CheckpointMismatchReason;
}

export interface ExternalVerification {
  checked: number;
  firstMismatch: ExternalMismatch | null;
}

export const freshnessProblems = [
  /** The chain's head row names another event than the last one: the tail was cut or rewritten. */
  'head_mismatch',
  /** Events older than two periods and no checkpoint at all. */
  'no_checkpoint',
  /** The newest checkpoint that holds is older than two periods, and events older than one follow it. */
  'checkpoint_overdue',
] as const;
export type FreshnessProblem = (typeof freshnessProblems)[number];

export interface Freshness {
  ok: boolean;
  reason: FreshnessProblem | null;
  /** Events that no checkpoint which holds vouches for yet. */
  unvouched: number;
  /** The age of the newest checkpoint that holds, in seconds; null without one. */
  newestAgeSeconds: number | null;
  periodSeconds: number;
}

export const trailProblems = [
  'chain_broken',
  'checkpoint_mismatch',
  ...freshnessProblems,
  'external_checkpoint_mismatch',
  'receipt_mismatch',
] as const;
export type TrailProblem = (typeof trailProblems)[number];

export interface TrailVerification {
  ok: boolean;
  /** Why not, the first of `problems`. */
  reason: TrailProblem | null;
  problems: TrailProblem[];
  chain: ChainVerification;
  checkpoints: CheckpointsVerification;
  freshness: Freshness;
  external: ExternalVerification;
  receipts: ExternalVerification;
}

export interface TrailOptions {
  /** The checkpoint period (AUDIT_CHECKPOINT_PERIOD_SECONDS): checkpoints older than two are overdue. */
  periodSeconds?: number | undefined;
  now?: Date;
  external?: readonly ExternalCheckpoint[];
  receipts?: { jws: readonly string[]; verify: ReceiptVerifier };
}

export const DEFAULT_CHECKPOINT_PERIOD_SECONDS = 60;

/**
 * How recent the vouching is. In a running service a checkpoint follows every event within a period;
 * unvouched events older than that, past a checkpoint older than two periods, mean the checkpoints
 * stopped or their newest rows were deleted. (A rewrite that also forged the events' times is for
 * the external copies and the receipts to show.)
 */
async function freshnessOf(
  db: Db,
  latest: CheckpointsVerification['latestVerified'],
  periodSeconds: number,
  now: Date,
): Promise<Freshness> {
  const after = latest?.seq ?? 0;
  const { unvouched, firstAt, headHolds } = await unvouchedEvents(db, after);
  const newestAgeSeconds = latest ? Math.max(0, (now.getTime() - latest.at.getTime()) / 1000) : null;
  const firstAge = firstAt ? (now.getTime() - firstAt.getTime()) / 1000 : 0;
  const reason: FreshnessProblem | null = !headHolds
    ? 'head_mismatch'
    : unvouched === 0
      ? null
      : newestAgeSeconds === null
        ? firstAge > 2 * periodSeconds
          ? 'no_checkpoint'
          : null
        : newestAgeSeconds > 2 * periodSeconds && firstAge > periodSeconds
          ? 'checkpoint_overdue'
          : null;
  return { ok: reason === null, reason, unvouched, newestAgeSeconds, periodSeconds };
}

/** Checks each point against the chain's hash at its seq, in one query. */
async function checkPoints(
  db: Db,
  points: readonly ({ seq: number; hash: string } | { reason: CheckpointMismatchReason; seq: null })[],
  also?: (index: number) => CheckpointMismatchReason | null,
): Promise<ExternalVerification> {
  const seqs = points.flatMap((p) => (p.seq === null ? [] : [p.seq]));
  const hashes = await eventHashesAt(db, seqs);
  for (const [index, point] of points.entries()) {
    if (point.seq === null)
      return { checked: index + 1, firstMismatch: { index, seq: null, reason: point.reason } };
    const held = hashes.get(point.seq);
    const reason: CheckpointMismatchReason | null =
      held === undefined ? 'missing_event' : held !== point.hash ? 'hash_mismatch' : (also?.(index) ?? null);
    if (reason) return { checked: index + 1, firstMismatch: { index, seq: point.seq, reason } };
  }
  return { checked: points.length, firstMismatch: null };
}

async function verifyExternal(
  db: Db,
  external: readonly ExternalCheckpoint[],
  verify: CheckpointVerifier,
): Promise<ExternalVerification> {
  const signed = await Promise.all(external.map((c) => verify(c.jws)));
  const rows = await checkpointJwsByIds(
    db,
    signed.flatMap((s) => (s.problem ? [] : [s.payload.id])),
  );
  const points = signed.map((s, i) => {
    if (s.problem) return { seq: null, reason: s.problem };
    const copy = external[i]!;
    if (
      (copy.seq !== undefined && copy.seq !== s.payload.seq) ||
      (copy.hash !== undefined && copy.hash !== s.payload.hash)
    )
      return { seq: null, reason: 'altered_row' as const };
    return { seq: s.payload.seq, hash: s.payload.hash };
  });
  // A checkpoint the database no longer holds, or holds otherwise, was deleted or replaced there.
  return checkPoints(db, points, (index) => {
    const s = signed[index]!;
    if (s.problem) return null;
    const row = rows.get(s.payload.id);
    return row === undefined ? 'missing_checkpoint' : row !== external[index]!.jws ? 'altered_row' : null;
  });
}

async function verifyReceipts(
  db: Db,
  receipts: NonNullable<TrailOptions['receipts']>,
): Promise<ExternalVerification> {
  const signed = await Promise.all(receipts.jws.map((jws) => receipts.verify(jws)));
  return checkPoints(
    db,
    signed.map((s) =>
      s.problem ? { seq: null, reason: s.problem } : { seq: s.payload.seq, hash: s.payload.hash },
    ),
  );
}

/**
 * The chain, its checkpoints, how recent they are, and what was kept outside the database — trusted
 * checkpoints and receipts: the trail holds only if all do.
 */
export async function verifyAuditTrail(
  db: Db,
  verify: CheckpointVerifier,
  options: TrailOptions = {},
): Promise<TrailVerification> {
  const chain = await verifyAuditChain(db);
  const checkpoints = await verifyAuditCheckpoints(db, verify);
  const freshness = await freshnessOf(
    db,
    checkpoints.latestVerified,
    options.periodSeconds ?? DEFAULT_CHECKPOINT_PERIOD_SECONDS,
    options.now ?? new Date(),
  );
  const none: ExternalVerification = { checked: 0, firstMismatch: null };
  const external = options.external?.length ? await verifyExternal(db, options.external, verify) : none;
  const receipts = options.receipts?.jws.length ? await verifyReceipts(db, options.receipts) : none;
  const problems: TrailProblem[] = [
    ...(chain.ok ? [] : ['chain_broken' as const]),
    ...(checkpoints.ok ? [] : ['checkpoint_mismatch' as const]),
    ...(freshness.reason ? [freshness.reason] : []),
    ...(external.firstMismatch ? ['external_checkpoint_mismatch' as const] : []),
    ...(receipts.firstMismatch ? ['receipt_mismatch' as const] : []),
  ];
  return {
    ok: problems.length === 0,
    reason: problems[0] ?? null,
    problems,
    chain,
    checkpoints,
    freshness,
    external,
    receipts,
  };
}

/** The verification as the API and the command line answer it. */
export function verificationReport(report: TrailVerification) {
  const { chain, checkpoints, freshness } = report;
  return {
    ok: report.ok,
    reason: report.reason,
    problems: report.problems,
    checked: chain.checked,
    head: chain.head,
    first_broken: chain.firstBroken,
    checkpoints: {
      ok: checkpoints.ok,
      checked: checkpoints.checked,
      latest_verified: checkpoints.latestVerified,
      first_mismatch: checkpoints.firstMismatch,
    },
    freshness: {
      ok: freshness.ok,
      reason: freshness.reason,
      unvouched: freshness.unvouched,
      newest_checkpoint_age_seconds: freshness.newestAgeSeconds,
      period_seconds: freshness.periodSeconds,
    },
    external: { checked: report.external.checked, first_mismatch: report.external.firstMismatch },
    receipts: { checked: report.receipts.checked, first_mismatch: report.receipts.firstMismatch },
  };
}
