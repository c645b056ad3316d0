// `nonrecours oppositions …`: operators and DPOs register the oppositions (GDPR art. 21) that reach
// them outside the API — a letter, a form, a partner's list — and read the convention's list back.
// It works on the database like `admin`, through the same service as the API, audited as the CLI.

import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import {
  AppError,
  appendAuditEvent,
  cliActor,
  findConvention,
  listOppositions,
  PSEUDONYM,
  registerOppositions,
} from '@nonrecours/core';
import { withAdminDatabase } from '../admin/admin-database.ts';
import { UsageError } from '../cli-error.ts';
import { required } from '../toolkit/command-options.ts';

const usage = `usage: nonrecours oppositions add --convention ID (--file FILE | PSEUDONYM…)
       nonrecours oppositions list --convention ID

  add   register the pseudonyms of persons who object to the convention's processing: the cases
        that concern them are deleted at once and later runs leave them out (registering one
        again changes nothing). FILE holds one pseudonym a line, '-' reads standard input;
        blank lines and lines starting with # are skipped; on the command line, put -- before
        pseudonyms when one starts with '-'. Prints the counts.
  list  print the registered oppositions, one JSON object a line, in pseudonym order

Uses DATABASE_URL, or the embedded PostgreSQL of this checkout when it is not set. Every
registration and listing is recorded in the audit trail as made by the command line.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 1000;

function conventionOption(value: string | undefined): string {
  const id = required(value, 'convention');
  if (!UUID.test(id)) throw new UsageError('--convention must be the id (a UUID) of the convention');
  return id;
}

/** The pseudonyms of a file; bad lines are named by number only, never echoed. */
export function parsePseudonymLines(content: string): string[] {
  const pseudonyms: string[] = [];
  const bad: number[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (PSEUDONYM.test(line)) pseudonyms.push(line);
    else bad.push(i + 1);
  });
  if (bad.length > 0) {
    const shown = bad.slice(0, 10).join(', ');
    throw new UsageError(
      `line${bad.length > 1 ? 's' : ''} ${shown}${bad.length > 10 ? ` and ${bad.length - 10} more` : ''} ` +
        'not a pseudonym (43 base64url characters); nothing was registered',
    );
  }
  return pseudonyms;
}

async function pseudonymsToAdd(file: string | undefined, args: string[]): Promise<string[]> {
  if (file !== undefined && args.length > 0) throw new UsageError('give --file or pseudonyms, not both');
  if (file === undefined) {
    if (args.length === 0) throw new UsageError(`give --file FILE or the pseudonyms\n\n${usage}`);
    return parsePseudonymLines(args.join('\n'));
  }
  try {
    return parsePseudonymLines(file === '-' ? await text(process.stdin) : await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    console.log(usage);
    return 0;
  }
  if (action !== 'add' && action !== 'list') throw new UsageError(`unknown action '${action}'\n\n${usage}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let values: { convention?: string | undefined; file?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { convention: { type: 'string' }, file: { type: 'string' } },
      strict: true,
      allowPositionals: action === 'add',
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  const conventionId = conventionOption(values.convention);
  if (action === 'list' && values.file !== undefined) throw new UsageError('list takes --convention only');
  const pseudonyms = action === 'add' ? await pseudonymsToAdd(values.file, positionals) : [];

  try {
    return await withAdminDatabase(async ({ db }) => {
      if (action === 'add') {
        const outcome = await registerOppositions(
          db,
          { ...cliActor(), actor: 'cli' },
          conventionId,
          pseudonyms,
        );
        console.log(JSON.stringify(outcome));
        return 0;
      }
      if (!(await findConvention(db, conventionId))) throw new UsageError('no convention has that id');
      let count = 0;
      let after: string | undefined;
      for (;;) {
        const page = await listOppositions(db, conventionId, { limit: PAGE, after });
        for (const o of page) console.log(JSON.stringify(o));
        count += page.length;
        if (page.length < PAGE) break;
        after = page.at(-1)!.pseudonym;
      }
      await appendAuditEvent(db, {
        ...cliActor(),
        conventionId,
        action: 'opposition.list',
        target: `convention/${conventionId}/oppositions`,
        purpose: 'rights',
        outcome: 'success',
        recordCount: count,
      });
      console.error(`${count} opposition${count === 1 ? '' : 's'}`);
      return 0;
    });
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${error.code}: ${error.message}`);
    throw error;
  }
}
