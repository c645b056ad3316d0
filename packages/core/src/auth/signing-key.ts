// The service's signing keys (access tokens, audit checkpoints): ES256 private JWKs, each in a file
// shared by the processes that sign with it.
import { existsSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const SIGNING_ALG = 'ES256';

type PrivateKey = Exclude<Awaited<ReturnType<typeof importJWK>>, Uint8Array>;

export interface SigningKey {
  kid: string;
  privateKey: PrivateKey;
  publicJwk: JWK;
}

export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, use: 'sig' };
}

export async function importSigningJwk(jwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicPart } = jwk;
  const kid = jwk.kid ?? (await calculateJwkThumbprint(publicPart));
  const privateKey = (await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG)) as PrivateKey;
  return { kid, privateKey, publicJwk: { ...publicPart, kid, alg: SIGNING_ALG, use: 'sig' } };
}

/**
 * Reads the key file; creates it (0600) when allowed and absent — never in production. `setting`
 * names the configuration key of the file in errors.
 */
export async function loadSigningKey(
  file: string,
  options: { create: boolean; setting?: string },
): Promise<SigningKey> {
  if (!existsSync(file)) {
    if (!options.create) {
      throw new Error(
        `${options.setting ?? 'TOKEN_SIGNING_KEY_FILE'}: ${file} does not exist; create it with 'nonrecours admin signing-key --out ${file}'`,
      );
    }
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    // Written aside, then linked into place: another process (the API beside its worker) may create
    // the file first, and then that one is the key; nobody reads a half-written file.
    const aside = `${file}.${process.pid}.tmp`;
    await writeFile(aside, `${JSON.stringify(await generateSigningJwk())}\n`, { mode: 0o600 });
    try {
      await link(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(aside);
    }
  }
  return importSigningJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
}
