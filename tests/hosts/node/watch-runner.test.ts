// watchRunner follows any RunnerProcess. The desktop app's utility processes report an exit code but
// no signal, and take messages without a Node IPC channel; this host mimics that over a real forked
// runner in this process's own process group (as a utility process is), so the shared timeout, abort
// and kill logic is exercised the way the utility launcher uses it, and never kills the test itself.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LaunchOutcome, ModuleLauncher } from '../../../electron/engine/ports.js';
import { createOutputTail } from '../../../electron/hosts/node/output-capture.js';
import { childRunnerProcess, type RunnerProcess } from '../../../electron/hosts/node/runner-process.js';
import { outcomeBuilder, watchRunner } from '../../../electron/hosts/node/watch-runner.js';
import { isAlive, jsTarget, runFixture } from '../../runner/run-fixture.js';

const RUNNER = fileURLToPath(new URL('../../../electron/runner/module-runner.mjs', import.meta.url));

/** A runner process that, like Electron's utility process, reports only exit codes. */
function exitCodesOnly(process: RunnerProcess): RunnerProcess {
  return {
    ...process,
    reportsSignals: false,
    onExit: (listener) => process.onExit((code) => listener(code ?? 137, null)),
  };
}

/** A launcher like the utility launcher, over a forked child that looks like a utility process. */
const exitCodeLauncher = (pids: number[]): ModuleLauncher => ({
  launch: (request, options) =>
    new Promise<LaunchOutcome>((resolve) => {
      const t0 = performance.now();
      const tail = createOutputTail(64 * 1024);
      const child = fork(RUNNER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'json' });
      if (child.pid !== undefined) pids.push(child.pid);
      const outcome = outcomeBuilder(Date.now(), t0, tail);
      watchRunner(exitCodesOnly(childRunnerProcess(child)), { request, options, tail, t0, maxLineChars: 16_384, watchIntervalMs: 100, outcome, resolve });
    }),
});

describe('watchRunner over a host that reports exit codes only', () => {
  it('reports an ordinary run as the runner reported it', async () => {
    const { outcome } = await runFixture(jsTarget('ok.mjs'), { launcher: exitCodeLauncher([]) });
    expect(outcome).toMatchObject({ result: { ok: true }, exitCode: 0, signal: null, timedOut: false });
  });

  it('reports its own kill on timeout as SIGKILL, not as an exit code, and the process is gone', async () => {
    const pids: number[] = [];
    const { outcome } = await runFixture(jsTarget('hangs-ignoring-abort.mjs'), { launcher: exitCodeLauncher(pids), timeoutMs: 600 });
    expect(outcome).toMatchObject({ timedOut: true, result: null, exitCode: null, signal: 'SIGKILL' });
    expect(pids.every((pid) => !isAlive(pid))).toBe(true);
  });

  it('asks the runner to stop on abort, then kills it after the grace period', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort('shutting down'), 300);
    const { outcome } = await runFixture(jsTarget('hangs-ignoring-abort.mjs'), {
      launcher: exitCodeLauncher([]),
      signal: controller.signal,
      graceMs: 300,
    });
    expect(outcome).toMatchObject({ aborted: true, timedOut: false, result: null, signal: 'SIGKILL' });
    expect(outcome.wallSeconds).toBeLessThan(3);
  });

  it('lets a runner that exits by itself keep its own exit code', async () => {
    const { outcome } = await runFixture(jsTarget('exits-nonzero.mjs'), { launcher: exitCodeLauncher([]) });
    expect(outcome).toMatchObject({ result: null, exitCode: 3, signal: null, timedOut: false });
  });
});
