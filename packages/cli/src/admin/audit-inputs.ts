// What `nonrecours admin audit verify` reads from outside the database: trusted checkpoints (the
// lines of the checkpoint sink, or bare JWS) and kept receipts (the `audit-receipt` headers), one a
// line or as a JSON array.
import { readFile } from 'node:fs/promises';
import type { ExternalCheckpoint } from '@nonrecours/core';
import { UsageError } from '../cli-error.ts';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

async function entriesOf(file: string, option: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`${option}: ${file} cannot be read (${e.code})`);
  });
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown[];
    } catch {
      throw new UsageError(`${option}: ${file} is not a JSON array`);
    }
  }
  return trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      if (!line.startsWith('{')) return line;
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new UsageError(`${option}: line ${i + 1} of ${file} is neither a JWS nor JSON`);
      }
    });
}

function jwsOf(entry: unknown, option: string, index: number): string {
  const jws = typeof entry === 'string' ? entry : (entry as { jws?: unknown } | null)?.jws;
  if (typeof jws !== 'string' || !JWS.test(jws))
    throw new UsageError(`${option}: entry ${index + 1} is not a compact JWS`);
  return jws;
}

export async function readTrustedCheckpoints(file: string): Promise<ExternalCheckpoint[]> {
  return (await entriesOf(file, '--checkpoint')).map((entry, i) => {
    const jws = jwsOf(entry, '--checkpoint', i);
    if (typeof entry === 'string') return { jws };
    const { seq, hash } = entry as { seq?: unknown; hash?: unknown };
    return {
      jws,
      seq: typeof seq === 'number' ? seq : undefined,
      hash: typeof hash === 'string' ? hash : undefined,
    };
  });
}

export async function readReceipts(file: string): Promise<string[]> {
  return (await entriesOf(file, '--receipts')).map((entry, i) => jwsOf(entry, '--receipts', i));
}
