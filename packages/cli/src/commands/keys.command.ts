// `nonrecours keys`: create a convention key file, or print the key check value of one. The key
// itself is never printed: only the kcv, which the convention registers and uploads carry.

import { writeFile } from 'node:fs/promises';
import { formatKey, generateKey, keyCheckValue } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { loadKey, parseOptions, required } from '../toolkit/command-options.ts';

const usage = `usage: nonrecours keys generate --out FILE
       nonrecours keys kcv --key-file FILE

  generate  write a new random convention key to FILE (mode 0600; an existing file is never
            overwritten) and print its key check value
  kcv       print the key check value of a key file`;

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'generate') {
    const values = parseOptions(rest, { out: { type: 'string' } }, usage);
    if (!values) return 0;
    const out = required(values.out, 'out');
    const key = generateKey();
    try {
      // 'wx' fails if the file exists: a convention key is never replaced by mistake.
      await writeFile(out, `${formatKey(key)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === 'EEXIST' ? `${out} already exists: not overwritten` : `cannot write ${out} (${code})`,
      );
    }
    console.log(keyCheckValue(key));
    console.error(`key written to ${out}; share it only through the convention's trusted third party`);
    return 0;
  }
  if (action === 'kcv') {
    const values = parseOptions(rest, { 'key-file': { type: 'string' } }, usage);
    if (!values) return 0;
    console.log(keyCheckValue(await loadKey(required(values['key-file'], 'key-file'))));
    return 0;
  }
  if (action === '--help' || action === '-h') {
    console.log(usage);
    return 0;
  }
  throw new UsageError(
    `${action === undefined ? 'an action is required' : `unknown action '${action}'`}\n\n${usage}`,
  );
}
