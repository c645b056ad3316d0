import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeClient, makePartner, type TestClient, tokenFor } from '../support/factories.ts';

describe('operator API', () => {
  let t: TestApp;
  let admin: TestClient;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await createTestApp();
    const operator = await makePartner(t.database.db, 'operator', 'Opérateur');
    admin = await makeClient(t.database.db, operator.id, 'admin');
    token = await tokenFor(t.app, admin);
  });
  afterAll(() => t.close());

  it('registers a partner, a convention, a member and a client, and activates the convention', async () => {
    const partner = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/partners',
      headers: auth(),
      payload: { name: 'CAF d’Ille-et-Vilaine', kind: 'caf', siret: '53485349400012' },
    });
    expect(partner.statusCode).toBe(201);
    const partnerId = partner.json().id;

    const created = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/conventions',
      headers: auth(),
      payload: {
        reference: 'TZNR-35-2026-01',
        title: 'Rennes — non-recours RSA, PPA, C2S',
        territory: ['35238', '35047'],
        legal_basis: 'CRPA L114-8 II; loi 3DS art. 133',
        purpose: 'Identifier les personnes présumées éligibles pour les informer',
        valid_from: '2026-01-01',
        valid_until: '2028-12-31',
        retention_days: 180,
      },
    });
    expect(created.statusCode).toBe(201);
    const convention = created.json();
    expect(convention).toMatchObject({
      status: 'draft',
      key_version: 0,
      max_error_rate: 0.005,
      dice_threshold: 0.85,
    });

    const early = await t.app.inject({
      method: 'POST',
      url: `/v1/admin/conventions/${convention.id}/activate`,
      headers: auth(),
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('key_check_missing');

    const key = await t.app.inject({
      method: 'PUT',
      url: `/v1/admin/conventions/${convention.id}/key`,
      headers: auth(),
      payload: { key_check_value: '4b087fe7a2945f10' },
    });
    expect(key.json()).toMatchObject({ key_version: 1, key_check_value: '4b087fe7a2945f10' });

    const member = await t.app.inject({
      method: 'PUT',
      url: `/v1/admin/conventions/${convention.id}/members/${partnerId}`,
      headers: auth(),
      payload: { roles: ['partner'], provides: ['caf'] },
    });
    expect(member.statusCode).toBe(200);

    const active = await t.app.inject({
      method: 'POST',
      url: `/v1/admin/conventions/${convention.id}/activate`,
      headers: auth(),
    });
    expect(active.json().status).toBe('active');

    const client = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/clients',
      headers: auth(),
      payload: { partner_id: partnerId, name: 'CAF upload', role: 'partner' },
    });
    expect(client.statusCode).toBe(201);
    expect(client.json().client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(client.body).not.toContain('scrypt');

    const list = await t.app.inject({ method: 'GET', url: '/v1/admin/clients', headers: auth() });
    expect(list.body).not.toContain('secret');
  });

  it('refuses an invalid body with 400 and field details', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/admin/conventions',
      headers: auth(),
      payload: { reference: '', territory: ['Rennes'], retention_days: -1 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid_request');
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['reference', 'territory.0', 'retention_days']),
    );
  });
});
