import { spawn } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_PROC, listTree, readMemory, readSchedNs, readStat } from '../../electron/runner/proc-tree.mjs';
import { delay } from './run-fixture.js';

describe.runIf(HAS_PROC)('proc-tree', () => {
  it('reads this process: its stat, its memory and its run time', () => {
    const stat = readStat('self')!;
    expect(stat.pid).toBe(process.pid);
    expect(stat.ppid).toBe(process.ppid);
    expect(stat.utime + stat.stime).toBeGreaterThan(0);
    const memory = readMemory(process.pid)!;
    expect(memory.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(memory.hwmBytes).toBeGreaterThanOrEqual(memory.rssBytes);
    expect(readSchedNs(process.pid)).toBeGreaterThan(0);
  });

  it('parses a process whose name holds spaces and parentheses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sentinel-proc-'));
    const odd = join(dir, 'x) (y z');
    await symlink('/bin/sleep', odd);
    const child = spawn(odd, ['5'], { stdio: 'ignore' });
    try {
      await delay(50);
      const stat = readStat(child.pid!)!;
      expect(stat).toMatchObject({ pid: child.pid, ppid: process.pid });
      expect(listTree(process.pid).map((p) => p.pid)).toContain(child.pid);
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('returns null for a process that does not exist', () => {
    const pid = 2 ** 22 + 12_345;
    expect(readStat(pid)).toBeNull();
    expect(readMemory(pid)).toBeNull();
    expect(readSchedNs(pid)).toBeNull();
    expect(listTree(pid)).toEqual([]);
  });
});
