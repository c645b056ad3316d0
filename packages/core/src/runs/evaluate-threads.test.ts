import { isDatabaseUnavailable } from '@nonrecours/db';
import { afterAll, describe, expect, it } from 'vitest';
import { closeEvaluateThreads, evaluateOnThread } from './evaluate-threads.ts';

afterAll(() => closeEvaluateThreads());

describe('evaluateOnThread', () => {
  it('hands back a failure of the thread with its driver code, so a job retries it as it would in process', async () => {
    const failure = await evaluateOnThread({
      connectionString: 'postgres://postgres@127.0.0.1:1/nowhere',
      run: {
        id: '00000000-0000-4000-8000-000000000000',
        conventionId: '00000000-0000-4000-8000-000000000001',
        asOf: '2026-10',
        rulePack: 'fr.v1',
        extracts: [],
      },
      part: 0,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });
});
