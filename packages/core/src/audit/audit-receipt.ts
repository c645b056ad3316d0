// A signed receipt of one audit event: `{ seq, hash, request_id, at }` as a compact JWS (ES256) with
// the checkpoint key, given with the response that recorded the event to a client that asked for
// receipts. Whoever keeps it can later show that the chain held this event at this place: a rewrite,
// or a cut tail, even after the last checkpoint, no longer matches it.
import { CompactSign, compactVerify, createLocalJWKSet, errors, type JWK } from 'jose';
import { z } from 'zod';
import { SIGNING_ALG, type SigningKey } from '../auth/signing-key.ts';
import type { SignatureProblem } from './audit-checkpoint.ts';

export const RECEIPT_TYP = 'nonrecours-audit-receipt+jws';
export const RECEIPT_HEADER = 'audit-receipt';

const payloadSchema = z.strictObject({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  request_id: z.string().nullable(),
  at: z.iso.datetime(),
});
export type ReceiptPayload = z.infer<typeof payloadSchema>;

export function signReceipt(
  key: SigningKey,
  event: { seq: number; hash: string; request_id: string | null; at: Date },
): Promise<string> {
  const payload: ReceiptPayload = {
    seq: event.seq,
    hash: event.hash,
    request_id: event.request_id,
    at: event.at.toISOString(),
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: RECEIPT_TYP })
    .sign(key.privateKey);
}

export type ReceiptVerifier = (
  jws: string,
) => Promise<{ payload: ReceiptPayload; problem?: never } | { problem: SignatureProblem }>;

/** Verifies receipts against the given public keys only (those the checkpoints trust). */
export function createReceiptVerifier(publicKeys: JWK[]): ReceiptVerifier {
  const keys = createLocalJWKSet({ keys: publicKeys });
  return async (jws) => {
    try {
      const { payload, protectedHeader } = await compactVerify(jws, keys, { algorithms: [SIGNING_ALG] });
      if (protectedHeader.typ !== RECEIPT_TYP) return { problem: 'bad_signature' };
      const parsed = payloadSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
      return parsed.success ? { payload: parsed.data } : { problem: 'bad_signature' };
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) return { problem: 'unknown_key' };
      return { problem: 'bad_signature' };
    }
  };
}
