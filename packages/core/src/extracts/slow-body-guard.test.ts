import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { slowBodyGuard } from './slow-body-guard.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sink = (delayMs = 0) =>
  new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, callback) {
      setTimeout(callback, delayMs);
    },
  });

/** Feeds `source` through a guard; resolves with the guard's error code, or null when it let all pass. */
async function run(
  feed: (body: PassThrough) => Promise<void>,
  limits = { idleMs: 200, minBytesPerSecond: 100 },
  delayMs = 0,
) {
  const body = new PassThrough();
  const done = pipeline(body, slowBodyGuard(limits), sink(delayMs)).then(
    () => null,
    (error: { code?: string }) => error.code ?? 'other',
  );
  await feed(body).catch(() => {});
  return done;
}

describe('slowBodyGuard', () => {
  it('ends a body that stops coming', async () => {
    expect(
      await run(async (body) => {
        body.write('abc');
        await sleep(600);
        body.end();
      }),
    ).toBe('upload_too_slow');
  });

  it('ends a body that trickles below the minimum rate, though never idle', async () => {
    expect(
      await run(async (body) => {
        for (let i = 0; i < 20 && !body.destroyed; i++) {
          body.write('x');
          await sleep(40);
        }
        body.end();
      }),
    ).toBe('upload_too_slow');
  });

  it('lets a steady body through', async () => {
    expect(
      await run(async (body) => {
        for (let i = 0; i < 20; i++) {
          body.write('x'.repeat(100));
          await sleep(20);
        }
        body.end();
      }),
    ).toBeNull();
  });

  it('does not hold its own downstream’s slowness against the client', async () => {
    expect(
      await run(
        async (body) => {
          for (let i = 0; i < 40; i++) body.write('y'.repeat(64));
          body.end();
        },
        { idleMs: 200, minBytesPerSecond: 100 },
        30,
      ),
    ).toBeNull();
  });
});
