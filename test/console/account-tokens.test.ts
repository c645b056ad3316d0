// How a console account becomes a principal: the service signs a short-lived token for it (sub = the
// account, org = its partner, its role, sub_kind = account), and the access plugin accepts it only
// while the account is active and still has that partner and role — as it does for API clients.
import { cliActor, disableConsoleAccount, issueAccessToken } from '@nonrecours/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner } from '../support/factories.ts';
import { makeAccount, type TestAccount } from './support.ts';

describe('console account tokens', () => {
  let t: TestApp;
  let conventionId: string;
  let account: TestAccount;

  const settings = { issuer: 'nonrecours', audience: 'nonrecours-api', ttlSeconds: 60 };
  const tokenFor = async (subject: { id: string; partnerId: string; role: TestAccount['role'] }) =>
    (await issueAccessToken(t.signingKey, settings, { ...subject, kind: 'account' })).access_token;
  const read = (token: string) =>
    t.app.inject({ url: `/v1/conventions/${conventionId}`, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    conventionId = (await makeConvention(db)).id;
    const team = await makePartner(db, 'territory');
    await addMember(db, conventionId, team.id, ['territory']);
    account = await makeAccount(db, team.id, 'territory');
  });
  afterAll(() => t.close());

  it('accepts the token of an active account and audits the account as the actor', async () => {
    const res = await read(await tokenFor(account));
    expect(res.statusCode).toBe(200);
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', res.headers['x-request-id'] as string)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor: account.id, org: account.partnerId, role: 'territory' });
  });

  it('refuses an account token that claims another role or partner than the account has', async () => {
    const other = await makePartner(t.database.db, 'territory');
    await addMember(t.database.db, conventionId, other.id, ['territory', 'dpo']);
    expect((await read(await tokenFor({ ...account, role: 'dpo' }))).statusCode).toBe(401);
    expect((await read(await tokenFor({ ...account, partnerId: other.id }))).statusCode).toBe(401);
  });

  it('does not take an API client for an account, nor an account for a client', async () => {
    const client = await makeClient(t.database.db, account.partnerId, 'territory');
    expect((await read(await tokenFor({ ...client, role: account.role }))).statusCode).toBe(401);
    const asClient = (await issueAccessToken(t.signingKey, settings, account)).access_token;
    expect((await read(asClient)).statusCode).toBe(401);
  });

  it('refuses the tokens of a disabled account at once', async () => {
    const token = await tokenFor(account);
    await disableConsoleAccount(t.database.db, cliActor(), account.id);
    const res = await read(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('the console account of this token is disabled or unknown');
  });
});
