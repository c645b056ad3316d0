#!/usr/bin/env node
// The `nonrecours` command: the partner toolkit (keys, pseudonymise, reidentify, upload),
// synthetic territories and operator tasks. Each command lives in commands/<name>.command.ts
// and exports `run(argv): Promise<number>` (the exit code).

type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  keys: {
    summary: 'generate a convention key file, or print its key check value',
    load: () => import('./commands/keys.command.ts'),
  },
  pseudonymise: {
    summary: 'turn a clear partner file into an extract, locally',
    load: () => import('./commands/pseudonymise.command.ts'),
  },
  reidentify: {
    summary: 'map returned cases back to your own people, locally',
    load: () => import('./commands/reidentify.command.ts'),
  },
  upload: {
    summary: 'stream an extract to the API and report its status',
    load: () => import('./commands/upload.command.ts'),
  },
  synth: {
    summary: 'generate a synthetic territory (clear files, extracts, key, ground truth)',
    load: () => import('./commands/synth.command.ts'),
  },
  admin: {
    summary: 'operator tasks: bootstrap, partners, conventions, members, clients',
    load: () => import('./commands/admin.command.ts'),
  },
  campaign: {
    summary: "a campaign's cohort to re-identify, and the contacts made recorded back",
    load: () => import('./commands/campaign.command.ts'),
  },
  letters: {
    summary: 'render one letter per person of a re-identified cohort (PDF and mail-merge CSV), locally',
    load: () => import('./commands/letters.command.ts'),
  },
  oppositions: {
    summary: 'register and list the oppositions (GDPR art. 21) of a convention',
    load: () => import('./commands/oppositions.command.ts'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: nonrecours <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'nonrecours <command> --help' for a command's options.`;
}

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  const unknown = name && !['-h', '--help', 'help'].includes(name);
  (unknown ? console.error : console.log)(
    unknown ? `nonrecours: unknown command '${name}'\n\n${usage()}` : usage(),
  );
  process.exit(unknown ? 2 : 0);
}
try {
  process.exitCode = await (await command.load()).run(rest);
} catch (error) {
  // Expected failures carry a message for people; anything else is a bug worth its stack.
  if (error instanceof Error && error.name === 'UsageError') {
    console.error(`nonrecours ${name}: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
