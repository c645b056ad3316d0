// `nonrecours oppositions add|list` through a listening API with a partner's and a DPO's clients (no
// database access): arguments, a file (comments, blanks, duplicates), refusal of a bad file without
// echoing it, the listing, and the audit of both under the clients' names.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { pseudo } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, type TestClient } from '../support/factories.ts';

const main = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;

// A random pseudonym may start with '-', which the command line reads as an option unless after '--'.
const plain = () => `A${pseudo().slice(1)}`;

describe('nonrecours oppositions', () => {
  let t: TestApp;
  let api: ApiProcess;
  let conventionId: string;
  let dir: string;
  let partner: TestClient;
  let dpo: TestClient;

  const cli = (...args: string[]) => as(partner, ...args);
  const as = (client: TestClient, ...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [main, '--lang', 'en', 'oppositions', ...args],
        {
          // No DATABASE_URL: the command knows the API only.
          env: {
            ...process.env,
            DATABASE_URL: '',
            NONRECOURS_API_URL: api.url,
            NONRECOURS_CLIENT_ID: client.id,
            NONRECOURS_CLIENT_SECRET: client.secret,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });

  const stored = () =>
    t.database.db
      .selectFrom('oppositions')
      .select(['pseudonym', 'registered_by'])
      .where('convention_id', '=', conventionId)
      .orderBy('pseudonym')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    conventionId = (await makeConvention(t.database.db)).id;
    const caf = await makePartner(t.database.db, 'caf');
    await addMember(t.database.db, conventionId, caf.id, ['partner'], ['caf']);
    partner = await makeClient(t.database.db, caf.id, 'partner');
    const office = await makePartner(t.database.db, 'territory');
    await addMember(t.database.db, conventionId, office.id, ['dpo']);
    dpo = await makeClient(t.database.db, office.id, 'dpo');
    dir = await mkdtemp(join(tmpdir(), 'nonrecours-oppositions-'));
    api = await startApiProcess({
      DATABASE_URL: t.database.url,
      REDIS_URL: t.config.REDIS_URL!,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      MIGRATE_ON_START: 'false',
    });
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await t.close();
  });

  it('registers pseudonyms given as arguments, then from a file, once each', async () => {
    const [a, b, c] = [plain(), plain(), `-${pseudo().slice(1)}`];
    const first = await cli('add', '--convention', conventionId, a, b, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      submitted: 2,
      registered: 2,
      already_registered: 0,
      cases_deleted: 0,
    });

    const file = join(dir, 'objections.txt');
    await writeFile(file, `# letters of 2026-11\n${b}\r\n\n  ${c}  \n${c}\n`);
    const second = await cli('add', '--convention', conventionId, '--file', file, '--json');
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ submitted: 2, registered: 1, already_registered: 1 });

    // A pseudonym may start with '-': after `--` it is not an option.
    const dashed = await cli('add', '--convention', conventionId, '--json', '--', c);
    expect(JSON.parse(dashed.stdout)).toMatchObject({ registered: 0, already_registered: 1 });
    // Without --json, the counts in words.
    const worded = await cli('add', '--convention', conventionId, a);
    expect(worded.stdout).toBe(
      '1 pseudonyms submitted: 0 registered, 1 already registered, 0 cases deleted\n',
    );

    expect((await stored()).map((o) => o.pseudonym).sort()).toEqual([a, b, c].sort());
    expect((await stored()).every((o) => o.registered_by === partner.id)).toBe(true);
  });

  it('refuses a bad file as a whole, naming lines, never echoing them', async () => {
    const before = await stored();
    const secretish = 'Jean Dupont 1850578006084';
    const file = join(dir, 'bad.txt');
    await writeFile(file, `${pseudo()}\n${secretish}\n`);
    const res = await cli('add', '--convention', conventionId, '--file', file);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/line 2 not a pseudonym/);
    expect(res.stderr).not.toContain(secretish);
    expect(await stored()).toEqual(before);

    expect((await cli('add', '--convention', conventionId)).code).toBe(2);
    expect((await cli('add', '--convention', 'not-a-uuid', plain())).code).toBe(2);
    // An answer of the API (here: not a member of that convention) is its code and message, exit 1.
    const unknown = await cli('add', '--convention', '00000000-0000-4000-8000-000000000000', plain());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^nonrecours oppositions: [a-z_]+: /);
    // A partner may register, not read the list.
    const list = await cli('list', '--convention', conventionId);
    expect(list.code).toBe(1);
    expect(list.stderr).toMatch(/forbidden|not_allowed|role/);
  });

  it('lists them one JSON object a line, and audits both commands', async () => {
    const res = await as(dpo, 'list', '--convention', conventionId);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((o) => o.pseudonym)).toEqual((await stored()).map((o) => o.pseudonym));
    expect(res.stderr).toMatch(/^3 oppositions\n$/);

    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor', 'record_count', 'outcome'])
      .where('convention_id', '=', conventionId)
      .where('action', 'like', 'opposition.%')
      .where('outcome', '=', 'success')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.action, e.actor, e.record_count])).toEqual([
      ['opposition.register', partner.id, 2],
      ['opposition.register', partner.id, 2],
      ['opposition.register', partner.id, 1],
      ['opposition.register', partner.id, 1],
      ['opposition.list', dpo.id, 3],
    ]);
  });
});
