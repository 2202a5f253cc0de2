// Finds and kills a job's whole process tree through /proc, including processes that moved to
// another process group (the runner starts commands in their own group) or were orphaned.
// The /proc parsing is the runner's (electron/runner/proc-tree.mjs), so there is one copy of it.
import { HAS_PROC, listTree, readMemory, readStat } from '../../runner/proc-tree.mjs';

/** A process seen in a tree; pid plus start time names it even after its pid is reused. */
export interface SeenProcess {
  pid: number;
  pgid: number;
  startTicks: number;
}

/** The live tree under `rootPid`, root first; empty when the root is gone or /proc is missing. */
export function listProcessTree(rootPid: number): SeenProcess[] {
  return listTree(rootPid).map(({ pid, pgid, startTicks }) => ({ pid, pgid, startTicks }));
}

/** Resident memory of the given processes, summed, in bytes (gone processes count 0). */
export function sumRssBytes(processes: Iterable<SeenProcess>): number {
  let total = 0;
  for (const { pid } of processes) total += readMemory(pid)?.rssBytes ?? 0;
  return total;
}

/** Remembers every process ever seen under a root, so it can be killed after it left the tree. */
export function createTreeMemory(rootPid: number): { observe(): SeenProcess[]; seen(): SeenProcess[] } {
  const seen = new Map<string, SeenProcess>();
  return {
    observe() {
      const tree = listProcessTree(rootPid);
      for (const proc of tree) seen.set(`${proc.pid}:${proc.startTicks}`, proc);
      return tree;
    },
    seen: () => [...seen.values()],
  };
}

/**
 * SIGKILLs the tree under `rootPid`, its process groups and any `remembered` process still alive.
 * Returns how many processes it found to kill. Never throws.
 */
export function killProcessTree(rootPid: number, remembered: Iterable<SeenProcess> = []): number {
  const ownGroup = readStat('self')?.pgid;
  const targets = new Map<string, SeenProcess>();
  const stopAll = (procs: Iterable<SeenProcess>): number => {
    let added = 0;
    for (const proc of procs) {
      const key = `${proc.pid}:${proc.startTicks}`;
      if (targets.has(key) || proc.pid === process.pid) continue;
      targets.set(key, proc);
      // Frozen processes cannot fork while we collect the rest of the tree.
      signal(proc.pid, 'SIGSTOP');
      added++;
    }
    return added;
  };
  const alive = [...remembered].filter(isSameProcess);
  // Repeat until a walk finds nothing new: a process may have forked between walk and stop.
  for (let round = 0; round < 5; round++) {
    const found = [rootPid, ...alive.map((proc) => proc.pid)].flatMap(listProcessTree);
    if (stopAll([...found, ...alive]) === 0) break;
  }
  // Only groups of processes verified alive now (and the root's own, just reaped at worst):
  // a remembered group id may since have been reused by an unrelated process.
  const groups = new Set([rootPid]);
  for (const proc of targets.values()) {
    const now = readStat(proc.pid);
    if (now?.startTicks !== proc.startTicks) continue;
    groups.add(now.pgid);
    signal(proc.pid, 'SIGKILL');
  }
  for (const group of groups) {
    if (group > 1 && group !== ownGroup) signal(-group, 'SIGKILL');
  }
  if (!HAS_PROC) signal(rootPid, 'SIGKILL');
  return targets.size;
}

function isSameProcess(proc: SeenProcess): boolean {
  return readStat(proc.pid)?.startTicks === proc.startTicks;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Gone already, or never ours: either way there is nothing left to stop.
  }
}
