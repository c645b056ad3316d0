// Sending console pages: the signed-in account and a CSRF token for the header's sign-out form are
// filled in, and no page is kept by a cache (they show personal data).
import type { Readable } from 'node:stream';
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

/** Passes an API download on to the browser as it comes, with its type and file name. */
export function sendDownload(
  reply: FastifyReply,
  download: { headers: Record<string, string | string[] | number | undefined>; stream: Readable },
  fallbackName: string,
) {
  return reply
    .header('content-type', download.headers['content-type'] ?? 'application/octet-stream')
    .header(
      'content-disposition',
      download.headers['content-disposition'] ?? `attachment; filename="${fallbackName}"`,
    )
    .header('cache-control', 'no-store')
    .send(download.stream);
}
