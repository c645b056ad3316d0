// Runs one `nonrecours` command: shared options (--lang, --json) first, then the command named by the
// first argument. Each command lives in commands/<name>.command.ts and exports `run(argv)`, which
// resolves to the exit code; a UsageError is a failure the user can fix (one line, exit 2).

import { messages, takeGlobalOptions } from './messages/language.ts';

export type Command = { load: () => Promise<{ run: (argv: string[]) => Promise<number> }> };

function usage(commands: Record<string, Command>): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.keys(commands).map(
    (name) => `  ${name.padEnd(width)}  ${messages().summaries[name] ?? ''}`,
  );
  return messages().usage(lines.join('\n'));
}

/**
 * Runs the command of `argv` among `commands`; `elsewhere` names the commands that exist only in
 * another installation (the operator's), so that asking for them says where they are.
 */
export async function runCli(
  commands: Record<string, Command>,
  argv: string[],
  elsewhere: readonly string[] = [],
): Promise<number> {
  const global = takeGlobalOptions(argv, process.env);
  if ('invalid' in global) {
    console.error(`nonrecours: ${messages().invalidLanguage(global.invalid)}`);
    return 2;
  }
  const [name, ...rest] = global.argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (name === undefined || ['-h', '--help', 'help'].includes(name)) {
      console.log(usage(commands));
      return 0;
    }
    const problem = elsewhere.includes(name)
      ? messages().operatorOnly(name)
      : `${messages().unknownCommand(name)}\n\n${usage(commands)}`;
    console.error(`nonrecours: ${problem}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (error) {
    // Expected failures carry a message for people; anything else is a bug worth its stack.
    if (error instanceof Error && error.name === 'UsageError') {
      console.error(`nonrecours ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
