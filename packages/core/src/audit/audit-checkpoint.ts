// A signed checkpoint of the audit chain: its head `{ id, seq, hash, at }` as a compact JWS (ES256),
// signed with a key that lives in a file of the service and never in the database. Whoever can
// rewrite the chain in the database, hashes included, cannot make a checkpoint for the new one.
import { CompactSign, compactVerify, createLocalJWKSet, errors, type JWK } from 'jose';
import { z } from 'zod';
import { SIGNING_ALG, type SigningKey } from '../auth/signing-key.ts';

/**
 * The JWS `typ`: each kind of signed object names itself, so that a checkpoint is never taken for
 * a token (it has no issuer or audience either), nor a token for a checkpoint, even where an
 * operator gave both the same key.
 */
export const CHECKPOINT_TYP = 'nonrecours-audit-checkpoint+jws';

const payloadSchema = z.strictObject({
  /** The checkpoint's number, 1, 2, 3…: a checkpoint deleted from the middle leaves a gap. */
  id: z.number().int().positive(),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
});

export type CheckpointPayload = z.infer<typeof payloadSchema>;

export function signCheckpoint(key: SigningKey, payload: CheckpointPayload): Promise<string> {
  const { id, seq, hash, at } = payload;
  return new CompactSign(new TextEncoder().encode(JSON.stringify({ id, seq, hash, at })))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: CHECKPOINT_TYP })
    .sign(key.privateKey);
}

export type SignatureProblem = 'bad_signature' | 'unknown_key';

export type CheckpointVerifier = (
  jws: string,
) => Promise<
  { payload: CheckpointPayload; kid: string | undefined; problem?: never } | { problem: SignatureProblem }
>;

/**
 * Verifies checkpoints against the given public keys only: the key is never looked up in the
 * database, where whoever rewrote the chain could have put their own.
 */
export function createCheckpointVerifier(publicKeys: JWK[]): CheckpointVerifier {
  const keys = createLocalJWKSet({ keys: publicKeys });
  return async (jws) => {
    try {
      const { payload, protectedHeader } = await compactVerify(jws, keys, { algorithms: [SIGNING_ALG] });
      if (protectedHeader.typ !== CHECKPOINT_TYP) return { problem: 'bad_signature' };
      const parsed = payloadSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
      return parsed.success
        ? { payload: parsed.data, kid: protectedHeader.kid }
        : { problem: 'bad_signature' };
    } catch (error) {
      // A key that is not (or no longer) the service's: signed by someone else, or before a rotation.
      if (error instanceof errors.JWKSNoMatchingKey) return { problem: 'unknown_key' };
      return { problem: 'bad_signature' };
    }
  };
}
