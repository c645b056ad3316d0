// node [--cpu-prof] test/bench/stages.bench.ts [--database nonrecours_bench_cycle] [--concurrency 2] [--evaluate-only]
// One more run of the convention a kept `bench:cycle --keep` database holds, its stages called in this
// process one after the other (no queue): the wall time of link, of each partition, of finalise and
// their steps, to see where a run's time goes. The run is published like any other.
import { parseArgs } from 'node:util';
import { createDatabase } from '@nonrecours/db';
import { sql } from 'kysely';
import { prepareRun, publishRun, runPartition } from '../../packages/core/src/runs/runs.service.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'nonrecours_bench_cycle' },
    concurrency: { type: 'string', default: '2' },
    /** Leaves the run before finalise, its working tables in place, to look at the merge's plan. */
    'evaluate-only': { type: 'boolean', default: false },
  },
});
const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = `/${values.database}`;
const { db, pool, close } = createDatabase({ connectionString: url.toString() });
const seconds = (ms: number) => +(ms / 1000).toFixed(2);
try {
  const convention = await db
    .selectFrom('conventions')
    .select(['id', 'linkage_method'])
    .executeTakeFirstOrThrow();
  const run = await db
    .insertInto('runs')
    .values({
      convention_id: convention.id,
      rule_pack: 'fr.v1',
      dice_threshold: 0.8,
      linkage_method: convention.linkage_method,
      partitions: 1,
      started_by: 'bench',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let parts = 0;
  let t0 = performance.now();
  await prepareRun(
    {
      db,
      pool,
      queue: {
        addFlow: async (flow) => {
          parts = flow.children.length;
          return { id: 'stages-bench' };
        },
      },
    },
    run.id,
  );
  const linkMs = performance.now() - t0;
  t0 = performance.now();
  const partMs: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(values.concurrency) }, async () => {
      for (let part = next++; part < parts; part = next++) {
        const p0 = performance.now();
        await runPartition({ db, pool }, run.id, part);
        partMs[part] = Math.round(performance.now() - p0);
      }
    }),
  );
  const evaluateMs = performance.now() - t0;
  if (values['evaluate-only']) {
    console.log(JSON.stringify({ run: run.id, link_s: seconds(linkMs), evaluate_s: seconds(evaluateMs) }));
  } else {
    t0 = performance.now();
    await publishRun({ db }, run.id);
    const finaliseMs = performance.now() - t0;
    const done = await sql<{ status: string; report: { linkage: { timings: unknown }; timings: unknown } }>`
      select status, report from runs where id = ${run.id}`.execute(db);
    const r = done.rows[0]!;
    console.log(
      JSON.stringify(
        {
          status: r.status,
          link_s: seconds(linkMs),
          evaluate_s: seconds(evaluateMs),
          finalise_s: seconds(finaliseMs),
          partitions_ms: partMs,
          link: r.report.linkage.timings,
          timings: r.report.timings,
          rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      ),
    );
  }
} finally {
  await close();
}
