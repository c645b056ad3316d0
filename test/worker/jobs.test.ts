// Jobs run through BullMQ on the real Redis, by the same handlers the worker service uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeConvention } from '../support/factories.ts';

describe('audit.verify job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await makeConvention(t.database.db);
    await t.startWorkers();
  });
  afterAll(() => t.close());

  it('verifies the chain in a worker and records the result in it', async () => {
    const { id } = await t.queue.add('audit.verify', {}, { jobId: 'audit-verify-test' });
    const result = (await t.queue.waitFor(id, 10_000)) as { ok: boolean; checked: number };
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(0);
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.verify')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ outcome: 'success', record_count: result.checked, actor: 'worker' });
  });
});
