// Callers of `waitFor`, keyed by job id, each with its own timeout. Both adapters settle them from their
// job events; closing the queue rejects whoever is still waiting.
import { JobWaitTimeoutError } from './job-errors.ts';

export interface Waiter {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export interface Waiters {
  /** Registers a wait on jobId; the waiter settles the promise once, whoever calls it first. */
  add(jobId: string, timeoutMs: number): { promise: Promise<unknown>; waiter: Waiter };
  resolve(jobId: string, result: unknown): void;
  reject(jobId: string, error: Error): void;
  rejectAll(error: Error): void;
}

export function createWaiters(): Waiters {
  const byJob = new Map<string, Set<Waiter>>();

  const settleAll = (jobId: string, settle: (waiter: Waiter) => void): void => {
    for (const waiter of byJob.get(jobId) ?? []) settle(waiter);
  };

  return {
    add(jobId, timeoutMs) {
      const { promise, resolve, reject } = Promise.withResolvers<unknown>();
      const timer = setTimeout(() => waiter.reject(new JobWaitTimeoutError(jobId, timeoutMs)), timeoutMs);
      const set = byJob.get(jobId) ?? new Set();
      byJob.set(jobId, set);
      let settled = false;
      const finish = (): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        set.delete(waiter);
        if (set.size === 0 && byJob.get(jobId) === set) byJob.delete(jobId);
        return true;
      };
      const waiter: Waiter = {
        resolve: (result) => finish() && resolve(result),
        reject: (error) => finish() && reject(error),
      };
      set.add(waiter);
      return { promise, waiter };
    },
    resolve: (jobId, result) => settleAll(jobId, (waiter) => waiter.resolve(result)),
    reject: (jobId, error) => settleAll(jobId, (waiter) => waiter.reject(error)),
    rejectAll(error) {
      for (const jobId of [...byJob.keys()]) settleAll(jobId, (waiter) => waiter.reject(error));
    },
  };
}
