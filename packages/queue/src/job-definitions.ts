// The typed job registry: the application maps each job name to the zod schema of its payload.
// Payloads carry ids (never data or secrets) and may carry a correlationId that ties the job's logs
// to the request or run that caused it, so every schema gets that optional field here.
import { z } from 'zod';
import { InvalidJobError } from './job-errors.ts';

export type JobSchemas = Record<string, z.ZodObject>;

type WithCorrelation<T> = T & { correlationId?: string | undefined };

/** What a producer passes to `add` for a job whose payload schema is S. */
export type JobInput<S extends z.ZodObject> = WithCorrelation<z.input<S>>;
/** What the handler of that job receives, after validation. */
export type JobPayload<S extends z.ZodObject> = WithCorrelation<z.output<S>>;

export type JobName<T extends JobSchemas> = keyof T & string;

export interface JobDefinitions<T extends JobSchemas = JobSchemas> {
  readonly names: readonly JobName<T>[];
  readonly schemas: { readonly [N in keyof T]: z.ZodType<JobPayload<T[N]>, JobInput<T[N]>> };
}

/** A job name is dotted lowercase words (`extract.ingest`): BullMQ keys and ids must not contain `:`. */
const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;

/** Payloads carry ids; anything bigger than this is data that belongs in PostgreSQL, not Redis. */
export const MAX_PAYLOAD_BYTES = 4096;

const correlationId = z.string().min(1).max(200).optional();

export function defineJobs<const T extends JobSchemas>(schemas: T): JobDefinitions<T> {
  const names = Object.keys(schemas) as JobName<T>[];
  const badNames = names.filter((name) => !JOB_NAME.test(name));
  if (badNames.length > 0) {
    throw new Error(
      `job names must be dotted lowercase words such as 'extract.ingest': ${badNames.map((n) => `'${n}'`).join(', ')}`,
    );
  }
  const extended: Record<string, z.ZodType> = {};
  for (const name of names) {
    const schema = schemas[name]!;
    // A schema that declares its own (stricter) correlationId keeps it.
    extended[name] = 'correlationId' in schema.shape ? schema : schema.extend({ correlationId });
  }
  // extend() keeps each schema's own types plus correlationId; TypeScript cannot follow that through
  // the mapped record, hence the one cast.
  return Object.freeze({
    names: Object.freeze(names),
    schemas: Object.freeze(extended) as JobDefinitions<T>['schemas'],
  });
}

function schemaOf(definitions: JobDefinitions, name: string): z.ZodType | undefined {
  return Object.hasOwn(definitions.schemas, name) ? definitions.schemas[name] : undefined;
}

const describeIssues = (error: z.ZodError): string[] =>
  error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);

/**
 * Validates a payload before it is enqueued and returns what gets stored: the parsed payload, so that
 * unknown keys (stray data) never reach Redis. Schemas must therefore accept their own output, which
 * plain id fields do; transforms to non-JSON values do not belong in job payloads.
 */
export function payloadToStore(definitions: JobDefinitions, name: string, payload: unknown): unknown {
  const schema = schemaOf(definitions, name);
  if (!schema) throw new InvalidJobError(name, [`no job named '${name}' is defined`]);
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidJobError(name, describeIssues(result.error));
  const bytes = Buffer.byteLength(JSON.stringify(result.data));
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new InvalidJobError(name, [
      `payload is ${bytes} bytes (max ${MAX_PAYLOAD_BYTES}): payloads carry ids, not data`,
    ]);
  }
  return result.data;
}

export type HandledPayload = { ok: true; payload: unknown } | { ok: false; problems: string[] };

/** Validates a stored payload again when it is handled: a producer may run an older schema. */
export function payloadToHandle(definitions: JobDefinitions, name: string, data: unknown): HandledPayload {
  const schema = schemaOf(definitions, name);
  if (!schema) return { ok: false, problems: [`no job named '${name}' is defined`] };
  const result = schema.safeParse(data);
  return result.success
    ? { ok: true, payload: result.data }
    : { ok: false, problems: describeIssues(result.error) };
}
