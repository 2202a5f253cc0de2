// The Node ModuleLauncher: runs electron/runner/module-runner.mjs in a forked child, in a new
// process group (and session) shared by everything the job starts, and reports how it ended.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunRequest } from '../../shared/contract.js';
import type { LaunchOptions, LaunchOutcome, ModuleLauncher } from '../../engine/ports.js';
import { createOutputTail } from './output-capture.js';
import { childRunnerProcess } from './runner-process.js';
import { describeError, outcomeBuilder, watchRunner } from './watch-runner.js';

/** Settings of the Node launcher; all optional. */
export interface ChildProcessLauncherOptions {
  /** The runner entry; defaults to electron/runner/module-runner.mjs next to this source tree. */
  runnerPath?: string;
  /** Program that runs the runner, as in child_process.fork (e.g. /usr/bin/time in tests). */
  execPath?: string;
  /** Arguments before the runner path; defaults to none, not this process's own flags. */
  execArgv?: string[];
  /** Characters of stdout+stderr kept in `outputTail`. */
  tailChars?: number;
  /** Longer output lines are cut to this many characters. */
  maxLineChars?: number;
  /** How often the tree is walked (memory limit, and remembering processes to clean up). */
  watchIntervalMs?: number;
}

const DEFAULT_RUNNER = fileURLToPath(new URL('../../runner/module-runner.mjs', import.meta.url));

/** Creates a launcher that runs each job in a forked Node child process. */
export function createChildProcessLauncher(options: ChildProcessLauncherOptions = {}): ModuleLauncher {
  const config = {
    runnerPath: options.runnerPath ?? DEFAULT_RUNNER,
    execPath: options.execPath ?? process.execPath,
    execArgv: options.execArgv ?? [],
    tailChars: options.tailChars ?? 64 * 1024,
    maxLineChars: options.maxLineChars ?? 16 * 1024,
    watchIntervalMs: options.watchIntervalMs ?? 250,
  };
  return { launch: (request, launchOptions) => launchRunner(config, request, launchOptions) };
}

function launchRunner(
  config: Required<ChildProcessLauncherOptions>,
  request: RunRequest,
  options: LaunchOptions,
): Promise<LaunchOutcome> {
  const startedAt = Date.now();
  const t0 = performance.now();
  const tail = createOutputTail(config.tailChars);
  const outcome = outcomeBuilder(startedAt, t0, tail);
  let child: ChildProcess;
  try {
    child = fork(config.runnerPath, [], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
      execPath: config.execPath,
      execArgv: config.execArgv,
    });
  } catch (error) {
    return Promise.resolve(outcome({ launchError: describeError(error) }));
  }
  const { maxLineChars, watchIntervalMs } = config;
  return new Promise((resolve) =>
    watchRunner(childRunnerProcess(child), { request, options, tail, t0, maxLineChars, watchIntervalMs, outcome, resolve }),
  );
}
