// The working tables of one run: the linked rows it evaluates and the results its partitions write.
// Unlogged (they are rebuilt from the extracts if lost) and dropped when the run ends.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface RunTables {
  health: string;
  family: string;
  retirees: string;
  tenants: string;
  results: string;
}

export function runTables(runId: string): RunTables {
  if (!uuid.test(runId)) throw new Error('run id is not a uuid');
  const base = `run_${runId.replaceAll('-', '')}`;
  return {
    health: `${base}_health`,
    family: `${base}_family`,
    retirees: `${base}_retirees`,
    tenants: `${base}_tenants`,
    results: `${base}_results`,
  };
}

export const dropRunTablesSql = (runId: string) =>
  `drop table if exists ${Object.values(runTables(runId)).join(', ')}`;

/**
 * The order a partition reads each working table in (rows of one household together, its
 * allocataire first). The link stage writes each table and indexes it in this order after `part`,
 * so that a partition reads its own pages, already sorted.
 */
export const partitionOrder = {
  family: `extract_id, household_pseudo collate "C", (role <> 'allocataire'), person_pseudo collate "C"`,
  retirees: `person_pseudo collate "C", extract_id`,
  tenants: `extract_id, household_pseudo collate "C", tid`,
} as const;
