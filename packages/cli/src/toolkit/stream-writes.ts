// Writing to a stream with backpressure, and ending it, so that a failing destination (a full disk)
// rejects the work in progress instead of being noticed too late or not at all.

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export async function writeTo(stream: Writable, data: string | Uint8Array): Promise<void> {
  if (stream.errored) throw stream.errored;
  if (data.length > 0 && !stream.write(data)) await once(stream, 'drain');
}

export async function endOf(stream: Writable): Promise<void> {
  stream.end();
  await finished(stream);
}
