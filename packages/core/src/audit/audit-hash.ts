// The canonical form of an audit event and its chained hash. Verification recomputes exactly this,
// so the encoding must never change for existing rows (a new form would need a version field).
import { createHash } from 'node:crypto';
import type { AuditEvent } from '@nonrecours/db';

export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: every column of the event but the chain's own two. */
export type ChainedContent = Omit<AuditEvent, 'prev_hash' | 'hash'>;

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change it. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, event: ChainedContent): string {
  const content: ChainedContent = {
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    org: event.org,
    role: event.role,
    convention_id: event.convention_id,
    action: event.action,
    target: event.target,
    purpose: event.purpose,
    request_id: event.request_id,
    ip: event.ip,
    outcome: event.outcome,
    status_code: event.status_code,
    record_count: event.record_count,
    details: event.details ?? null,
  };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}
