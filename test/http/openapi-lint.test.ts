// The committed OpenAPI document passes Redocly's `recommended` rules and Spectral's `spectral:oas`
// with no error and no warning (Redocly's findings kept on purpose are listed with their reasons in
// .redocly.lint-ignore.yaml).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

describe('OpenAPI lint', () => {
  it('Redocly recommended: 0 errors, 0 warnings', { timeout: 120_000 }, async () => {
    const { stdout } = await run(bin('redocly'), ['lint', 'openapi/openapi.json', '--format=json'], {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('Spectral spectral:oas: no finding', { timeout: 120_000 }, async () => {
    const { stdout } = await run(bin('spectral'), ['lint', 'openapi/openapi.json', '-f', 'json', '-q'], {
      cwd: root,
    });
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
