// HTTP basics: health probes, the error family, token endpoint forms and limits, security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeClient, makePartner, type TestClient } from '../support/factories.ts';

describe('HTTP basics', () => {
  let t: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ TOKEN_RATE_LIMIT_PER_MINUTE: '20' });
    client = await makeClient(t.database.db, (await makePartner(t.database.db, 'territory')).id, 'territory');
  });
  afterAll(() => t.close());

  it('answers the probes, with a request id and security headers', async () => {
    const live = await t.app.inject({ url: '/health/live' });
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    // No worker created the schedules of this queue: readiness says so without failing.
    expect(ready.json()).toEqual({
      status: 'ok',
      database: 'ok',
      queue: 'ok',
      schedules: 'missing',
      missing_schedules: ['audit-verify-nightly', 'retention-purge-nightly', 'audit-checkpoint-hourly'],
    });
    expect(ready.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(ready.headers['x-content-type-options']).toBe('nosniff');
    expect(ready.headers['strict-transport-security']).toBeDefined();
  });

  it('serves the OpenAPI document and the documentation page', async () => {
    expect((await t.app.inject({ url: '/openapi.json' })).json().openapi).toBe('3.1.0');
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('maps unknown routes, malformed JSON and wrong media types to 4xx codes', async () => {
    const missing = await t.app.inject({ url: '/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'not_found', message: 'no such route' });
    const json = await t.app.inject({
      method: 'POST',
      url: '/v1/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"grant_type": ',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('invalid_request');
    const media = await t.app.inject({
      method: 'POST',
      url: '/v1/token',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('unsupported_media_type');
  });

  it('issues tokens from a form body or HTTP Basic, and refuses other grants', async () => {
    const form = await t.app.inject({
      method: 'POST',
      url: '/v1/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
      }).toString(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
    expect(form.headers['cache-control']).toBe('no-store');

    const basic = await t.app.inject({
      method: 'POST',
      url: '/v1/token',
      headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` },
      payload: { grant_type: 'client_credentials' },
    });
    expect(basic.statusCode).toBe(200);

    const grant = await t.app.inject({
      method: 'POST',
      url: '/v1/token',
      payload: { grant_type: 'password' },
    });
    expect(grant.statusCode).toBe(400);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/token',
      payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_client');
    const denied = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome', 'actor'])
      .where('request_id', '=', wrong.headers['x-request-id'] as string)
      .executeTakeFirstOrThrow();
    expect(denied).toEqual({ outcome: 'denied', actor: client.id });
  });

  it('limits the token endpoint per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/token',
        remoteAddress: '10.9.9.9',
        payload: { grant_type: 'client_credentials' },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().code).toBe('rate_limited');
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(20);
  });
});
