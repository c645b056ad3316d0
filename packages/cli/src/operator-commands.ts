// The commands of the service's own installation, which work on its database and files: never in the
// partner toolkit's bundle.

import type { Command } from './cli-main.ts';
import type { operatorCommandNames } from './toolkit-commands.ts';

export const operatorCommands: Record<(typeof operatorCommandNames)[number], Command> = {
  synth: { load: () => import('./commands/synth.command.ts') },
  admin: { load: () => import('./commands/admin.command.ts') },
};
