// Runs and cases written straight to the database, for the tests of what reads them (campaigns).
import { randomBytes } from 'node:crypto';
import { openCasesPartition } from '@nonrecours/core/runs/run-cases-partition.ts';
import type { Db } from '@nonrecours/db';

export const pseudo = () => randomBytes(32).toString('base64url');

export async function insertRun(db: Db, conventionId: string, asOf: string, finishedAt: string) {
  const run = await db
    .insertInto('runs')
    .values({
      convention_id: conventionId,
      rule_pack: 'fr.v1',
      as_of: asOf,
      dice_threshold: 0.85,
      partitions: 1,
      status: 'succeeded',
      started_by: 'test',
      finished_at: new Date(finishedAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return run.id;
}

/** A run under way, as a worker would have left it between two steps. */
export async function insertRunningRun(db: Db, conventionId: string): Promise<string> {
  const run = await db
    .insertInto('runs')
    .values({
      convention_id: conventionId,
      rule_pack: 'fr.v1',
      dice_threshold: 0.85,
      partitions: 1,
      status: 'running',
      started_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return run.id;
}

export interface Crafted {
  benefit: string;
  commune: string;
  status?: string;
  amount?: number | null;
  subject?: string;
}

export async function insertCases(db: Db, conventionId: string, runId: string, cases: Crafted[]) {
  await openCasesPartition(db, runId);
  return db
    .insertInto('cases')
    .values(
      cases.map((c) => {
        const subject = c.subject ?? pseudo();
        return {
          run_id: runId,
          convention_id: conventionId,
          part: 0,
          subject_kind: 'person' as const,
          subject_pseudo: subject,
          pseudonyms: [subject],
          benefit: c.benefit,
          rule: c.benefit === 'rsa' ? 'RSA.RESOURCES' : 'PPA.ACTIVITY',
          rule_version: '1',
          confidence: 'high' as const,
          estimated_amount: c.amount === undefined ? 300 : c.amount,
          commune: c.commune,
          source_partners: [],
          source_extracts: [],
          evidence: '{}',
          status: c.status ?? 'to_contact',
          expires_at: '2099-01-01',
        };
      }),
    )
    .returning(['id', 'subject_pseudo', 'benefit', 'commune', 'status'])
    .execute();
}

export const some = (n: number, c: Crafted): Crafted[] => Array.from({ length: n }, () => ({ ...c }));
