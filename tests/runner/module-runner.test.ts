import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunRequest } from '../../electron/shared/contract.js';
import { delay, fixture, isAlive } from './run-fixture.js';

const RUNNER = fileURLToPath(new URL('../../electron/runner/module-runner.mjs', import.meta.url));

describe('module-runner', () => {
  it('refuses to run without a parent channel to report to', () => {
    const run = spawnSync(process.execPath, [RUNNER], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/start me with child_process\.fork\(\)/);
  });

  it('stops its command and exits when the parent goes away', async () => {
    const runner = fork(RUNNER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    let stdout = '';
    runner.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const request: RunRequest = {
      type: 'start',
      module: 'orphan',
      target: { kind: 'command', argv: ['sh', fixture('commands/leaves-sleeper.sh')] },
      cwd: tmpdir(),
      dataDir: tmpdir(),
      env: { HANG: '1' },
    };
    runner.send(request);
    for (let i = 0; i < 200 && !/shell \d+/.test(stdout); i++) await delay(10);
    const shell = Number(/shell (\d+)/.exec(stdout)?.[1]);
    const sleeper = Number(/sleeper (\d+)/.exec(stdout)?.[1]);
    expect(isAlive(shell)).toBe(true);
    const exited = once(runner, 'exit');
    runner.disconnect();
    await exited;
    await delay(50);
    expect(isAlive(shell)).toBe(false);
    expect(isAlive(sleeper)).toBe(false);
  });
});
