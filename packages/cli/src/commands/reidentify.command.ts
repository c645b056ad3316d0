// `nonrecours reidentify`: finds, in the partner's own clear file, the people behind the cases the
// service returned, and writes them with the case columns to a contacts file. Local only: nothing is
// sent anywhere, and only counts are printed.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../cli-error.ts';
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

const usage = `usage: nonrecours reidentify --kind KIND --cases CASES.csv --clear CLEAR.csv --key-file KEY
                             --out CONTACTS.csv

  --kind      the kind of your clear file: caf, cpam, msa, carsat or landlord
  --cases     the cases from the service, with ${caseKeyColumns.join(', ')} (at least one);
              a case is looked up by the first of them it has a value for
  --clear     your clear file, as given to 'nonrecours pseudonymise'
  --key-file  the convention key file
  --out       the contacts to write: the case columns, then the matching clear row's`;

async function* counted(path: string, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const part of createReadStream(path)) {
    read += (part as Buffer).length;
    onBytes(read);
    yield part as Buffer;
  }
}

export async function run(argv: string[]): Promise<number> {
  const values = parseOptions(
    argv,
    {
      kind: { type: 'string' },
      cases: { type: 'string' },
      clear: { type: 'string' },
      'key-file': { type: 'string' },
      out: { type: 'string' },
    },
    usage,
  );
  if (!values) return 0;
  const kind = parseKind(values.kind);
  const key = await loadKey(required(values['key-file'], 'key-file'));
  const casesPath = required(values.cases, 'cases');
  const clearPath = required(values.clear, 'clear');
  const outPath = required(values.out, 'out');
  await inputSize(casesPath, 'the cases file');
  const size = await inputSize(clearPath, 'the clear file');
  let cases: Buffer;
  try {
    cases = await readFile(casesPath);
  } catch (error) {
    throw new UsageError(
      `cannot read the cases file ${casesPath} (${(error as NodeJS.ErrnoException).code})`,
    );
  }

  let out: OutputFile | undefined;
  try {
    out = await openOutput(outPath);
    const progress = progressBar('reidentify', size);
    const summary = await reidentifyStream({
      kind,
      key,
      cases,
      clear: counted(clearPath, progress.update),
      output: out.stream,
    });
    progress.stop();
    await out.commit();
    console.error(
      `${summary.contactsWritten} contacts written to ${outPath}: ${summary.casesMatched} of ${summary.cases} cases found`,
    );
    if (summary.casesUnmatched > 0) {
      console.error(`warning: cases matching nobody in ${clearPath}: ${summary.casesUnmatched}`);
    }
    if (summary.clearRowsSkipped > 0) {
      console.error(`warning: rows of ${clearPath} without a usable identifier: ${summary.clearRowsSkipped}`);
    }
    return 0;
  } catch (error) {
    await out?.discard();
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as NodeJS.ErrnoException).syscall === 'write')
      throw new UsageError(`cannot write ${outPath} (${code})`);
    throw error;
  }
}
