// Sending console pages: the signed-in account and a CSRF token for the header's sign-out form are
// filled in, and no page is kept by a cache (they show personal data).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from './html.ts';
import { type PageInput, page } from './layout.ts';

const tokens = new WeakMap<FastifyReply, string>();

/**
 * The CSRF token of this response. Made once: a second secret would otherwise be set in the same
 * response, and the forms would carry a token of the first.
 */
export function csrfToken(reply: FastifyReply): string {
  let token = tokens.get(reply);
  if (!token) {
    token = reply.generateCsrf();
    tokens.set(reply, token);
  }
  return token;
}

export type PageContent = Omit<PageInput, 'account' | 'csrfToken'>;

export function sendPage(request: FastifyRequest, reply: FastifyReply, content: PageContent, status = 200) {
  return sendHtml(
    reply,
    page({ ...content, account: request.consoleSession?.account ?? null, csrfToken: csrfToken(reply) }),
    status,
  );
}

export function sendHtml(reply: FastifyReply, markup: Html, status = 200) {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(markup.markup);
}
