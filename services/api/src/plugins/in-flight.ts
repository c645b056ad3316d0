// The requests still being handled. app.close() resolves once the sockets are closed, but a handler
// whose client went away goes on (and its access is still audited): closing waits for every reply
// to be sent, so that none finds the database closed under it. The shutdown deadline bounds the wait.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function inFlightRequests() {
  const running = new Set<FastifyRequest>();
  // Requests whose body was read: from there on a reply always comes, even if the client went away.
  const parsed = new WeakSet<FastifyRequest>();
  let drained: (() => void) | undefined;
  const done = (request: FastifyRequest) => {
    running.delete(request);
    if (running.size === 0) drained?.();
  };
  return {
    /** An onRequest hook, added before any other. */
    started: async (request: FastifyRequest) => {
      running.add(request);
    },
    /** An onSend hook, added after the others (the access audit's among them). */
    replied: async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
      done(request);
      return payload;
    },
    /** An onResponse hook: a reply sent without its onSend hooks (a hijacked one). */
    responded: async (request: FastifyRequest) => done(request),
    /** A preValidation hook: the body has been read. */
    parsed: async (request: FastifyRequest) => {
      parsed.add(request);
    },
    /**
     * An onRequestAbort hook. A client that goes away while its body is being parsed leaves a request
     * Fastify drops without a reply: it is no longer waited for. A handler already running is.
     */
    aborted: async (request: FastifyRequest) => {
      if (!parsed.has(request)) done(request);
    },
    /** Resolves once no request is being handled. */
    settled: (): Promise<void> =>
      running.size === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            drained = resolve;
          }),
  };
}
