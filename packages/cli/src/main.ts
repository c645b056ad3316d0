#!/usr/bin/env node
// The `nonrecours` command of the service's checkout (`pnpm nonrecours …`): the partner toolkit and
// the operator's commands (synthetic territories, admin). The partner toolkit alone, installable
// anywhere, is toolkit-main.ts.

import { runCli } from './cli-main.ts';
import { takeGlobalOptions } from './messages/language.ts';
import { operatorCommands } from './operator-commands.ts';
import { toolkitCommands } from './toolkit-commands.ts';

// `pnpm nonrecours` runs in the checkout's root: paths given by the caller are relative to the folder
// the caller was in (pnpm's INIT_CWD). The operator's admin command stays in the checkout, whose
// service (embedded database, key files) it works on.
const viaPnpm = process.env.npm_lifecycle_event === 'nonrecours' && process.env.INIT_CWD;
const global = takeGlobalOptions(process.argv.slice(2), process.env);
const command = 'argv' in global ? global.argv[0] : undefined;
if (viaPnpm && command !== 'admin') process.chdir(process.env.INIT_CWD!);

process.exitCode = await runCli({ ...toolkitCommands, ...operatorCommands }, process.argv.slice(2));
