import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningJwk, importSigningJwk, type SigningKey } from '../auth/signing-key.ts';
import { type CheckpointPayload, createCheckpointVerifier, signCheckpoint } from './audit-checkpoint.ts';
import { checkCheckpoint } from './audit-verification.ts';

describe('audit checkpoint signatures', () => {
  let key: SigningKey;
  const at = new Date('2026-11-27T10:00:00.000Z');
  const payload: CheckpointPayload = { id: 3, seq: 42, hash: 'ab'.repeat(32), at: at.toISOString() };

  beforeAll(async () => {
    key = await importSigningJwk(await generateSigningJwk());
  });

  const verifier = () => createCheckpointVerifier([key.publicJwk]);

  it('verifies what the key signed, and nothing else', async () => {
    const jws = await signCheckpoint(key, payload);
    expect(await verifier()(jws)).toEqual({ payload, kid: key.kid });

    const [header, body, signature] = jws.split('.');
    const altered = Buffer.from(JSON.stringify({ ...payload, seq: 41 })).toString('base64url');
    expect(await verifier()(`${header}.${altered}.${signature}`)).toEqual({ problem: 'bad_signature' });
    expect(await verifier()(`${header}.${body}`)).toEqual({ problem: 'bad_signature' });

    const stranger = await importSigningJwk(await generateSigningJwk());
    expect(await verifier()(await signCheckpoint(stranger, payload))).toEqual({ problem: 'unknown_key' });
  });

  it('does not take an access token signed with the same key for a checkpoint', async () => {
    const token = await new SignJWT({ ...payload })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
      .sign(key.privateKey);
    expect(await verifier()(token)).toEqual({ problem: 'bad_signature' });
  });

  it('checks a row against its signature and against the chain', async () => {
    const jws = await signCheckpoint(key, payload);
    const row = {
      id: 3,
      at,
      seq: 42,
      hash: payload.hash,
      jws,
      kid: key.kid,
      event_hash: payload.hash as string | null,
    };
    const check = (changes: Partial<typeof row>) => checkCheckpoint({ ...row, ...changes }, verifier());
    expect(await check({})).toEqual({ payload, reason: null });
    expect(await check({ seq: 41 })).toEqual({ reason: 'altered_row' });
    expect(await check({ kid: 'another' })).toEqual({ reason: 'altered_row' });
    expect(await check({ at: new Date(at.getTime() + 1) })).toEqual({ reason: 'altered_row' });
    expect(await check({ event_hash: null })).toEqual({ reason: 'missing_event' });
    expect(await check({ event_hash: 'cd'.repeat(32) })).toEqual({ reason: 'hash_mismatch' });
  });
});
