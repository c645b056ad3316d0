// The service's token signing key: an ES256 private JWK in a file shared by every API instance.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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

/** Reads the key file; creates it (0600) when allowed and absent — never in production. */
export async function loadSigningKey(file: string, options: { create: boolean }): Promise<SigningKey> {
  if (!existsSync(file)) {
    if (!options.create) {
      throw new Error(
        `TOKEN_SIGNING_KEY_FILE: ${file} does not exist; create it with 'nonrecours admin signing-key --out ${file}'`,
      );
    }
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, `${JSON.stringify(await generateSigningJwk())}\n`, { mode: 0o600, flag: 'wx' });
  }
  return importSigningJwk(JSON.parse(await readFile(file, 'utf8')) as JWK);
}
