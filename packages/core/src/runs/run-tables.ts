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
