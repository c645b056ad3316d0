// The bodies Fastify reads itself (JSON, forms) come under the same bound as an upload's: a client
// that stops sending, or crawls, gets 408 body_too_slow instead of holding its request open until
// Node's five-minute request timeout. Uploads stream their own body, under their own guard.
import { type SlowBodyLimits, slowBodyGuard } from '@nonrecours/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const parsedHere = /^\s*application\/(?:json|x-www-form-urlencoded|[^;\s]+\+json)\b/i;

export const slowBodyPlugin = fp(
  async (app: FastifyInstance, limits: SlowBodyLimits) => {
    app.addHook('preParsing', async (request, _reply, payload) => {
      if (request.method === 'GET' || request.method === 'HEAD') return payload;
      if (!parsedHere.test(request.headers['content-type'] ?? '')) return payload;
      const guard = slowBodyGuard(limits, 'body_too_slow');
      payload.on('error', (error) => guard.destroy(error));
      payload.pipe(guard);
      request.raw.once('close', () => guard.destroy());
      return guard;
    });
  },
  { name: 'slow-body' },
);
