// The language the toolkit speaks to people: French, or English with `--lang en` or a LANG (LC_ALL,
// LC_MESSAGES) starting with `en`. Codes for machines (row error codes, API codes, --json) never change.

import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';

export type Language = 'fr' | 'en';

let current: Language = 'fr';

/** The language of the environment: the first set of LC_ALL, LC_MESSAGES, LANG. */
export function languageOfEnvironment(env: NodeJS.ProcessEnv): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

let json = false;

/**
 * Takes the options every command shares out of the arguments, wherever they are: `--lang fr|en`
 * (or `--lang=…`; otherwise the environment's language) and `--json` (a JSON answer on stdout, and
 * nothing else there). Returns the other arguments, or the bad value of --lang.
 */
export function takeGlobalOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { argv: string[] } | { invalid: string } {
  const rest: string[] = [];
  let chosen: string | undefined;
  json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--lang') chosen = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) chosen = arg.slice('--lang='.length);
    else if (arg === '--json') json = true;
    else rest.push(arg);
  }
  current = languageOfEnvironment(env);
  if (chosen !== undefined && chosen !== 'fr' && chosen !== 'en') return { invalid: chosen };
  if (chosen !== undefined) current = chosen;
  return { argv: rest };
}

/** Whether the command answers in JSON on stdout (--json). */
export function jsonOutput(): boolean {
  return json;
}

/** The command's JSON answer: one document on stdout, the only thing written there. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}

/** The messages of the current language. */
export function messages(): Messages {
  return current === 'en' ? en : fr;
}
