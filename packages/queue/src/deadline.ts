// Shutdown steps such as BullMQ's `worker.close()` have no timeout of their own: this bounds them.

/** True if `work` settles (either way) within `ms`, false if the time runs out first. Never rejects. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A deadline that several sequential steps share. */
export function deadlineIn(ms: number): () => number {
  const end = Date.now() + ms;
  return () => Math.max(0, end - Date.now());
}
