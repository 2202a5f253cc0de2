// Reads the Linux process table from /proc. Readers return null instead of throwing: processes
// come and go while we read, and a process that vanished is not an error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Ticks per second of /proc times: USER_HZ is 100 in the Linux ABI (`getconf CLK_TCK`). */
export const CLOCK_TICKS_PER_SECOND = 100;

/** True when this system has the /proc process table these readers need. */
export const HAS_PROC = process.platform === 'linux' && existsSync('/proc/self/stat');

/**
 * One process as /proc/<pid>/stat describes it. Times are clock ticks.
 * @typedef {object} ProcStat
 * @property {number} pid
 * @property {number} ppid
 * @property {number} pgid
 * @property {number} utime whole thread group
 * @property {number} stime
 * @property {number} cutime children this process has reaped
 * @property {number} cstime
 * @property {number} startTicks ticks after boot; with pid it names a process across pid reuse
 */

/**
 * Parses /proc/<pid>/stat; null when the process is gone.
 * @param {number | 'self'} pid
 * @returns {ProcStat | null}
 */
export function readStat(pid) {
  const text = readProcFile(`/proc/${pid}/stat`);
  if (text === null) return null;
  // The command name (field 2) may hold spaces and parentheses: split after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  /** @param {number} field 1-based field number from proc(5) */
  const num = (field) => Number(fields[field - 3]);
  const self = pid === 'self' ? process.pid : pid;
  const stat = {
    pid: self,
    ppid: num(4),
    pgid: num(5),
    utime: num(14),
    stime: num(15),
    cutime: num(16),
    cstime: num(17),
    startTicks: num(22),
  };
  return Number.isFinite(stat.startTicks) ? stat : null;
}

/**
 * Current and peak resident memory of a process, in bytes; null when it is gone or a zombie.
 * @param {number} pid
 * @returns {{ rssBytes: number, hwmBytes: number } | null}
 */
export function readMemory(pid) {
  const text = readProcFile(`/proc/${pid}/status`);
  if (text === null) return null;
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(text);
  const hwm = /^VmHWM:\s+(\d+) kB/m.exec(text);
  if (!rss || !hwm) return null;
  return { rssBytes: Number(rss[1]) * 1024, hwmBytes: Number(hwm[1]) * 1024 };
}

/**
 * Nanoseconds the main thread of a process has run (/proc/<pid>/schedstat); null when unknown.
 * @param {number} pid
 * @returns {number | null}
 */
export function readSchedNs(pid) {
  const text = readProcFile(`/proc/${pid}/schedstat`);
  const ns = text === null ? NaN : Number(text.split(' ')[0]);
  return Number.isFinite(ns) ? ns : null;
}

/**
 * A live process and all its descendants, root first; empty when the root is gone.
 * One scan of every /proc/<pid>/stat (about 1 ms for 80 processes) rather than the
 * /proc/<pid>/task/<tid>/children files: those need CONFIG_PROC_CHILDREN, which some kernels
 * (this project's CI VMs among them) lack, and the kernel documents them as racy.
 * @param {number} rootPid
 * @returns {ProcStat[]}
 */
export function listTree(rootPid) {
  if (!HAS_PROC) return [];
  /** @type {Map<number, ProcStat[]>} */
  const byParent = new Map();
  /** @type {ProcStat | null} */
  let root = null;
  for (const name of readDir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat === null) continue;
    if (stat.pid === rootPid) root = stat;
    const siblings = byParent.get(stat.ppid);
    if (siblings) siblings.push(stat);
    else byParent.set(stat.ppid, [stat]);
  }
  if (root === null) return [];
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    const parent = /** @type {ProcStat} */ (found[i]);
    found.push(...(byParent.get(parent.pid) ?? []));
  }
  return found;
}

/** @param {string} path */
function readProcFile(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** @param {string} path */
function readDir(path) {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
