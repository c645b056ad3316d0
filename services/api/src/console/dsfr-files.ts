// The DSFR files the console serves: the stylesheets, scripts and favicon its layout links to, and
// every font and icon those stylesheets name. Nothing else of the package is served, and the image
// keeps nothing else of it (dsfr-prune.cli.ts): the package weighs 128 MB, these files a few.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const dsfrPackage = path.dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json'));
export const dsfrDist = path.join(dsfrPackage, 'dist');

/** What layout.ts links to, under /console/dsfr/. */
export const dsfrEntries = [
  'dsfr.min.css',
  'utility/utility.min.css',
  'dsfr.module.min.js',
  'dsfr.nomodule.min.js',
  'favicon/favicon.svg',
] as const;

/** The entries and the files their stylesheets refer to, as paths relative to dist/. */
export function dsfrFiles(dist = dsfrDist): Set<string> {
  const files = new Set<string>(dsfrEntries);
  for (const entry of dsfrEntries) {
    if (!entry.endsWith('.css')) continue;
    const css = readFileSync(path.join(dist, entry), 'utf8');
    for (const [, quoted, bare] of css.matchAll(/url\(\s*(?:"([^"]*)"|'[^']*'|([^)"'\s]*))\s*\)/g)) {
      const ref = (quoted ?? bare ?? '').split(/[?#]/)[0]!;
      if (!ref || ref.startsWith('data:') || /^[a-z]+:/i.test(ref)) continue;
      files.add(path.posix.normalize(path.posix.join(path.posix.dirname(entry), ref)));
    }
  }
  return files;
}
