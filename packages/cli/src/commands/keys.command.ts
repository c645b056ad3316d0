// `nonrecours keys`: create a convention key file, or print the key check value of one. The key
// itself is never printed: only the kcv, which the convention registers and uploads carry.

import { writeFile } from 'node:fs/promises';
import { formatKey, generateKey, keyCheckValue } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { jsonOutput, messages, printJson } from '../messages/language.ts';
import { loadKey, parseOptions, required } from '../toolkit/command-options.ts';

export async function run(argv: string[]): Promise<number> {
  const usage = messages().keys.usage;
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
        code === 'EEXIST' ? messages().keys.exists(out) : messages().cannotWrite(out, String(code)),
      );
    }
    if (jsonOutput()) printJson({ key_file: out, kcv: keyCheckValue(key) });
    else console.log(keyCheckValue(key));
    console.error(messages().keys.written(out));
    return 0;
  }
  if (action === 'kcv') {
    const values = parseOptions(rest, { 'key-file': { type: 'string' } }, usage);
    if (!values) return 0;
    const kcv = keyCheckValue(await loadKey(required(values['key-file'], 'key-file')));
    if (jsonOutput()) printJson({ kcv });
    else console.log(kcv);
    return 0;
  }
  if (action === '--help' || action === '-h') {
    console.log(usage);
    return 0;
  }
  throw new UsageError(`${messages().unknownAction(action)}\n\n${usage}`);
}
