// Worker thread of `nonrecours pseudonymise`: pseudonymises the chunks of records it is sent.

import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkPlan, createChunkPseudonymiser } from './pseudonymise-chunk.ts';
import { serveWorkerTasks } from './worker-pool.ts';

const pseudonymise = createChunkPseudonymiser(workerData as ChunkPlan);
if (parentPort) {
  serveWorkerTasks(parentPort, ({ bytes, firstLine }: { bytes: ArrayBuffer; firstLine: number }) => {
    const result = pseudonymise(Buffer.from(bytes), firstLine);
    return { result, transfer: [result.extract.buffer as ArrayBuffer] };
  });
}
