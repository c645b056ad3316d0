// The Grafana dashboard in deploy/grafana charts only metrics the processes expose.
import { readFile } from 'node:fs/promises';
import { metricsRegistry } from '@nonrecours/core';
import { expect, it } from 'vitest';

it('queries only metrics the registry declares', async () => {
  const dashboard = JSON.parse(
    await readFile(new URL('../../deploy/grafana/nonrecours-dashboard.json', import.meta.url), 'utf8'),
  ) as { panels: { type: string; targets?: { expr: string }[] }[] };
  const declared = new Set(
    (await metricsRegistry.getMetricsAsJSON()).flatMap((m) =>
      String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name],
    ),
  );
  const queried = dashboard.panels
    .flatMap((p) => p.targets ?? [])
    .flatMap((t) => t.expr.match(/\bnonrecours_[a-z0-9_]+/g) ?? []);
  expect(queried.length).toBeGreaterThan(15);
  expect(queried.filter((name) => !declared.has(name))).toEqual([]);
});
