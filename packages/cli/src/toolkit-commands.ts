// The partner toolkit's commands: what a partner runs on its own machine, installed on its own
// (toolkit-main.ts, the bundle of `pnpm --filter @nonrecours/cli build`). They reach the service
// through its API only. A new command is one line here and a commands/<name>.command.ts.

import type { Command } from './cli-main.ts';

export const toolkitCommands: Record<string, Command> = {
  keys: { load: () => import('./commands/keys.command.ts') },
  pseudonymise: { load: () => import('./commands/pseudonymise.command.ts') },
  pseudonym: { load: () => import('./commands/pseudonym.command.ts') },
  upload: { load: () => import('./commands/upload.command.ts') },
  reidentify: { load: () => import('./commands/reidentify.command.ts') },
  oppositions: { load: () => import('./commands/oppositions.command.ts') },
};

/** The commands that live only in the service's own installation (operator-commands.ts). */
export const operatorCommandNames = ['synth', 'admin'] as const;
