// The operators' queue dashboard (bull-board) at /admin/queues: admin clients only, by HTTP Basic
// or an admin token; opening it, every change and every refusal audited; read-only unless configured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeClient, makePartner, type TestClient, tokenFor } from '../support/factories.ts';

const basic = (client: TestClient) =>
  `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`;

async function dashboardEvents(t: TestApp) {
  return t.database.db
    .selectFrom('audit_events')
    .select(['action', 'outcome', 'actor', 'status_code'])
    .where('action', 'like', 'queue.dashboard%')
    .orderBy('seq')
    .execute();
}

describe.each([false, true])('the queue dashboard, writable: %s', (writable) => {
  let t: TestApp;
  let admin: TestClient;
  let partner: TestClient;

  beforeAll(async () => {
    t = await createTestApp({ QUEUE_DASHBOARD_WRITE: String(writable) });
    const operator = await makePartner(t.database.db, 'operator');
    admin = await makeClient(t.database.db, operator.id, 'admin');
    partner = await makeClient(t.database.db, (await makePartner(t.database.db, 'caf')).id, 'partner');
  });
  afterAll(() => t.close());

  it('asks for credentials and refuses any but an admin client’s', async () => {
    const anonymous = await t.app.inject({ url: '/admin/queues' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm="nonrecours operators"/);
    expect(anonymous.json().code).toBe('unauthorized');
    const wrongSecret = await t.app.inject({
      url: '/admin/queues',
      headers: { authorization: basic({ ...admin, secret: 'not the secret' }) },
    });
    expect(wrongSecret.statusCode).toBe(401);
    const notOperator = await t.app.inject({
      url: '/admin/queues',
      headers: { authorization: basic(partner) },
    });
    expect(notOperator.statusCode).toBe(401);
    const partnerToken = await tokenFor(t.app, partner);
    const asPartner = await t.app.inject({
      url: '/admin/queues/api/queues',
      headers: { authorization: `Bearer ${partnerToken}` },
    });
    expect(asPartner.statusCode).toBe(401);
    const refused = (await dashboardEvents(t)).filter((e) => e.outcome === 'denied');
    expect(refused).toHaveLength(3);
  });

  it('shows the queue to an admin, by Basic or bearer, auditing the opening and not the polling', async () => {
    const before = (await dashboardEvents(t)).length;
    const page = await t.app.inject({ url: '/admin/queues', headers: { authorization: basic(admin) } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('nonrecours: jobs');
    const token = await tokenFor(t.app, admin);
    for (let i = 0; i < 3; i++) {
      const queues = await t.app.inject({
        url: '/admin/queues/api/queues',
        headers: { authorization: i % 2 ? `Bearer ${token}` : basic(admin) },
      });
      expect(queues.statusCode, queues.body).toBe(200);
      expect(queues.json().queues.map((q: { name: string }) => q.name)).toEqual(['jobs']);
      expect(queues.json().queues[0].readOnlyMode).toBe(!writable);
    }
    const events = (await dashboardEvents(t)).slice(before);
    expect(events).toEqual([
      { action: 'queue.dashboard.open', outcome: 'success', actor: admin.id, status_code: 200 },
    ]);
  });

  it(writable ? 'lets an admin act on jobs, audited' : 'refuses every change, audited', async () => {
    const before = (await dashboardEvents(t)).length;
    const retry = await t.app.inject({
      method: 'PUT',
      url: '/admin/queues/api/queues/jobs/retry/failed',
      headers: { authorization: basic(admin) },
    });
    expect(retry.statusCode, retry.body).toBe(writable ? 200 : 403);
    if (!writable) expect(retry.json().code).toBe('read_only');
    expect((await dashboardEvents(t)).slice(before)).toEqual([
      {
        action: 'queue.dashboard.change',
        outcome: writable ? 'success' : 'denied',
        actor: admin.id,
        status_code: writable ? 200 : 403,
      },
    ]);
  });

  it('stays out of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/admin'))).toEqual([]);
  });
});
