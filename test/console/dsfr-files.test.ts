// The console serves only the DSFR files its pages use (stylesheets, scripts, favicon, and the fonts
// and icons the stylesheets name), and the image build keeps exactly those.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dsfrFiles, dsfrPackage } from '@nonrecours/api/console/dsfr-files.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const prune = fileURLToPath(new URL('../../services/api/src/console/dsfr-prune.cli.ts', import.meta.url));

describe('DSFR files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves what the pages link to and the fonts and icons of their stylesheets, nothing else', async () => {
    const page = await t.app.inject({ url: '/console/connexion' });
    const linked = [...page.body.matchAll(/(?:href|src)="\/console\/dsfr\/([^"]+)"/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThanOrEqual(5);
    const served = dsfrFiles();
    for (const file of linked) expect(served.has(file), file).toBe(true);
    for (const file of [...linked, 'fonts/Marianne-Regular.woff2', 'icons/system/check-line.svg']) {
      expect(served.has(file), file).toBe(true);
      expect((await t.app.inject({ url: `/console/dsfr/${file}` })).statusCode, file).toBe(200);
    }
    for (const file of ['dsfr.css', 'dsfr.min.css.map', 'component/button/button.min.css', '../package.json'])
      expect((await t.app.inject({ url: `/console/dsfr/${file}` })).statusCode, file).toBe(404);
  });

  it('keeps only those files when the image prunes the package', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-dsfr-'));
    try {
      const copy = path.join(dir, 'dsfr');
      cpSync(dsfrPackage, copy, { recursive: true });
      await promisify(execFile)(process.execPath, [prune, '--delete', '--package', copy]);
      const left = (readdirSync(copy, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(copy, path.join(entry.parentPath, entry.name)))
        .sort();
      const expected = [
        'package.json',
        ...[...dsfrFiles(path.join(copy, 'dist'))].map((f) => `dist/${f}`),
      ].sort();
      expect(left).toEqual(expected);
      await expect(promisify(execFile)(process.execPath, [prune])).rejects.toMatchObject({ code: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
