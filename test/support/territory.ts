// The committed synthetic territory (test/fixtures/territory, `nonrecours synth --persons 10000
// --seed 42`): a convention with one partner per extract kind and a territory team, its extracts
// uploaded through the API.
import { readFileSync } from 'node:fs';
import { cliActor, registerConventionKey } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { jobId } from '@nonrecours/queue';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from './app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from './factories.ts';

export const territoryDir = new URL('../fixtures/territory/', import.meta.url);

export interface Manifest {
  month: string;
  kcv: string;
  files: Record<string, { schema: string; extract: string; rows: number }>;
}

export const manifest = (dir: URL = territoryDir): Manifest =>
  JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8'));

export interface GroundTruthRow {
  subject_pseudo: string;
  subject_kind: string;
  benefit: string;
  rule: string;
  link: string;
  /** Estimated monthly amount to the cent, '' for rules without one. */
  amount: string;
}

export function groundTruth(dir: URL = territoryDir): GroundTruthRow[] {
  const [header, ...lines] = readFileSync(new URL('ground-truth.csv', dir), 'utf8').trim().split('\n');
  const columns = header!.split(';');
  return lines.map(
    (line) => Object.fromEntries(line.split(';').map((v, i) => [columns[i], v])) as unknown as GroundTruthRow,
  );
}

/** Uploads a territory (the committed fixture unless `dir`, a folder URL, names another). */
export async function loadTerritory(app: FastifyInstance, db: Db, dir: URL = territoryDir) {
  const m = manifest(dir);
  const convention = await makeConvention(db);
  await registerConventionKey(db, cliActor(), convention.id, m.kcv);
  const tokens: Record<string, string> = {};
  const partners: Record<string, string> = {};
  for (const kind of extractKinds) {
    const org = await makePartner(db, kind);
    partners[kind] = org.id;
    await addMember(db, convention.id, org.id, ['partner'], [kind]);
    tokens[kind] = await tokenFor(app, await makeClient(db, org.id, 'partner'));
    const res = await app.inject({
      method: 'POST',
      url: `/v1/conventions/${convention.id}/extracts?kind=${kind}&schema=${m.files[kind]!.schema}&reference_month=${m.month}`,
      headers: { authorization: `Bearer ${tokens[kind]}`, 'content-type': 'text/csv', 'x-key-check': m.kcv },
      payload: readFileSync(new URL(m.files[kind]!.extract, dir)),
    });
    if (res.statusCode !== 202) throw new Error(`upload of ${kind}: ${res.statusCode} ${res.body}`);
  }
  const team = await makePartner(db, 'territory');
  await addMember(db, convention.id, team.id, ['territory']);
  tokens.territory = await tokenFor(app, await makeClient(db, team.id, 'territory'));
  return { conventionId: convention.id, tokens, partners, manifest: m };
}

/** Starts a run of the convention as its territory team and waits until its jobs are done. */
export async function runToTheEnd(t: TestApp, conventionId: string, territoryToken: string): Promise<string> {
  const started = await t.app.inject({
    method: 'POST',
    url: `/v1/conventions/${conventionId}/runs`,
    headers: { authorization: `Bearer ${territoryToken}` },
    payload: {},
  });
  const runId = started.json<{ id: string }>().id;
  await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
  await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
  return runId;
}
