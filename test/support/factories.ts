// Test data made through the same services the API and the CLI use.
import {
  changeConventionStatus,
  cliActor,
  createClient,
  createConvention,
  createPartner,
  putConventionMember,
  registerConventionKey,
} from '@nonrecours/core';
import type { ClientRole, ConventionStatus, Db, MemberRole, PartnerKind } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';

let counter = 0;
const unique = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

export interface TestClient {
  id: string;
  secret: string;
  partnerId: string;
  role: ClientRole;
}

export async function makePartner(db: Db, kind: PartnerKind = 'caf', name = `Partner ${unique()}`) {
  return createPartner(db, cliActor(), { name, kind, siret: null });
}

/** Names as an organisation gives its clients: what the console shows as their actor. */
const clientNames: Record<ClientRole, string> = {
  territory: 'Client de l’équipe',
  partner: 'Client du partenaire',
  dpo: 'Client du DPO',
  admin: 'Client d’exploitation',
};

export async function makeClient(db: Db, partnerId: string, role: ClientRole): Promise<TestClient> {
  const { client, secret } = await createClient(db, cliActor(), { partnerId, name: clientNames[role], role });
  return { id: client.id, secret, partnerId, role };
}

export async function makeConvention(
  db: Db,
  options: { status?: ConventionStatus; validFrom?: string; validUntil?: string } = {},
) {
  const convention = await createConvention(db, cliActor(), {
    reference: `TZNR-${unique()}`,
    title: 'Convention de test',
    territory: ['35238'],
    legal_basis: 'CRPA L114-8 II; loi 3DS art. 133',
    purpose: 'Lutte contre le non-recours',
    valid_from: options.validFrom ?? '2024-01-01',
    valid_until: options.validUntil ?? '2099-12-31',
    retention_days: 180,
  });
  await registerConventionKey(db, cliActor(), convention.id, '4b087fe7a2945f10');
  const status = options.status ?? 'active';
  if (status === 'draft') return convention;
  await changeConventionStatus(db, cliActor(), convention.id, 'active');
  if (status !== 'active') await changeConventionStatus(db, cliActor(), convention.id, status);
  return convention;
}

export async function addMember(
  db: Db,
  conventionId: string,
  partnerId: string,
  roles: MemberRole[],
  provides: string[] = [],
) {
  return putConventionMember(db, cliActor(), { conventionId, partnerId, roles, provides });
}

export async function tokenFor(app: FastifyInstance, client: TestClient): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/token',
    payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
  });
  if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
  return res.json<{ access_token: string }>().access_token;
}
