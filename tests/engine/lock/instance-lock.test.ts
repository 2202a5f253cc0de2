import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acquireInstanceLock, InstanceLockedError, LOCK_DIR } from '../../../electron/engine/lock/instance-lock.js';
import type { InstanceLock } from '../../../electron/engine/lock/instance-lock.js';
import { PID_FILE } from '../../../electron/engine/lock/pid-file.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const holderScript = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));

let dataDir: string;
const held: InstanceLock[] = [];
const children: ChildProcess[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sentinel-lock-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const lock of held.splice(0)) await lock.release();
  await rm(dataDir, { recursive: true, force: true });
});

async function acquire(options?: Parameters<typeof acquireInstanceLock>[1]): Promise<InstanceLock> {
  const lock = await acquireInstanceLock(dataDir, options);
  held.push(lock);
  return lock;
}

/** Starts the holder script in its own process and waits for its one-line report. */
async function startHolder(): Promise<{ child: ChildProcess; report: { ok: boolean; pid?: number; message?: string } }> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dataDir], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`holder exited with ${code} before reporting`)));
  });
  return { child, report: JSON.parse(first) };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('acquireInstanceLock', () => {
  it('refuses a second Sentinel in another process, naming the folder and the holder pid', async () => {
    await acquire();

    const { report } = await startHolder();

    expect(report.ok).toBe(false);
    expect(report.message).toBe(`The data folder "${dataDir}" is in use by another Sentinel (pid ${process.pid}). Stop it first, or use another data folder.`);
  });

  it('fails here while a live process holds the folder, and succeeds once it releases', async () => {
    const { child, report } = await startHolder();
    expect(report).toEqual({ ok: true, pid: child.pid });

    const refused = await acquireInstanceLock(dataDir).catch((error: unknown) => error);
    child.stdin!.end();
    await exited(child);
    const lock = await acquire();

    expect(refused).toBeInstanceOf(InstanceLockedError);
    expect(refused).toMatchObject({ dataDir, pid: child.pid });
    expect(lock.dataDir).toBe(dataDir);
  });

  it('takes over a stale lock whose holder stopped refreshing it', async () => {
    await mkdir(join(dataDir, LOCK_DIR));
    await writeFile(join(dataDir, PID_FILE), '4242\nanother-host\n');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dataDir, LOCK_DIR), old, old);

    await acquire({ staleMs: 10_000 });

    expect(await readFile(join(dataDir, PID_FILE), 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
  });

  it('takes over from a holder killed on this host without waiting for the lock to go stale', async () => {
    const { child } = await startHolder();
    child.kill('SIGKILL');
    await exited(child);
    const started = Date.now();

    await acquire({ staleMs: 30_000 });

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await readFile(join(dataDir, PID_FILE), 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
  });

  it('frees the folder on release, and a second release is harmless', async () => {
    const lock = await acquireInstanceLock(dataDir);

    await lock.release();
    await lock.release();

    expect(existsSync(join(dataDir, LOCK_DIR))).toBe(false);
    expect(existsSync(join(dataDir, PID_FILE))).toBe(false);
    await acquire();
  });

  it('reports a lost lock through onCompromised instead of crashing', async () => {
    const onCompromised = vi.fn();
    await acquire({ staleMs: 2_000, onCompromised });

    await rm(join(dataDir, LOCK_DIR), { recursive: true });

    await vi.waitFor(() => expect(onCompromised).toHaveBeenCalledOnce(), { timeout: 5_000, interval: 100 });
    expect(onCompromised.mock.calls[0]?.[0]).toMatchObject({ code: 'ECOMPROMISED' });
  });
});
