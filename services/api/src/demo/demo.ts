// The first start on the embedded default shows the service at work: a synthetic territory is
// generated and pseudonymised with the partner toolkit, a demo convention is set up with one partner
// per extract kind, the extracts are uploaded and a run is started through the API itself, and its
// presumed cases are summarised. Credentials of the demo clients go to a 0600 file, never to logs.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMonth } from '@nonrecours/cli/synth/months.ts';
import { synthesise } from '@nonrecours/cli/synth/synthesise.ts';
import {
  changeConventionStatus,
  createAccount,
  createClient,
  createConvention,
  createPartner,
  putConventionMember,
  registerConventionKey,
} from '@nonrecours/core';
import type { ClientRole, Db, MemberRole, PartnerKind } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import type { FastifyInstance } from 'fastify';

const DEMO_REFERENCE = 'DEMO-TZNR-35';
const actor = { actor: 'demo', org: null, role: 'admin' };

export interface DemoSummary {
  conventionId: string;
  runId: string;
  status: string;
  cases: number;
  byRule: Record<string, number>;
  credentialsFile: string;
  seconds: number;
}

async function makeClient(db: Db, partner: { id: string }, role: ClientRole, name: string) {
  const { client, secret } = await createClient(db, actor, { partnerId: partner.id, name, role });
  return { client_id: client.id, client_secret: secret, role };
}

export async function hasDemo(db: Db): Promise<boolean> {
  return (
    (await db
      .selectFrom('conventions')
      .select('id')
      .where('reference', '=', DEMO_REFERENCE)
      .executeTakeFirst()) !== undefined
  );
}

export async function seedDemo(
  app: FastifyInstance,
  db: Db,
  options: { dir: string; persons: number; month: string },
): Promise<DemoSummary> {
  const started = Date.now();
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const manifest = await synthesise({
    persons: options.persons,
    seed: 'demo',
    asOf: parseMonth(options.month)!,
    out: dir,
  });

  const operator = await createPartner(db, actor, {
    name: 'Opérateur (démonstration)',
    kind: 'operator',
    siret: null,
  });
  const convention = await createConvention(db, actor, {
    reference: DEMO_REFERENCE,
    title: 'Démonstration — Territoire zéro non-recours (territoire synthétique)',
    territory: ['35238', '35047', '35281', '97411'],
    legal_basis: 'CRPA art. L114-8 II ; loi n° 2022-217 (3DS) art. 133 ; décret n° 2023-602',
    purpose:
      'Identifier les personnes présumées éligibles à des prestations non demandées, pour les en informer',
    valid_from: '2026-01-01',
    valid_until: '2028-12-31',
    retention_days: 180,
  });
  await registerConventionKey(db, actor, convention.id, manifest.kcv);
  await changeConventionStatus(db, actor, convention.id, 'active');

  const credentials: Record<string, unknown> = {
    admin: await makeClient(db, operator, 'admin', 'demo admin'),
  };
  const tokenOf = async (c: { client_id: string; client_secret: string }) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/token',
      payload: { grant_type: 'client_credentials', ...c },
    });
    return res.json<{ access_token: string }>().access_token;
  };
  const names: Record<string, string> = {
    caf: 'CAF d’Ille-et-Vilaine (démo)',
    cpam: 'CPAM d’Ille-et-Vilaine (démo)',
    msa: 'MSA Portes de Bretagne (démo)',
    carsat: 'CARSAT Bretagne (démo)',
    landlord: 'Bailleur social (démo)',
  };
  for (const kind of extractKinds) {
    const partner = await createPartner(db, actor, {
      name: names[kind]!,
      kind: kind as PartnerKind,
      siret: null,
    });
    await putConventionMember(db, actor, {
      conventionId: convention.id,
      partnerId: partner.id,
      roles: ['partner'],
      provides: [kind],
    });
    const client = await makeClient(db, partner, 'partner', `${kind} uploads`);
    credentials[kind] = client;
    const res = await app.inject({
      method: 'POST',
      url: `/v1/conventions/${convention.id}/extracts?kind=${kind}&schema=${manifest.files[kind].schema}&reference_month=${manifest.month}`,
      headers: {
        authorization: `Bearer ${await tokenOf(client)}`,
        'content-type': 'text/csv',
        'x-key-check': manifest.kcv,
      },
      payload: await readFile(path.join(dir, manifest.files[kind].extract)),
    });
    if (res.statusCode !== 202)
      throw new Error(`demo upload of ${kind} answered ${res.statusCode}: ${res.body}`);
  }
  const team = await createPartner(db, actor, {
    name: 'Équipe projet TZNR (démo)',
    kind: 'territory',
    siret: null,
  });
  const roles: MemberRole[] = ['territory', 'dpo'];
  await putConventionMember(db, actor, {
    conventionId: convention.id,
    partnerId: team.id,
    roles,
    provides: [],
  });
  credentials.territory = await makeClient(db, team, 'territory', 'territory team');
  credentials.dpo = await makeClient(db, team, 'dpo', 'data protection officer');
  // Console accounts to sign in at /console as each kind of user.
  const accounts: { email: string; password: string; role: MemberRole }[] = [];
  const cafPartner = await db
    .selectFrom('partners')
    .select('id')
    .where('kind', '=', 'caf')
    .where('name', '=', names.caf!)
    .executeTakeFirstOrThrow();
  for (const [email, partnerId, role] of [
    ['equipe@demo.nonrecours.test', team.id, 'territory'],
    ['dpd@demo.nonrecours.test', team.id, 'dpo'],
    ['caf@demo.nonrecours.test', cafPartner.id, 'partner'],
  ] as const) {
    const password = randomBytes(12).toString('base64url');
    await createAccount(db, actor, { partnerId, role, email, password });
    accounts.push({ email, password, role });
  }

  const territoryToken = await tokenOf(credentials.territory as { client_id: string; client_secret: string });
  const auth = { authorization: `Bearer ${territoryToken}` };
  const start = await app.inject({
    method: 'POST',
    url: `/v1/conventions/${convention.id}/runs`,
    headers: auth,
    payload: {},
  });
  if (start.statusCode !== 202) throw new Error(`demo run answered ${start.statusCode}: ${start.body}`);
  const runId = start.json<{ id: string }>().id;
  let run: { status: string; report: { cases?: { total: number; by_rule: Record<string, number> } } };
  const deadline = Date.now() + 120_000;
  do {
    await new Promise((resolve) => setTimeout(resolve, 200));
    run = (await app.inject({ url: `/v1/conventions/${convention.id}/runs/${runId}`, headers: auth })).json();
  } while ((run.status === 'queued' || run.status === 'running') && Date.now() < deadline);

  const credentialsFile = path.join(dir, 'credentials.json');
  await writeFile(
    credentialsFile,
    `${JSON.stringify({ convention_id: convention.id, run_id: runId, key_file: path.join(dir, 'key'), clients: credentials, console_accounts: accounts }, null, 2)}\n`,
    { mode: 0o600 },
  );
  return {
    conventionId: convention.id,
    runId,
    status: run.status,
    cases: run.report.cases?.total ?? 0,
    byRule: run.report.cases?.by_rule ?? {},
    credentialsFile,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
