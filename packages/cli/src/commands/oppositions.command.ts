// `nonrecours oppositions …`: a partner (or a DPO) registers the oppositions (GDPR art. 21) that
// reach it — a letter, a form at the desk — through the API with its own client, as every other
// toolkit call; a DPO reads the convention's list back. The service audits both.

import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { isPseudonym } from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { jsonOutput, messages, printJson } from '../messages/language.ts';
import { ApiError, ApiUnreachableError, createApiClient } from '../toolkit/api-client.ts';
import { optionProblem, required } from '../toolkit/command-options.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The pseudonyms of a file; bad lines are named by number only, never echoed. */
export function parsePseudonymLines(content: string): string[] {
  const pseudonyms: string[] = [];
  const bad: number[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    if (isPseudonym(line)) pseudonyms.push(line);
    else bad.push(i + 1);
  });
  if (bad.length > 0)
    throw new UsageError(messages().oppositions.badLines(bad.slice(0, 10), Math.max(0, bad.length - 10)));
  return pseudonyms;
}

async function pseudonymsToAdd(file: string | undefined, args: string[]): Promise<string[]> {
  const say = messages();
  if (file !== undefined && args.length > 0) throw new UsageError(say.oppositions.notBoth);
  if (file === undefined) {
    if (args.length === 0)
      throw new UsageError(`${say.oppositions.fileOrPseudonyms}\n\n${say.oppositions.usage}`);
    return parsePseudonymLines(args.join('\n'));
  }
  let content: string;
  try {
    content = file === '-' ? await text(process.stdin) : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      say.cannotRead(say.files.file, file, String((error as NodeJS.ErrnoException).code ?? 'error')),
    );
  }
  const pseudonyms = parsePseudonymLines(content);
  if (pseudonyms.length === 0) throw new UsageError(say.oppositions.fileOrPseudonyms);
  return pseudonyms;
}

export async function run(argv: string[]): Promise<number> {
  const say = messages();
  const usage = say.oppositions.usage;
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    console.log(usage);
    return 0;
  }
  if (action !== 'add' && action !== 'list') throw new UsageError(`${say.unknownAction(action)}\n\n${usage}`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let values: Record<string, string | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: {
        api: { type: 'string' },
        convention: { type: 'string' },
        file: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
      },
      strict: true,
      allowPositionals: action === 'add',
    }));
  } catch (error) {
    throw new UsageError(`${optionProblem(error)}\n\n${usage}`);
  }
  const conventionId = required(values.convention, 'convention');
  if (!UUID.test(conventionId)) throw new UsageError(say.oppositions.conventionId);
  if (action === 'list' && values.file !== undefined) throw new UsageError(say.oppositions.listOptions);
  const pseudonyms = action === 'add' ? await pseudonymsToAdd(values.file, positionals) : [];
  const api = required(values.api ?? process.env.NONRECOURS_API_URL, 'api');
  const clientId = required(values['client-id'] ?? process.env.NONRECOURS_CLIENT_ID, 'client-id');
  const clientSecret = required(
    values['client-secret'] ?? process.env.NONRECOURS_CLIENT_SECRET,
    'client-secret',
  );

  try {
    const client = createApiClient(api);
    const token = await client.token(clientId, clientSecret);
    if (action === 'add') {
      // The API takes at most 10,000 a request; each batch is idempotent, so a retry is harmless.
      const total = {
        submitted: 0,
        registered: 0,
        already_registered: 0,
        cases_deleted: 0,
        campaign_members_deleted: 0,
      };
      for (let i = 0; i < pseudonyms.length; i += 10_000) {
        const outcome = await client.addOppositions(token, conventionId, pseudonyms.slice(i, i + 10_000));
        total.submitted += outcome.submitted;
        total.registered += outcome.registered;
        total.already_registered += outcome.already_registered;
        total.cases_deleted += outcome.cases_deleted;
        total.campaign_members_deleted += outcome.campaign_members_deleted;
      }
      if (jsonOutput()) printJson(total);
      else
        console.log(
          say.oppositions.outcome(
            total.submitted,
            total.registered,
            total.already_registered,
            total.cases_deleted,
          ),
        );
      return 0;
    }
    const items: unknown[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await client.oppositions(token, conventionId, cursor);
      if (jsonOutput()) items.push(...page.items);
      else for (const o of page.items) console.log(JSON.stringify(o));
      if (page.next_cursor === null) {
        if (jsonOutput()) printJson({ total: page.total, items });
        console.error(say.oppositions.listed(page.total));
        return 0;
      }
      cursor = page.next_cursor;
    }
  } catch (error) {
    if (error instanceof ApiError || error instanceof ApiUnreachableError) {
      console.error(`nonrecours oppositions: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
