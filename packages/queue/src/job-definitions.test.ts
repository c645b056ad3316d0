import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJobs, MAX_PAYLOAD_BYTES, payloadToHandle, payloadToStore } from './job-definitions.ts';
import { InvalidJobError } from './job-errors.ts';
import { jobId } from './job-id.ts';

const extractId = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';

const definitions = defineJobs({
  'extract.ingest': z.object({ extractId: z.uuid() }),
  'audit.note': z.object({ text: z.string() }),
  'run.start': z.object({ runId: z.uuid(), correlationId: z.uuid() }),
});

describe('defineJobs', () => {
  it('lists the job names', () => {
    expect(definitions.names).toEqual(['extract.ingest', 'audit.note', 'run.start']);
  });

  it('refuses names that are not dotted lowercase words', () => {
    const make = () =>
      defineJobs({ 'extract:ingest': z.object({}), 'Run.Start': z.object({}), ok: z.object({}) });
    expect(make).toThrow(/'extract:ingest', 'Run\.Start'/);
  });

  it('lets every payload carry an optional correlationId', () => {
    const schema = definitions.schemas['extract.ingest'];
    expect(schema.parse({ extractId })).toEqual({ extractId });
    expect(schema.parse({ extractId, correlationId: 'req-7' })).toEqual({
      extractId,
      correlationId: 'req-7',
    });
    expect(schema.safeParse({ extractId, correlationId: '' }).success).toBe(false);
  });

  it("keeps a schema's own correlationId", () => {
    const runId = extractId;
    expect(definitions.schemas['run.start'].safeParse({ runId }).success).toBe(false);
    expect(definitions.schemas['run.start'].safeParse({ runId, correlationId: 'req-7' }).success).toBe(false);
  });
});

describe('payloadToStore', () => {
  it('stores the parsed payload, without keys the schema does not know', () => {
    expect(payloadToStore(definitions, 'extract.ingest', { extractId, rows: [1, 2, 3] })).toEqual({
      extractId,
    });
  });

  it('refuses an unknown job, an invalid payload and an oversized one', () => {
    expect(() => payloadToStore(definitions, 'extract.unknown', {})).toThrow(InvalidJobError);
    expect(() => payloadToStore(definitions, 'extract.ingest', { extractId: 'x' })).toThrow(/extractId/);
    const text = 'x'.repeat(MAX_PAYLOAD_BYTES);
    expect(() => payloadToStore(definitions, 'audit.note', { text })).toThrow(/payloads carry ids/);
  });

  it('refuses keys inherited from Object.prototype as job names', () => {
    expect(() => payloadToStore(definitions, 'toString', {})).toThrow(InvalidJobError);
    expect(payloadToHandle(definitions, 'constructor', {})).toMatchObject({ ok: false });
  });
});

describe('payloadToHandle', () => {
  it('returns the parsed payload or the problems', () => {
    expect(payloadToHandle(definitions, 'extract.ingest', { extractId })).toEqual({
      ok: true,
      payload: { extractId },
    });
    const invalid = payloadToHandle(definitions, 'extract.ingest', { extractId: 42 });
    expect(invalid).toMatchObject({ ok: false, problems: [expect.stringContaining('extractId')] });
  });
});

describe('jobId', () => {
  it('joins its parts with _', () => {
    expect(jobId('extract.ingest', extractId)).toBe(`extract.ingest_${extractId}`);
    expect(jobId('run.partition', 'r1', 7)).toBe('run.partition_r1_7');
  });

  it('refuses :, empty parts, no parts and integer ids', () => {
    expect(() => jobId('extract.ingest', 'a:b')).toThrow(InvalidJobError);
    expect(() => jobId('extract.ingest', '')).toThrow(InvalidJobError);
    expect(() => jobId()).toThrow(InvalidJobError);
    expect(() => jobId(42)).toThrow(/integer/);
  });
});
