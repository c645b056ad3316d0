// COPY … FROM STDIN on a dedicated client, aborted safely. pg-copy-streams sends the destroying
// error's message as the CopyFail message; PostgreSQL ends the whole connection ("invalid message
// length") when that message is long, so the abort sends a fixed short reason instead, and a COPY
// whose connection is already gone is only closed on this side.
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const COPY_ABORT_REASON = 'extract upload aborted';

type CopyStream = ReturnType<typeof copyFrom> & {
  /** Set when the query is submitted, null once it has ended. */
  connection: unknown;
  _destroy(error: Error | null, callback: (error?: Error | null) => void): void;
};

export function copyIn(client: pg.PoolClient, statement: string): Writable {
  const copy = copyFrom(statement) as CopyStream;
  const destroy = copy._destroy.bind(copy);
  copy._destroy = (error, callback) => {
    // The query already ended (the server refused it, the connection broke): nothing to send.
    if (copy.connection === null) return callback(error);
    destroy(error ? new Error(COPY_ABORT_REASON) : null, (serverError) => callback(error ?? serverError));
  };
  return client.query(copy);
}
