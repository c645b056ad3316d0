#!/usr/bin/env node
// The partner toolkit as installed on a partner's machine (`npm i -g` of its packed tarball): the
// partner's commands only; the operator's live in the service's checkout.

import { runCli } from './cli-main.ts';
import { operatorCommandNames, toolkitCommands } from './toolkit-commands.ts';

process.exitCode = await runCli(toolkitCommands, process.argv.slice(2), operatorCommandNames);
