// Console test helpers: accounts made through the same service as the admin command, and a browser
// stand-in over inject that keeps cookies and reads the CSRF token of the last page.
import { cliActor, createAccount } from '@nonrecours/core';
import type { Db, MemberRole } from '@nonrecours/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

let counter = 0;

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  partnerId: string;
  role: MemberRole;
}

export async function makeAccount(db: Db, partnerId: string, role: MemberRole): Promise<TestAccount> {
  const email = `agent-${Date.now().toString(36)}-${counter++}@example.fr`;
  const password = 'correct horse battery staple';
  const account = await createAccount(db, cliActor(), { partnerId, role, email, password });
  return { id: account.id, email, password, partnerId, role };
}

/** The hidden CSRF field of a page. */
export const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';

export class Visitor {
  readonly cookies = new Map<string, string>();
  lastPage = '';
  private readonly app: FastifyInstance;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(res.headers['content-type']).startsWith('text/html')) this.lastPage = res.body;
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    return this.keep(await this.app.inject({ url, headers: { cookie: this.cookieHeader() } }));
  }

  /** Posts a form as a browser would, with the CSRF token of the last page unless told otherwise. */
  async post(url: string, fields: Record<string, string>, options: { csrf?: string | null } = {}) {
    const csrf = options.csrf === undefined ? csrfOf(this.lastPage) : options.csrf;
    const form = new URLSearchParams({ ...fields, ...(csrf === null ? {} : { _csrf: csrf }) });
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      }),
    );
  }

  async signIn(account: { email: string; password: string }) {
    await this.get('/console/connexion');
    const res = await this.post('/console/connexion', { email: account.email, password: account.password });
    if (res.statusCode !== 303) throw new Error(`sign-in: ${res.statusCode}`);
    return res;
  }
}
