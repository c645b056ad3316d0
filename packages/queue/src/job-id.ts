// Deterministic job ids: the same work always gets the same id, so adding it twice while the first is
// still known to the queue is a no-op. BullMQ refuses ids containing `:` (its key separator) and ids that
// look like integers (it generates those itself); both adapters apply the same rules.
import { InvalidJobError } from './job-errors.ts';

/** Refuses an id part that would break the key layout. */
export function assertIdPart(part: string, what: string): void {
  if (part === '') throw new InvalidJobError(what, ['an id part is empty']);
  if (part.includes(':')) throw new InvalidJobError(what, [`'${part}' contains ':'`]);
}

export function assertJobId(id: string, jobName: string): void {
  assertIdPart(id, jobName);
  if (`${Number.parseInt(id, 10)}` === id) {
    throw new InvalidJobError(jobName, [`job id '${id}' is an integer; BullMQ reserves those`]);
  }
}

/** Builds a job id from parts joined with `_`, e.g. `jobId('extract.ingest', extractId)`. */
export function jobId(...parts: (string | number)[]): string {
  if (parts.length === 0) throw new InvalidJobError('(job id)', ['no parts given']);
  const text = parts.map(String);
  for (const part of text) assertIdPart(part, '(job id)');
  const id = text.join('_');
  assertJobId(id, '(job id)');
  return id;
}
