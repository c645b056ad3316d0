// `nonrecours pseudonym`: the pseudonym of one person (or of each line's person), as the extracts
// carry it, to register an opposition or answer a person's request. The NIR or identity is read from
// standard input, never from the arguments (they stay in the shell's history and in `ps`), and never
// echoed: a bad line is named by its number and what is wrong with it.

import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { createPseudonymiser, firstGivenName, isIsoDate, normaliseName, parseNir } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { jsonOutput, messages, printJson } from '../messages/language.ts';
import { asUtf8, parseEncoding } from '../toolkit/clear-encoding.ts';
import { loadKey, parseKind, parseOptions, required } from '../toolkit/command-options.ts';
import { dateErrorCode, nirErrorCode } from '../toolkit/excel-habits.ts';

type Pseudonym = { line: number; column: 'person_pseudo' | 'identity_pseudo'; pseudonym: string };

const options = {
  kind: { type: 'string' },
  'key-file': { type: 'string' },
  encoding: { type: 'string' },
} as const;

/** Refuses any argument that is not an option, without repeating it. */
function refusePositionals(argv: string[]): void {
  let positionals: string[] = [];
  try {
    ({ positionals } = parseArgs({ args: argv, options, strict: false, allowPositionals: true }));
  } catch {
    return; // parseOptions reports it
  }
  if (positionals.length > 0) throw new UsageError(messages().pseudonym.argv);
}

export async function run(argv: string[]): Promise<number> {
  const say = messages();
  refusePositionals(argv);
  const values = parseOptions(argv, options, say.pseudonym.usage);
  if (!values) return 0;
  const kind = parseKind(values.kind);
  const encoding = parseEncoding(values.encoding);
  const pseudonymiser = createPseudonymiser(await loadKey(required(values['key-file'], 'key-file')));
  if (process.stdin.isTTY) console.error(say.pseudonym.terminal);
  const input = await text(asUtf8(process.stdin, encoding, say.files.stdin));

  const found: Pseudonym[] = [];
  input.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const bad = (reason: string) => new UsageError(say.pseudonym.bad(index + 1, reason));
    const parts = line.split(';').map((p) => p.trim());
    if (parts.length === 3) {
      const [family, given, birthDate] = parts as [string, string, string];
      if (normaliseName(family) === '') throw bad(say.pseudonym.nameWithoutLetters);
      if (!isIsoDate(birthDate)) throw bad(say.rowCode(dateErrorCode(birthDate)));
      const identity = {
        family: normaliseName(family),
        given: normaliseName(firstGivenName(given)),
        birthDate,
      };
      found.push({
        line: index + 1,
        column: 'identity_pseudo',
        pseudonym: pseudonymiser.identityPseudoOf(identity),
      });
      return;
    }
    if (parts.length !== 1 || kind === 'landlord') throw bad(say.pseudonym.identityShape);
    const nir = parseNir(line);
    if (!nir.ok) throw bad(say.rowCode(nirErrorCode(line, nir.reason)));
    found.push({
      line: index + 1,
      column: 'person_pseudo',
      pseudonym: pseudonymiser.personPseudoOfNir13(nir.nir13),
    });
  });
  if (found.length === 0) throw new UsageError(say.pseudonym.nothing);
  if (jsonOutput()) printJson(found);
  else process.stdout.write(found.map((f) => `${f.pseudonym}\n`).join(''));
  return 0;
}
