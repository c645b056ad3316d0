// Names and DDL of the per-extract partitions of the typed rows tables. The statements run on the
// ingesting connection itself; identifiers come from a checked uuid and a known kind only.
import type { ExtractKind } from '@nonrecours/pseudo';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const rowsTable = (kind: ExtractKind) => `extract_rows_${kind}`;

export function partitionTable(kind: ExtractKind, extractId: string): string {
  if (!uuid.test(extractId)) throw new Error('extract id is not a uuid');
  return `extract_rows_${kind}_${extractId.replaceAll('-', '')}`;
}

/** Creates the partition of one extract, detached, with the check that makes attaching it instant. */
export function createPartitionSql(kind: ExtractKind, extractId: string): string {
  const table = partitionTable(kind, extractId);
  return `create table ${table} (like ${rowsTable(kind)} including defaults including constraints);
    alter table ${table} alter column extract_id set default '${extractId}'::uuid;
    alter table ${table} add constraint ${table}_one check (extract_id = '${extractId}'::uuid);`;
}

export const attachPartitionSql = (kind: ExtractKind, extractId: string) =>
  `alter table ${rowsTable(kind)} attach partition ${partitionTable(kind, extractId)} for values in ('${extractId}'::uuid)`;

export const dropPartitionSql = (kind: ExtractKind, extractId: string) =>
  `drop table if exists ${partitionTable(kind, extractId)}`;
