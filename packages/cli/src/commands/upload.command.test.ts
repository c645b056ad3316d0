// The upload command against a small local server that imitates the API's token and extract routes.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractColumns, formatKey, generateKey, keyCheckValue } from '@nonrecours/pseudo';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const main = new URL('../main.ts', import.meta.url).pathname;
const cli = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [main, 'upload', '--lang', 'en', ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

const key = generateKey();
const cid = '7d1c3a52-8a43-4c1a-9a59-0d7c1f8f8e11';
const extractId = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601';

type Received = { query: URLSearchParams; headers: IncomingMessage['headers']; body: Buffer };
type Behaviour = { extracts: boolean; finalStatus: string };

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Serves /v1/token and the extract routes; records what the upload sent. */
function fakeApi(behaviour: Behaviour) {
  const received: Received[] = [];
  let polls = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/v1/token') {
      let text = '';
      for await (const part of req) text += part;
      const body = JSON.parse(text);
      if (body.grant_type !== 'client_credentials' || body.client_secret !== 'secret') {
        return send(res, 401, { code: 'invalid_client', message: 'unknown client or wrong secret' });
      }
      return send(res, 200, { access_token: 'tok', token_type: 'Bearer', expires_in: 300 });
    }
    const base = `/v1/conventions/${cid}/extracts`;
    if (!behaviour.extracts || !url.pathname.startsWith(base)) {
      return send(res, 404, {
        message: `Route ${req.method}:${url.pathname} not found`,
        error: 'Not Found',
        statusCode: 404,
      });
    }
    if (req.headers.authorization !== 'Bearer tok')
      return send(res, 401, { code: 'unauthorized', message: 'no token' });
    if (req.method === 'POST' && url.pathname === base) {
      if (req.headers['x-key-check'] !== keyCheckValue(key)) {
        // Refused before reading the body, as the API does.
        return send(
          res,
          422,
          { code: 'key_check_mismatch', message: 'the key check value is not the convention’s' },
          { connection: 'close' },
        );
      }
      const parts: Buffer[] = [];
      for await (const part of req) parts.push(part as Buffer);
      received.push({ query: url.searchParams, headers: req.headers, body: Buffer.concat(parts) });
      if (url.searchParams.get('dry_run') === 'true') {
        return send(res, 200, {
          dry_run: true,
          verdict: behaviour.finalStatus,
          refusal: null,
          row_count: 3,
          valid_count: 2,
          error_count: 1,
          errors: [{ line: 3, column: 'commune', code: 'invalid_commune' }],
        });
      }
      return send(res, 202, { id: extractId, status: 'receiving' }, { location: `${base}/${extractId}` });
    }
    if (req.method === 'GET' && url.pathname === `${base}/${extractId}`) {
      polls++;
      if (polls < 2) return send(res, 200, { id: extractId, status: 'receiving' });
      return send(res, 200, {
        id: extractId,
        status: behaviour.finalStatus,
        row_count: 3,
        valid_count: 2,
        error_count: 1,
        refusal: null,
      });
    }
    if (req.method === 'GET' && url.pathname === `${base}/${extractId}/errors`) {
      return send(res, 200, {
        error_count: 1,
        items: [{ line: 3, column: 'commune', code: 'invalid_commune' }],
        next_cursor: null,
      });
    }
    return send(res, 404, { code: 'not_found', message: 'no such route' });
  });
  return { server, received };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let dir: string;
let keyFile: string;
let extract: string;
let servers: Server[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nonrecours-upload-'));
  keyFile = join(dir, 'k.key');
  await writeFile(keyFile, formatKey(key), { mode: 0o600 });
  extract = join(dir, 'extract.csv');
  const header = extractColumns.cpam.map((c) => c.name).join(';');
  await writeFile(extract, `${header}\n${`${'A'.repeat(43)};;;1985-05;75056;none;\n`.repeat(3)}`);
});
afterEach(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  servers = [];
});

async function start(behaviour: Partial<Behaviour> = {}) {
  const api = fakeApi({ extracts: true, finalStatus: 'accepted', ...behaviour });
  servers.push(api.server);
  return { url: await listen(api.server), received: api.received };
}

const args = (url: string, more: string[] = []) => [
  '--api',
  url,
  '--convention',
  cid,
  '--kind',
  'cpam',
  '--month',
  '2026-01',
  '--key-file',
  keyFile,
  '--in',
  extract,
  '--client-id',
  'partner',
  '--client-secret',
  'secret',
  '--poll-interval',
  '0.05',
  ...more,
];

describe('nonrecours upload', () => {
  it('streams the extract with its key check and hash, then follows it to its final status', async () => {
    const api = await start();
    const result = await cli(args(api.url));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `extract ${extractId}: accepted (3 rows, 2 valid, 1 with errors)\n  line 3, commune: invalid_commune (invalid INSEE commune code (5 characters, 2A/2B for Corsica; not a postcode))\n`,
    );
    const [upload] = api.received;
    const file = await readFile(extract);
    expect(upload!.body.equals(file)).toBe(true);
    expect(Object.fromEntries(upload!.query)).toEqual({
      kind: 'cpam',
      schema: 'cpam.v1',
      reference_month: '2026-01',
    });
    expect(upload!.headers).toMatchObject({
      'content-type': expect.stringMatching(/^text\/csv/),
      'content-length': String(file.length),
      'x-key-check': keyCheckValue(key),
      'idempotency-key': createHash('sha256').update(file).digest('hex'),
    });
  });

  it('--dry-run sends the file to be checked only, prints the verdict and polls nothing', async () => {
    const api = await start();
    const result = await cli(args(api.url, ['--dry-run']));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      'dry run: the extract would be accepted (3 rows, 2 valid, 1 with errors); nothing was stored\n' +
        '  line 3, commune: invalid_commune (invalid INSEE commune code (5 characters, 2A/2B for Corsica; not a postcode))\n',
    );
    const [check] = api.received;
    expect(check!.query.get('dry_run')).toBe('true');
    expect(check!.headers['idempotency-key']).toBeUndefined();
    const rejected = await start({ finalStatus: 'rejected' });
    expect((await cli(args(rejected.url, ['--dry-run']))).code).toBe(1);
  });

  it('takes its URL and credentials from the environment, and exits 1 on a rejected extract', async () => {
    const api = await start({ finalStatus: 'rejected' });
    const result = await cli(
      [
        '--convention',
        cid,
        '--kind',
        'cpam',
        '--month',
        '2026-01',
        '--key-file',
        keyFile,
        '--in',
        extract,
        '--poll-interval',
        '0',
      ],
      { NONRECOURS_API_URL: api.url, NONRECOURS_CLIENT_ID: 'partner', NONRECOURS_CLIENT_SECRET: 'secret' },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /: rejected .*\n {2}line 3, commune: invalid_commune \(invalid INSEE commune code/,
    );
  });

  it('prints the API refusal as code: message, even when it comes before the body is read', async () => {
    const api = await start();
    const other = join(dir, 'other.key');
    await writeFile(other, formatKey(generateKey()), { mode: 0o600 });
    // Large enough that the refusal arrives while the body is still being sent.
    const header = extractColumns.cpam.map((c) => c.name).join(';');
    await writeFile(extract, `${header}\n${`${'A'.repeat(43)};;;1985-05;75056;none;\n`.repeat(200_000)}`);
    const result = await cli(args(api.url).map((a) => (a === keyFile ? other : a)));
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      'nonrecours upload: key_check_mismatch: the key check value is not the convention’s\n',
    );
    const badSecret = await cli(args(api.url).map((a) => (a === 'secret' ? 'wrong' : a)));
    expect(badSecret.stderr).toBe('nonrecours upload: invalid_client: unknown client or wrong secret\n');
    // In French (the last --lang wins), the refusal also says what to do about it.
    const french = await cli([...args(api.url).map((a) => (a === keyFile ? other : a)), '--lang', 'fr']);
    expect(french.stderr).toBe(
      'nonrecours upload: key_check_mismatch: the key check value is not the convention’s (la clé avec laquelle l’extrait a été fait n’est pas celle de la convention : comparez « nonrecours keys kcv » à la valeur enregistrée)\n',
    );
  });

  it('says so in one line when the API has no extracts route or cannot be reached', async () => {
    const api = await start({ extracts: false });
    const missing = await cli(args(api.url));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^nonrecours upload: http_404: Not Found \(HTTP 404: .*extract uploads\)\n$/,
    );

    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await cli(args(url));
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /^nonrecours upload: cannot reach the API at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\n$/,
    );
  });

  it('refuses to send a clear file', async () => {
    const api = await start();
    await writeFile(extract, 'nir;family_name;given_names;birth_date;commune;c2s;c2s_until\n');
    const result = await cli(args(api.url));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot have \(nir, family_name, given_names, birth_date\)/);
    expect(api.received).toHaveLength(0);
  });
});
