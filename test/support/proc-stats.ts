// What a benchmark reads of processes from /proc (Linux): peak memory and CPU time.
import { readdirSync, readFileSync } from 'node:fs';

/** The peak resident set size of a process, in MiB (0 once it has gone). */
export function peakRss(pid: number): number {
  return Number(readProc(`/proc/${pid}/status`).match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) / 1024;
}

/**
 * CPU time (user and system, ms) of the processes whose command name is given, whose command line
 * holds a text (PostgreSQL's backends show their database there), or of one pid, with
 * that of their children that exited (PostgreSQL's postmaster reaps its backends and workers).
 */
export function cpuMs(match: { name: string } | { pid: number } | { commandLine: string }): number {
  const pids =
    'pid' in match
      ? [String(match.pid)]
      : readdirSync('/proc').filter(
          (d) =>
            /^\d+$/.test(d) &&
            ('name' in match
              ? readProc(`/proc/${d}/comm`).trim() === match.name
              : readProc(`/proc/${d}/cmdline`).includes(match.commandLine)),
        );
  let ticks = 0;
  for (const pid of pids) {
    const fields = readProc(`/proc/${pid}/stat`).split(') ')[1]?.split(' ') ?? [];
    ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  }
  return ticks * 10;
}

function readProc(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process has gone
  }
}
