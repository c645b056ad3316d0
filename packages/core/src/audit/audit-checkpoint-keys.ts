// The keys of the audit checkpoints: the one that signs them, and the public keys their verification
// trusts — the signer's, and those of the signers it replaced, so that after a rotation every earlier
// checkpoint still verifies. All come from files, outside the database whose rewrite they expose.
import { readFile } from 'node:fs/promises';
import type { Config } from '@nonrecours/config';
import type { JWK } from 'jose';
import { z } from 'zod';
import { loadSigningKey, type SigningKey } from '../auth/signing-key.ts';

export interface CheckpointKeys {
  signing: SigningKey;
  /** The signer's public key first, then the earlier signers'. */
  trusted: JWK[];
}

const publicKeySchema = z
  .looseObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().min(1),
    y: z.string().min(1),
    kid: z.string().min(1),
  })
  .refine((jwk) => !('d' in jwk), 'a private key has no place among the trusted keys: give its public part');
const trustedFileSchema = z.object({ keys: z.array(publicKeySchema).min(1) });

const SETTING = 'AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE';

/** The earlier signers' public keys: a JWK Set (`{ "keys": [...] }`) in the given file. */
export async function loadTrustedCheckpointKeys(file: string): Promise<JWK[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`${SETTING}: ${file} cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${SETTING}: ${file} is not JSON`);
  }
  const parsed = trustedFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${SETTING}: ${file} is not a set of ES256 public keys: ${issue.path.join('.')} ${issue.message}`,
    );
  }
  return parsed.data.keys.map((key) => ({ ...key, alg: 'ES256', use: 'sig' }) as JWK);
}

export async function loadCheckpointKeys(
  config: Pick<Config, 'AUDIT_CHECKPOINT_KEY_FILE' | 'AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE' | 'NODE_ENV'>,
): Promise<CheckpointKeys> {
  const signing = await loadSigningKey(config.AUDIT_CHECKPOINT_KEY_FILE, {
    create: config.NODE_ENV !== 'production',
    setting: 'AUDIT_CHECKPOINT_KEY_FILE',
  });
  const earlier = config.AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE
    ? await loadTrustedCheckpointKeys(config.AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE)
    : [];
  return { signing, trusted: [signing.publicJwk, ...earlier.filter((key) => key.kid !== signing.kid)] };
}
