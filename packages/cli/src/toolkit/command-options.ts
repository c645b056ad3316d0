// What the toolkit commands share at their edge: option parsing with usable messages, the key file,
// the extract kind, files to read and write, and a progress bar that appears only on a terminal.

import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { type ExtractKind, extractKinds, KeyFormatError, readKeyFile } from '@nonrecours/pseudo';
import { SingleBar } from 'cli-progress';
import { UsageError } from '../cli-error.ts';
import { language, messages } from '../messages/language.ts';

type Values<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true }>
>['values'];

/**
 * Parses `argv` against `options`; undefined when --help was asked (the usage is then printed).
 * Unknown options and stray arguments are UsageErrors that carry the usage.
 */
export function parseOptions<T extends ParseArgsOptionsConfig>(
  argv: string[],
  options: T,
  usage: string,
): Values<T> | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return undefined;
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Values<T>;
  } catch (error) {
    throw new UsageError(`${optionProblem(error)}\n\n${usage}`);
  }
}

/** parseArgs's error in the user's language; a stray argument is never repeated (it may be a NIR). */
export function optionProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const name = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return messages().unknownOption(name);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return messages().optionNeedsValue(name);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return messages().unexpectedArgument;
  return messages().optionError(message);
}

/** The value of a required option, or a UsageError naming it. */
export function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(messages().required(name));
  return value;
}

export function parseKind(value: string | undefined): ExtractKind {
  const kind = required(value, 'kind');
  if (!(extractKinds as readonly string[]).includes(kind)) {
    throw new UsageError(messages().unknownKind(kind, extractKinds));
  }
  return kind as ExtractKind;
}

/** Reads the key file; a key readable by others gets a warning, as it would let them re-identify. */
export async function loadKey(path: string): Promise<Buffer> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    throw new UsageError(messages().keyFileUnreadable(path, String((error as NodeJS.ErrnoException).code)));
  }
  if ((mode & 0o077) !== 0) console.error(messages().keyFileReadable(path));
  try {
    return await readKeyFile(path);
  } catch (error) {
    if (error instanceof KeyFormatError) throw new UsageError(messages().notAKeyFile(path, error.message));
    throw new UsageError(messages().keyFileUnreadable(path, String((error as NodeJS.ErrnoException).code)));
  }
}

/** The size of an input file, or a UsageError when it cannot be read. */
export async function inputSize(path: string, what: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(messages().notAFile(what, path));
    return info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(messages().cannotRead(what, path, String((error as NodeJS.ErrnoException).code)));
  }
}

/** A file written under a temporary name and put in place only by `commit`, never left half-written. */
export type OutputFile = { stream: WriteStream; commit(): Promise<void>; discard(): Promise<void> };

export async function openOutput(path: string): Promise<OutputFile> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(messages().cannotWrite(path, String(error.code)))),
    );
  });
  // From now on write errors reach the writer (stream-writes.ts) rather than crash the process.
  stream.on('error', () => {});
  return {
    stream,
    commit: () => rename(partial, path),
    async discard() {
      stream.destroy();
      await rm(partial, { force: true });
    },
  };
}

export type Progress = { update(value: number): void; stop(): void };

/** A progress bar on stderr, only when stderr is a terminal (never in logs or pipes). */
export function progressBar(label: string, totalBytes: number): Progress {
  if (!process.stderr.isTTY || totalBytes === 0) return { update() {}, stop() {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage} % | {done}/{size} ${messages().progress.mb} | ${messages().progress.eta} {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
  });
  const mb = (n: number) =>
    (n / 1e6).toLocaleString(language(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  bar.start(totalBytes, 0, { done: mb(0), size: mb(totalBytes) });
  return {
    update: (value) => bar.update(value, { done: mb(value) }),
    stop: () => bar.stop(),
  };
}
