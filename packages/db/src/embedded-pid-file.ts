// What a running PostgreSQL says of itself in its data directory's postmaster.pid: its process id
// (line 1) and its port (line 4). Whoever joins the embedded server of a checkout reads its port
// there, whatever EMBEDDED_PG_PORT the process that started it was given.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type RunningServer = { pid: number; port: number; alive: boolean };

/** The server whose pid file is in `dataDir`, or undefined when there is none (or it is unreadable). */
export async function runningServerOf(dataDir: string): Promise<RunningServer | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  return { pid, port, alive: processAlive(pid) };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The embedded server cannot be used; its message is one line for people, in French. */
export class EmbeddedPostgresUnavailable extends Error {
  override readonly name = 'EmbeddedPostgresUnavailable';
}
