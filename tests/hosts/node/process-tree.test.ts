import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTreeMemory,
  killProcessTree,
  listProcessTree,
  sumRssBytes,
} from '../../../electron/hosts/node/process-tree.js';
import { delay, isAlive } from '../../runner/run-fixture.js';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.pid) killProcessTree(child.pid);
});

/** Starts `sh -c script` in its own group; resolves with it and the pids it printed, one a line. */
async function startTree(script: string, pidLines: number): Promise<{ root: ChildProcess; pids: number[] }> {
  const root = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(root);
  let text = '';
  root.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  for (let i = 0; i < 100 && text.split('\n').length <= pidLines; i++) await delay(10);
  return { root, pids: text.trim().split('\n').map(Number) };
}

describe('listProcessTree', () => {
  it('lists the root first, then every descendant', async () => {
    const { root, pids } = await startTree('sleep 30 & echo $!; sleep 30 & echo $!; wait', 2);
    const tree = listProcessTree(root.pid!);
    expect(tree[0]?.pid).toBe(root.pid);
    expect(tree.map((p) => p.pid)).toEqual(expect.arrayContaining(pids));
    expect(tree.every((p) => p.pgid === root.pid && p.startTicks > 0)).toBe(true);
    expect(sumRssBytes(tree)).toBeGreaterThan(0);
  });

  it('is empty for a process that does not exist', () => {
    expect(listProcessTree(2 ** 22 + 12_345)).toEqual([]);
  });
});

describe('killProcessTree', () => {
  it('kills the tree, including a descendant that moved to a session of its own', async () => {
    const { root, pids } = await startTree('setsid sleep 30 & echo $!; sleep 30 & echo $!; wait', 2);
    expect(listProcessTree(root.pid!).find((p) => p.pid === pids[0])?.pgid).toBe(pids[0]);
    expect(killProcessTree(root.pid!)).toBe(3);
    await delay(50);
    for (const pid of [root.pid!, ...pids]) expect(isAlive(pid)).toBe(false);
  });

  it('kills a remembered process that has left the tree since it was seen', async () => {
    const { root, pids } = await startTree('setsid sleep 30 & echo $!; wait', 1);
    const memory = createTreeMemory(root.pid!);
    memory.observe();
    // Killing the shell orphans the sleeper: it is no longer under the root.
    process.kill(root.pid!, 'SIGKILL');
    await delay(50);
    expect(listProcessTree(root.pid!)).toEqual([]);
    expect(isAlive(pids[0]!)).toBe(true);
    killProcessTree(root.pid!, memory.seen());
    await delay(50);
    expect(isAlive(pids[0]!)).toBe(false);
  });

  it('signals nothing, and does not throw, for a tree that is gone', () => {
    expect(killProcessTree(2 ** 22 + 12_345, [{ pid: 2 ** 22 + 12_346, pgid: 2 ** 22 + 12_346, startTicks: 1 }])).toBe(0);
  });
});
