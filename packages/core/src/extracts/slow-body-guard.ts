// Bounds how slowly an upload's body may come: an upload holds a database connection while its body
// streams, so a client that sends nothing for `idleMs`, or less than `minBytesPerSecond` on average
// over the last `idleMs`, has its upload ended (408 upload_too_slow). Time the upload spends waiting
// for its own downstream (the database reading the COPY) is not held against the client.
import { Transform } from 'node:stream';
import { UploadInterrupted } from './upload-interrupted.ts';

export interface SlowBodyLimits {
  idleMs: number;
  minBytesPerSecond: number;
}

export function slowBodyGuard(limits: SlowBodyLimits, code = 'upload_too_slow'): Transform {
  const tickMs = Math.max(50, Math.min(1000, Math.floor(limits.idleMs / 4)));
  const window = Math.max(1, Math.round(limits.idleMs / tickMs));
  // Bytes received in each of the last `window` ticks the guard spent waiting for the client.
  const ticks: number[] = [];
  let sinceTick = 0;
  let idleTicks = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sinceTick += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      clearInterval(timer);
      callback();
    },
    destroy(error, callback) {
      clearInterval(timer);
      callback(error);
    },
  });
  const tooSlow = (why: string) =>
    guard.destroy(new UploadInterrupted(408, code, `the body came too slowly: ${why}`));
  const timer = setInterval(() => {
    const waitingForDownstream =
      guard.writableLength > 0 || guard.readableLength >= guard.readableHighWaterMark;
    const received = sinceTick;
    sinceTick = 0;
    if (waitingForDownstream) return;
    idleTicks = received === 0 ? idleTicks + 1 : 0;
    if (idleTicks * tickMs >= limits.idleMs) return tooSlow(`no byte for ${limits.idleMs} ms`);
    ticks.push(received);
    if (ticks.length > window) ticks.shift();
    if (ticks.length < window) return;
    const rate = (ticks.reduce((a, b) => a + b, 0) * 1000) / (window * tickMs);
    if (rate < limits.minBytesPerSecond)
      tooSlow(`less than ${limits.minBytesPerSecond} bytes per second over ${limits.idleMs} ms`);
  }, tickMs);
  timer.unref();
  return guard;
}
