// Stage 3, evaluate, one partition at a time: profiles → rules → results, streamed with COPY into the
// run's results table as the profiles are read. A partition replaces its own results, so a retried or
// duplicated job writes them once.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, withDedicatedConnection } from '@nonrecours/db';
import { type Case, evaluateProfile, frV1, type RulePack } from '@nonrecours/rules';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyArray, copyLine, copyValue } from './copy-text.ts';
import { createProfileReader, type PartitionProfile } from './run-profiles.ts';
import type { RunExtract } from './run-select.stage.ts';
import { runTables } from './run-tables.ts';
import { storedEvidence } from './stored-evidence.ts';

export const rulePacks: Record<string, RulePack> = { 'fr.v1': frV1 };

const confidenceRank = { high: 0, medium: 1, low: 2 } as const;
const resultColumns = [
  'part',
  'subject_kind',
  'subject_pseudo',
  'household_pseudo',
  'pseudonyms',
  'benefit',
  'variant',
  'rule',
  'rule_version',
  'confidence',
  'rank',
  'estimated_amount',
  'commune',
  'source_partners',
  'source_extracts',
  'evidence',
  'input_partners',
  'input_kinds',
];

function subjectOf(c: Case): {
  kind: 'person' | 'household' | 'tenancy';
  pseudo: string;
  household: string | null;
} {
  switch (c.subject.type) {
    case 'person':
      return { kind: 'person', pseudo: c.subject.person_pseudo, household: null };
    case 'household':
      return {
        kind: 'household',
        pseudo: c.subject.allocataire_pseudo ?? c.subject.household_pseudo,
        household: c.subject.household_pseudo,
      };
    case 'tenancy':
      return { kind: 'tenancy', pseudo: c.subject.household_pseudo, household: c.subject.household_pseudo };
  }
}

/** Whose values and which kinds of data a result's rules read, its supporting results' included (case-sight.ts). */
function inputsOf(c: Case, field: 'partner' | 'kind'): string[] {
  const values = new Set<string>();
  for (const e of [c.evidence, ...c.supporting.map((s) => s.evidence)])
    for (const input of e.inputs) values.add(input[field]);
  return [...values].sort();
}

function resultLine(
  part: number,
  c: Case,
  from: PartitionProfile,
  pack: RulePack,
  partnersOf: Map<string, string>,
): string {
  const subject = subjectOf(c);
  const ruleOrder = pack.rules.findIndex((r) => r.id === c.rule.id);
  const { subject: _s, benefit, rule, variant, confidence, amount, evidence, supporting } = c;
  return copyLine([
    String(part),
    subject.kind,
    copyValue(subject.pseudo),
    copyValue(subject.household),
    copyArray(from.pseudonyms),
    benefit,
    copyValue(variant),
    copyValue(rule.id),
    copyValue(rule.version),
    confidence,
    String(confidenceRank[confidence] * 1000 + ruleOrder),
    copyValue(amount),
    copyValue(from.profile.commune),
    copyArray([...new Set(from.extracts.map((id) => partnersOf.get(id)!))]),
    copyArray(from.extracts),
    copyValue(JSON.stringify(storedEvidence(evidence, confidence, supporting))),
    copyArray(inputsOf(c, 'partner')),
    copyArray(inputsOf(c, 'kind')),
  ]);
}

function rulePackOf(id: string): RulePack {
  const pack = rulePacks[id];
  if (!pack) throw new Error(`unknown rule pack ${id}`);
  return pack;
}

export interface EvaluateRun {
  id: string;
  conventionId: string;
  /** YYYY-MM */
  asOf: string;
  rulePack: string;
  extracts: readonly RunExtract[];
}

export async function evaluatePartition(
  deps: { db: Db; pool: pg.Pool },
  run: EvaluateRun,
  part: number,
): Promise<{ profiles: number; results: number }> {
  const pack = rulePackOf(run.rulePack);
  const opposed = new Set(
    (
      await deps.db
        .selectFrom('oppositions')
        .select('pseudonym')
        .where('convention_id', '=', run.conventionId)
        .execute()
    ).map((o) => o.pseudonym),
  );
  const partnersOf = new Map(run.extracts.map((e) => [e.id, e.partner_id]));
  const reader = createProfileReader(deps, run.id, run.extracts);
  const counts = { profiles: 0, results: 0 };
  async function* copyText(): AsyncGenerator<string> {
    let chunk = '';
    for await (const p of reader.partition(part)) {
      if (p.pseudonyms.some((x) => opposed.has(x))) continue;
      counts.profiles += 1;
      for (const c of evaluateProfile(p.profile, run.asOf, pack)) {
        chunk += resultLine(part, c, p, pack, partnersOf);
        counts.results += 1;
      }
      if (chunk.length >= COPY_CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const table = runTables(run.id).results;
  await withDedicatedConnection(deps.pool, ({ db, client }) =>
    db.transaction().execute(async (trx) => {
      await sql`delete from ${sql.table(table)} where part = ${part}`.execute(trx);
      const copy = client.query(copyFrom(`copy ${table} (${resultColumns.join(', ')}) from stdin`));
      await pipeline(Readable.from(copyText()), copy);
      await trx
        .updateTable('run_partitions')
        .set({ status: 'done', profiles: counts.profiles, cases: counts.results, finished_at: new Date() })
        .where('run_id', '=', run.id)
        .where('part', '=', part)
        .execute();
    }),
  );
  return counts;
}

/** Bytes of COPY text handed to the connection at a time. */
const COPY_CHUNK = 256 * 1024;
