// The convention key K: 32 random bytes kept by the partners in a key file as unpadded base64url
// (43 characters), and its key check value, the only trace of it the service ever sees.

import { createHmac, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const KEY_BYTES = 32;

export class KeyFormatError extends Error {
  override readonly name = 'KeyFormatError';
}

/** A new random convention key. */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** The key as written in a key file (43 base64url characters, no padding). */
export function formatKey(key: Uint8Array): string {
  if (key.length !== KEY_BYTES) throw new KeyFormatError(`a convention key has ${KEY_BYTES} bytes`);
  return Buffer.from(key).toString('base64url');
}

/** Reads the text of a key file (surrounding whitespace allowed); throws KeyFormatError. */
export function parseKey(text: string): Buffer {
  const value = text.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) {
    throw new KeyFormatError('a key file holds 43 base64url characters (A-Z, a-z, 0-9, - and _)');
  }
  const key = Buffer.from(value, 'base64url');
  // The last character carries 2 unused bits: a typo there would otherwise go unnoticed.
  if (key.toString('base64url') !== value) throw new KeyFormatError('the key is not canonical base64url');
  return key;
}

/** Reads and parses a key file. */
export async function readKeyFile(path: string): Promise<Buffer> {
  return parseKey(await readFile(path, 'utf8'));
}

/** kcv = hex(HMAC-SHA256(K, "nonrecours:kcv"))[0..16]. */
export function keyCheckValue(key: Uint8Array): string {
  return createHmac('sha256', key).update('nonrecours:kcv').digest('hex').slice(0, 16);
}
