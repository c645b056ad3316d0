import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJobs } from './job-definitions.ts';
import { JobHandlersError } from './job-errors.ts';
import { checkHandlers } from './job-handlers.ts';

const definitions = defineJobs({
  'extract.ingest': z.object({ extractId: z.uuid() }),
  'retention.purge': z.object({}),
});
const handle = async () => null;

describe('checkHandlers (the boot check)', () => {
  it('accepts exactly one handler per defined job', () => {
    expect(() =>
      checkHandlers(definitions, { 'extract.ingest': handle, 'retention.purge': handle }),
    ).not.toThrow();
  });

  it('lists every missing, extra and malformed handler', () => {
    const check = () => checkHandlers(definitions, { 'retention.purge': 'purge', 'extract.ingst': handle });
    expect(check).toThrow(JobHandlersError);
    expect(check).toThrow(
      expect.objectContaining({
        problems: [
          "job 'extract.ingest' has no handler",
          "the handler of job 'retention.purge' is not a function",
          "handler 'extract.ingst' has no job definition",
        ],
      }),
    );
  });
});
