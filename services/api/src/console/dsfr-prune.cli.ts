// Image build step: deletes every file of the installed DSFR package that the console does not serve.
// `node services/api/src/console/dsfr-prune.cli.ts --delete [--package DIR]` (refuses to run without
// the flag: it would strip a development checkout's own node_modules). DIR: another copy to prune.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { dsfrDist, dsfrFiles, dsfrPackage } from './dsfr-files.ts';

if (!process.argv.includes('--delete')) {
  console.error('usage: dsfr-prune.cli.ts --delete   (for the image build: deletes unserved DSFR files)');
  process.exit(2);
}
const at = process.argv.indexOf('--package');
const root = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : dsfrPackage;
const dist = at > 0 ? path.join(root, 'dist') : dsfrDist;
const keep = new Set([...dsfrFiles(dist)].map((file) => path.join(dist, file)));
keep.add(path.join(root, 'package.json'));
let removed = 0;
let kept = 0;
function prune(dir: string): boolean {
  let empty = true;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (prune(file)) rmSync(file, { recursive: true });
      else empty = false;
    } else if (keep.has(file)) {
      kept += statSync(file).size;
      empty = false;
    } else {
      removed += statSync(file).size;
      rmSync(file);
    }
  }
  return empty;
}
prune(root);
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
console.error(`DSFR: kept ${mb(kept)} (${keep.size} files), removed ${mb(removed)}`);
