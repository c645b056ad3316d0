import { isDatabaseUnavailable } from '@nonrecours/db';
import { afterAll, describe, expect, it } from 'vitest';
import { closeStageThreads, onStageThread } from './stage-threads.ts';

afterAll(() => closeStageThreads());

const unreachable = 'postgres://postgres@127.0.0.1:1/nowhere';
const runId = '00000000-0000-4000-8000-000000000000';

describe('onStageThread', () => {
  it.each([
    {
      stage: 'evaluate' as const,
      connectionString: unreachable,
      run: {
        id: runId,
        conventionId: '00000000-0000-4000-8000-000000000001',
        asOf: '2026-10',
        rulePack: 'fr.v1',
        extracts: [],
      },
      part: 0,
    },
    {
      stage: 'link' as const,
      connectionString: unreachable,
      run: {
        id: runId,
        partitions: 1,
        diceThreshold: 0.8,
        linkageMethod: 'probabilistic' as const,
        linkWeightThreshold: null,
      },
      extracts: [],
    },
  ])(
    'hands back a failure of the $stage thread with its driver code, so a job retries it as it would in process',
    async (task) => {
      const failure = await onStageThread(task).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
      expect(isDatabaseUnavailable(failure)).toBe(true);
    },
  );
});
