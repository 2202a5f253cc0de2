// One Sentinel per data folder. proper-lockfile holds `<dataDir>/.sentinel.lock` (a folder whose
// mtime the holder refreshes), so a holder that died is seen as stale after `staleMs` and taken
// over. A holder recorded in sentinel.pid that died on this very host is taken over sooner.
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { lock } from 'proper-lockfile';
import type { LockOptions } from 'proper-lockfile';
import { isDeadHereHolder, readPidFile, removeOwnPidFile, writePidFile } from './pid-file.js';

/** Name of the lock folder in the data folder. */
export const LOCK_DIR = '.sentinel.lock';

export interface InstanceLockOptions {
  /** A lock not refreshed for this long belongs to a dead holder (default 20 s; at least 2 s). */
  staleMs?: number;
  /** Called when the lock was lost (removed or taken over); the default prints a process warning. */
  onCompromised?: (error: Error) => void;
}

/** The held lock of a data folder. */
export interface InstanceLock {
  readonly dataDir: string;
  /** Frees the folder for the next Sentinel; safe to call twice or after the lock was lost. */
  release(): Promise<void>;
}

/** Thrown when another live Sentinel holds the data folder. */
export class InstanceLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    const holder = pid === null ? 'another Sentinel' : `another Sentinel (pid ${pid})`;
    super(`The data folder "${dataDir}" is in use by ${holder}. Stop it first, or use another data folder.`);
    this.name = 'InstanceLockedError';
  }
}

// A lock folder younger than this may have a holder that has not written sentinel.pid yet, so
// sentinel.pid may still name the previous, dead holder: do not trust it that early.
const PID_GRACE_MS = 2_000;

/** Takes the data folder for this process, or throws InstanceLockedError naming the holder. */
export async function acquireInstanceLock(dataDir: string, options: InstanceLockOptions = {}): Promise<InstanceLock> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lockPath = join(dir, LOCK_DIR);
  const report = options.onCompromised ?? ((error: Error) => process.emitWarning(`Sentinel lost the lock of "${dir}": ${error.message}`));
  const lockOptions: LockOptions = {
    lockfilePath: lockPath,
    stale: options.staleMs ?? 20_000,
    retries: 0,
    // proper-lockfile's default throws from a timer, which would crash the process.
    onCompromised: (error) => report(error),
  };

  let unlock: () => Promise<void>;
  try {
    unlock = await lock(dir, lockOptions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
      throw new Error(`Could not lock the data folder "${dir}": ${(error as Error).message}`, { cause: error });
    }
    const holder = await readPidFile(dir);
    if (holder === null || !isDeadHereHolder(holder)) throw new InstanceLockedError(dir, holder?.pid ?? null);
    unlock = await takeOverFromDeadHolder(dir, lockPath, lockOptions, holder.pid);
  }

  await writePidFile(dir);
  let released = false;
  return {
    dataDir: dir,
    async release() {
      if (released) return;
      released = true;
      await removeOwnPidFile(dir);
      await unlock().catch((error: NodeJS.ErrnoException) => {
        // Already lost (compromised) or released: nothing left to free.
        if (error.code !== 'ERELEASED' && error.code !== 'ENOTACQUIRED') throw error;
      });
    },
  };
}

async function takeOverFromDeadHolder(dir: string, lockPath: string, lockOptions: LockOptions, pid: number): Promise<() => Promise<void>> {
  const before = await lockMtime(lockPath);
  if (before !== null && Date.now() - before < PID_GRACE_MS) await delay(PID_GRACE_MS - (Date.now() - before));
  // A live holder would have refreshed the lock (or a successor re-created it) and rewritten sentinel.pid.
  const holder = await readPidFile(dir);
  const after = await lockMtime(lockPath);
  if ((after !== null && after !== before) || holder === null || !isDeadHereHolder(holder)) {
    throw new InstanceLockedError(dir, holder?.pid ?? pid);
  }
  if (after !== null) await rmdir(lockPath).catch(() => undefined);
  try {
    return await lock(dir, lockOptions);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new InstanceLockedError(dir, (await readPidFile(dir))?.pid ?? null);
    throw error;
  }
}

async function lockMtime(lockPath: string): Promise<number | null> {
  return stat(lockPath).then((s) => s.mtimeMs, () => null);
}
