// Where each signed checkpoint goes besides the database: a file opened in append mode (put it on a
// WORM or separate volume that the database's administrators cannot rewrite) and the log. Either copy
// is a trusted checkpoint for `verify` (`--checkpoint FILE`, or the body of POST /v1/audit/verify).
import { open } from 'node:fs/promises';

export interface SignedCheckpoint {
  id: number;
  seq: number;
  hash: string;
  at: string;
  kid: string;
  jws: string;
}

export interface CheckpointLog {
  info(object: object, message: string): void;
}

export type CheckpointSink = (checkpoint: SignedCheckpoint) => Promise<void>;

/** One JSON line per checkpoint, written and synced before the checkpoint commits. */
export function checkpointSink(options: { file?: string | undefined; log?: CheckpointLog }): CheckpointSink {
  return async (checkpoint) => {
    if (options.file) {
      const handle = await open(options.file, 'a', 0o640);
      try {
        await handle.write(`${JSON.stringify(checkpoint)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    options.log?.info({ audit_checkpoint: checkpoint }, 'audit checkpoint signed');
  };
}
