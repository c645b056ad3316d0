// The state of every case after a run, as the service has it and as a synthetic territory's truth
// (`synth --months`, case-states.csv) says it must be, and how the two compare.
import { readFileSync } from 'node:fs';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';

export type CaseState = 'open' | 'taken_up' | 'no_longer_presumed';

const key = (kind: string, pseudo: string, benefit: string) => `${kind}|${pseudo}|${benefit}`;

/** The run's open cases, and the previous run's cases it closed with what its extracts showed. */
export async function serviceCaseStates(db: Db, runId: string): Promise<Map<string, CaseState>> {
  const { rows } = await sql<{
    subject_kind: string;
    subject_pseudo: string;
    benefit: string;
    state: CaseState;
  }>`
    select subject_kind, subject_pseudo, benefit, 'open' as state from cases where run_id = ${runId}
    union all
    select c.subject_kind, c.subject_pseudo, c.benefit, o.outcome
    from case_observations o join cases c on c.id = o.case_id and c.run_id = o.case_run_id where o.run_id = ${runId}`.execute(
    db,
  );
  return new Map(rows.map((r) => [key(r.subject_kind, r.subject_pseudo, r.benefit), r.state]));
}

/** The rows of a `;`-separated file the synthesiser writes (no quoting), by column name. */
export function csvRecords(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = header!.split(';');
  return lines.map((line) => Object.fromEntries(line.split(';').map((v, i) => [columns[i]!, v])));
}

export const caseKey = (r: Record<string, string>) => key(r.subject_kind!, r.subject_pseudo!, r.benefit!);

/** case-states.csv of a month: subject_pseudo;subject_kind;benefit;state;first_month;contacted. */
export function truthCaseStates(file: string): Map<string, CaseState> {
  return new Map(csvRecords(file).map((r) => [caseKey(r), r.state as CaseState]));
}

export interface StateComparison {
  cases: number;
  agree: number;
  /** "truth→service" → count, for the cases whose states differ ("none" where a side has no such case). */
  disagree: Record<string, number>;
  /** The truth's cases by state. */
  truth: Record<CaseState, number>;
}

export function compareCaseStates(
  truth: ReadonlyMap<string, CaseState>,
  service: ReadonlyMap<string, CaseState>,
): StateComparison {
  const result: StateComparison = {
    cases: 0,
    agree: 0,
    disagree: {},
    truth: { open: 0, taken_up: 0, no_longer_presumed: 0 },
  };
  for (const k of new Set([...truth.keys(), ...service.keys()])) {
    const t = truth.get(k);
    const s = service.get(k);
    result.cases++;
    if (t) result.truth[t]++;
    if (t === s) result.agree++;
    else {
      const pair = `${t ?? 'none'}→${s ?? 'none'}`;
      result.disagree[pair] = (result.disagree[pair] ?? 0) + 1;
    }
  }
  return result;
}
