// `pnpm --filter @nonrecours/cli pack:toolkit [DIR]`: builds and packs the partner toolkit into DIR
// (packages/cli/dist by default) and prints the tarball's path, for `npm i -g <tarball>`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packToolkit } from './toolkit-bundle.ts';

const outDir = path.resolve(
  process.env.INIT_CWD ?? process.cwd(),
  process.argv[2] ?? fileURLToPath(new URL('../../dist', import.meta.url)),
);
console.log(await packToolkit(outDir));
