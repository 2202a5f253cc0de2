// sentinel.pid beside the instance lock: who holds the data folder, so a second Sentinel can
// name it, and so a holder that crashed on this host can be told from one that is alive.
import { readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Name of the pid file in the data folder. */
export const PID_FILE = 'sentinel.pid';

/** The holder recorded in sentinel.pid. */
export interface PidRecord {
  pid: number;
  hostname: string;
}

/** Writes `<pid>\n<hostname>\n`, atomically, so a reader never sees half a pid. */
export async function writePidFile(dataDir: string, record: PidRecord = { pid: process.pid, hostname: hostname() }): Promise<void> {
  await writeFileAtomic(join(dataDir, PID_FILE), `${record.pid}\n${record.hostname}\n`);
}

/** The recorded holder, or null when the file is missing or not complete. */
export async function readPidFile(dataDir: string): Promise<PidRecord | null> {
  const text = await readFile(join(dataDir, PID_FILE), 'utf8').catch(() => null);
  const match = text === null ? null : /^(\d+)\n([^\n]+)\n$/.exec(text);
  if (match === null) return null;
  const pid = Number(match[1]);
  return Number.isSafeInteger(pid) && pid > 0 ? { pid, hostname: match[2] ?? '' } : null;
}

/** Removes sentinel.pid if it still names this process (a successor's record stays). */
export async function removeOwnPidFile(dataDir: string): Promise<void> {
  const record = await readPidFile(dataDir);
  if (record?.pid === process.pid && record.hostname === hostname()) await rm(join(dataDir, PID_FILE), { force: true });
}

/** True when the recorded holder ran on this host and its process no longer exists. */
export function isDeadHereHolder(record: PidRecord): boolean {
  if (record.hostname !== hostname() || record.pid === process.pid) return false;
  try {
    process.kill(record.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
