// A fixed pool of worker threads running one kind of task. Tasks are spread round-robin, each worker
// answers in the order it received them, and `run` gives a promise per task, so the caller can keep
// results in input order by awaiting them in the order it submitted them.

import { type ResourceLimits, Worker } from 'node:worker_threads';

type Reply<O> =
  | { id: number; ok: true; result: O }
  | { id: number; ok: false; error: { name: string; message: string; [k: string]: unknown } };

export type WorkerPool<I, O> = {
  readonly size: number;
  run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
  close(): Promise<void>;
};

/** Errors thrown in a worker come back as plain objects; this gives them their name and fields. */
export class WorkerTaskError extends Error {
  readonly details: Record<string, unknown>;
  constructor(error: { name: string; message: string; [k: string]: unknown }) {
    super(error.message);
    this.name = error.name;
    this.details = error;
  }
}

export function createWorkerPool<I, O>(
  script: URL,
  size: number,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): WorkerPool<I, O> {
  const pending = new Map<number, { resolve: (o: O) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  const fail = (error: unknown) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(script, { workerData, resourceLimits });
    worker.on('message', (reply: Reply<O>) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) p?.resolve(reply.result);
      else p?.reject(new WorkerTaskError(reply.error));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
    return worker;
  });
  return {
    size,
    run(input, transfer = []) {
      const id = nextId++;
      const worker = workers[id % workers.length]!;
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, input }, transfer);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The worker side: answers each task with `handle` (its result, and the buffers to move rather than
 * copy back), sending errors back with their fields.
 */
export function serveWorkerTasks<I, O>(
  port: {
    on(event: 'message', f: (m: { id: number; input: I }) => void): void;
    postMessage(m: unknown, transfer?: ArrayBuffer[]): void;
  },
  handle: (input: I) => { result: O; transfer: ArrayBuffer[] },
): void {
  port.on('message', ({ id, input }) => {
    try {
      const { result, transfer } = handle(input);
      port.postMessage({ id, ok: true, result }, transfer);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id, ok: false, error: { ...e, name: e.name, message: e.message } });
    }
  });
}
