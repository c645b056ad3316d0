// The partner toolkit as a package of its own: toolkit-main.ts and its worker bundled by esbuild
// into two files with no dependency, and a package.json whose `bin` is `nonrecours`, packed by npm
// into a tarball that `npm i -g` or `npx` installs on a partner's machine without the registry.

import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const cliDir = fileURLToPath(new URL('../../', import.meta.url));
export const toolkitPackageName = '@nonrecours/toolkit';

/** Writes the bundle and its package.json into `outDir` (emptied first). */
export async function buildToolkit(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: {
      nonrecours: path.join(cliDir, 'src/toolkit-main.ts'),
      'pseudonymise.worker': path.join(cliDir, 'src/toolkit/pseudonymise.worker.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies (cli-progress) call require(): give the ES module one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const cli = JSON.parse(await readFile(path.join(cliDir, 'package.json'), 'utf8')) as { version: string };
  const manifest = {
    name: toolkitPackageName,
    version: cli.version,
    description: 'nonrecours partner toolkit: pseudonymise, upload, re-identify, register oppositions',
    license: 'EUPL-1.2',
    type: 'module',
    bin: { nonrecours: './nonrecours.mjs' },
    files: ['nonrecours.mjs', 'pseudonymise.worker.mjs'],
    engines: { node: '>=24' },
  };
  await writeFile(path.join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** npm from the PATH, run by the node that runs this (first on the PATH). */
export function npmCommand(): { file: string; env: NodeJS.ProcessEnv } {
  const bin = path.dirname(process.execPath);
  return {
    file: 'npm',
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_update_notifier: 'false',
    },
  };
}

/** Builds the toolkit into `outDir` and packs it there; returns the tarball's path. */
export async function packToolkit(outDir: string): Promise<string> {
  const packageDir = path.join(outDir, 'package');
  await buildToolkit(packageDir);
  const npm = npmCommand();
  const { stdout } = await promisify(execFile)(npm.file, ['pack', '--silent', '--pack-destination', outDir], {
    cwd: packageDir,
    env: npm.env,
  });
  return path.join(outDir, stdout.trim().split('\n').at(-1)!);
}
