// `nonrecours reidentify`: finds, in the partner's own clear file, the people behind the cases the
// service returned, and writes them with the case columns to a contacts file. Local only: nothing is
// sent anywhere, and only counts are printed. Finding nobody at all fails (exit 1): it is almost
// always the wrong key, kind or clear file, never a result.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { keyCheckValue } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { jsonOutput, messages, printJson } from '../messages/language.ts';
import { asUtf8, parseEncoding } from '../toolkit/clear-encoding.ts';
import {
  inputSize,
  loadKey,
  type OutputFile,
  openOutput,
  parseKind,
  parseOptions,
  progressBar,
  required,
} from '../toolkit/command-options.ts';
import { caseKeyColumns, reidentifyStream } from '../toolkit/reidentify-stream.ts';

async function* counted(path: string, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const part of createReadStream(path)) {
    read += (part as Buffer).length;
    onBytes(read);
    yield part as Buffer;
  }
}

export async function run(argv: string[]): Promise<number> {
  const say = messages();
  const values = parseOptions(
    argv,
    {
      kind: { type: 'string' },
      cases: { type: 'string' },
      clear: { type: 'string' },
      'key-file': { type: 'string' },
      out: { type: 'string' },
      encoding: { type: 'string' },
    },
    say.reidentify.usage(caseKeyColumns),
  );
  if (!values) return 0;
  const kind = parseKind(values.kind);
  const encoding = parseEncoding(values.encoding);
  const key = await loadKey(required(values['key-file'], 'key-file'));
  const casesPath = required(values.cases, 'cases');
  const clearPath = required(values.clear, 'clear');
  const outPath = required(values.out, 'out');
  await inputSize(casesPath, say.files.cases);
  const size = await inputSize(clearPath, say.files.clear);
  let cases: Buffer;
  try {
    cases = await readFile(casesPath);
  } catch (error) {
    throw new UsageError(
      say.cannotRead(say.files.cases, casesPath, String((error as NodeJS.ErrnoException).code)),
    );
  }

  let out: OutputFile | undefined;
  try {
    out = await openOutput(outPath);
    const progress = progressBar(say.progress.reidentify, size);
    const summary = await reidentifyStream({
      kind,
      key,
      cases,
      clear: asUtf8(counted(clearPath, progress.update), encoding, say.files.clear),
      output: out.stream,
    }).finally(() => progress.stop());
    const kcv = keyCheckValue(key);
    const nobody = summary.cases > 0 && summary.casesMatched === 0;
    if (nobody) await out.discard();
    else await out.commit();
    if (jsonOutput()) {
      printJson({
        contacts: nobody ? null : outPath,
        cases: summary.cases,
        cases_found: summary.casesMatched,
        cases_not_found: summary.casesUnmatched,
        contacts_written: summary.contactsWritten,
        clear_rows_skipped: summary.clearRowsSkipped,
        kcv,
      });
    }
    if (nobody) {
      console.error(`nonrecours reidentify: ${say.reidentify.nobody(summary.cases, kcv)}`);
      return 1;
    }
    console.error(
      say.reidentify.written(summary.contactsWritten, outPath, summary.casesMatched, summary.cases),
    );
    if (summary.casesUnmatched > 0)
      console.error(say.reidentify.unmatched(summary.casesUnmatched, clearPath));
    if (summary.clearRowsSkipped > 0)
      console.error(say.reidentify.skipped(summary.clearRowsSkipped, clearPath));
    return 0;
  } catch (error) {
    await out?.discard();
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as NodeJS.ErrnoException).syscall === 'write')
      throw new UsageError(say.cannotWrite(outPath, String(code)));
    throw error;
  }
}
