// `nonrecours pseudonymise`: turns a partner's clear file into an extract, on the partner's own
// machine. Refused rows go to the error file as line;column;code, never with their values.

import { createReadStream } from 'node:fs';
import { keyCheckValue } from '@nonrecours/pseudo';
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
import { pseudonymiseStream } from '../toolkit/pseudonymise-stream.ts';

const usage = `usage: nonrecours pseudonymise --kind KIND --key-file KEY --in CLEAR.csv --out EXTRACT.csv
                               [--errors ERRORS.csv] [--clk [--clk-version 2]] [--threads N]

  --kind      caf, cpam, msa, carsat or landlord (the clear columns of each: packages/pseudo/README.md)
  --key-file  the convention key file
  --in        the clear file (CSV, ';' or ',', UTF-8)
  --out       the extract to write
  --errors    where to list refused rows as line;column;code (no values)
  --clk       also compute identity_clk, the Bloom filter for fuzzy linkage
  --clk-version  1 (default, EXTRACTS.md) or 2 (every given name, family-name parts, birth date by
              component: packages/pseudo/CLK-V2.md); the service links v1 to v1 and v2 to v2
  --threads   threads to use (default: the available cores)`;

export async function run(argv: string[]): Promise<number> {
  const values = parseOptions(
    argv,
    {
      kind: { type: 'string' },
      'key-file': { type: 'string' },
      in: { type: 'string' },
      out: { type: 'string' },
      errors: { type: 'string' },
      clk: { type: 'boolean' },
      'clk-version': { type: 'string' },
      threads: { type: 'string' },
    },
    usage,
  );
  if (!values) return 0;
  const kind = parseKind(values.kind);
  const key = await loadKey(required(values['key-file'], 'key-file'));
  const input = required(values.in, 'in');
  const outPath = required(values.out, 'out');
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    throw new UsageError('--threads is a whole number from 1');
  }
  const clkVersion = values['clk-version'] ?? '1';
  if (clkVersion !== '1' && clkVersion !== '2') throw new UsageError('--clk-version is 1 or 2');
  if (values['clk-version'] !== undefined && !values.clk) throw new UsageError('--clk-version needs --clk');
  const size = await inputSize(input, 'the clear file');

  let out: OutputFile | undefined;
  let errors: OutputFile | undefined;
  try {
    out = await openOutput(outPath);
    errors = values.errors ? await openOutput(values.errors) : undefined;
    const progress = progressBar('pseudonymise', size);
    const summary = await pseudonymiseStream({
      kind,
      key,
      input: createReadStream(input),
      output: out.stream,
      errors: errors?.stream,
      clk: values.clk ?? false,
      clkVersion: clkVersion === '2' ? 2 : 1,
      threads,
      onProgress: (bytes) => progress.update(bytes),
    });
    progress.stop();

    const refused = Object.entries(summary.refusedByCode)
      .map(([code, n]) => `${code}: ${n}`)
      .join(', ');
    const errorsNote = values.errors ? `, listed in ${values.errors}` : ' (--errors FILE lists them)';
    await errors?.commit();
    if (summary.rowsWritten === 0) {
      await out.discard();
      console.error(
        summary.rowsRefused === 0
          ? 'nonrecours pseudonymise: the clear file has no rows'
          : `nonrecours pseudonymise: all ${summary.rowsRefused} rows were refused (${refused}); no extract written`,
      );
      return 1;
    }
    await out.commit();
    console.error(
      `${summary.rowsWritten} rows written to ${outPath} (schema ${summary.schema}, key check value ${keyCheckValue(key)})`,
    );
    if (summary.rowsRefused > 0) {
      console.error(`warning: ${summary.rowsRefused} rows refused (${refused})${errorsNote}`);
    }
    return 0;
  } catch (error) {
    await out?.discard();
    await errors?.discard();
    const code = (error as NodeJS.ErrnoException).code;
    if ((error as NodeJS.ErrnoException).syscall === 'write')
      throw new UsageError(`cannot write the output (${code})`);
    throw error;
  }
}
