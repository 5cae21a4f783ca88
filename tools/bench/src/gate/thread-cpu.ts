import { readdirSync, readFileSync } from 'node:fs';

/** CPU time of each thread of this process (Linux: /proc/self/task), ms, with its niceness. */
export type ThreadCpu = ReadonlyMap<string, { readonly nice: number; readonly cpuMs: number }>;

/** Clock ticks per second of /proc's utime and stime: USER_HZ, 100 on Linux. */
const USER_HZ = 100;

/**
 * Every thread's CPU time so far; empty where /proc is not there.
 *
 * @example
 * const before = threadCpu();
 */
export function threadCpu(): ThreadCpu {
  const threads = new Map<string, { nice: number; cpuMs: number }>();
  let tasks: string[] = [];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return threads;
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15, nice 19.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(tid, { nice: Number(fields[16]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

/**
 * The CPU the process's threads used between two readings, split into the
 * threads at `niceness` and the others, ms (10 ms resolution).
 *
 * @example
 * cpuSince(before, threadCpu(), 19); // { atNiceness: 130, others: 110 }
 */
export function cpuSince(before: ThreadCpu, after: ThreadCpu, niceness: number): { atNiceness: number; others: number } {
  let atNiceness = 0;
  let others = 0;
  for (const [tid, now] of after) {
    const used = now.cpuMs - (before.get(tid)?.cpuMs ?? 0);
    if (now.nice === niceness) atNiceness += used;
    else others += used;
  }
  return { atNiceness, others };
}
