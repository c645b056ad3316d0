// The last resort for an error no request caught. A database connection that broke under a request
// (the server ended it, the protocol lost its footing) concerns that request alone: the pool drops
// the client, so the error is logged and the process keeps serving. Anything else may have left the
// process in a state no one knows: it shuts down through the graceful path and exits with 1.
import type { FastifyBaseLogger } from 'fastify';

const socketCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNABORTED']);
const pgMessages = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** An error of one connection (database or client socket), not of the process. */
export function isConnectionFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (socketCodes.has(code)) return true;
    // SQLSTATE classes 08 (connection exception) and 57P0x (the server shutting the session down).
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  return pgMessages.some((m) => error.message.startsWith(m));
}

export function installLastResortHandler(log: FastifyBaseLogger, fatal: (error: unknown) => void): void {
  let shuttingDown = false;
  const handle = (kind: string) => (error: unknown) => {
    if (isConnectionFault(error)) {
      log.error({ err: error, kind }, 'a connection failed outside any request; the process keeps serving');
      return;
    }
    log.fatal({ err: error, kind }, 'unexpected error outside any request; shutting down');
    if (shuttingDown) return;
    shuttingDown = true;
    fatal(error);
  };
  process.on('uncaughtException', handle('uncaughtException'));
  process.on('unhandledRejection', handle('unhandledRejection'));
}
