// The worker's liveness, for its container's probe: a heartbeat on the event loop, and Redis
// answering the queue's ping. A loop blocked by a runaway job or a Redis gone for good makes the
// probe fail; a short Redis restart, which the worker rides out, does not.
export interface Liveness {
  /** Rejects with the reason the worker should be restarted. */
  check(): Promise<void>;
  stop(): void;
}

export function startLiveness(options: {
  ping: () => Promise<void>;
  everyMs: number;
  /** How long Redis may stay silent before the worker is declared dead. */
  redisGraceMs: number;
}): Liveness {
  const { everyMs } = options;
  let lastBeat = Date.now();
  let lastRedis = Date.now();
  let redisError: string | undefined;
  const beat = () => {
    lastBeat = Date.now();
    options.ping().then(
      () => {
        lastRedis = Date.now();
        redisError = undefined;
      },
      (error: unknown) => {
        redisError = error instanceof Error ? error.message : String(error);
      },
    );
  };
  beat();
  const timer = setInterval(beat, everyMs);
  timer.unref();
  return {
    async check() {
      const now = Date.now();
      if (now - lastBeat > 3 * everyMs)
        throw new Error(`no heartbeat for ${now - lastBeat} ms: the event loop is blocked`);
      if (now - lastRedis > options.redisGraceMs)
        throw new Error(
          `Redis has not answered for ${now - lastRedis} ms${redisError ? `: ${redisError}` : ''}`,
        );
    },
    stop: () => clearInterval(timer),
  };
}
