// The desktop app's ModuleLauncher: each run in an Electron utility process running the same runner
// (electron/runner/module-runner.mjs, which talks over process.parentPort there). The following of the
// process (output, timeout, abort, memory limit, killing the tree) is the Node launcher's watchRunner.
import type { Readable } from 'node:stream';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { LaunchOptions, LaunchOutcome, ModuleLauncher } from '../engine/ports.js';
import { createOutputTail } from '../hosts/node/output-capture.js';
import type { RunnerProcess } from '../hosts/node/runner-process.js';
import { describeError, outcomeBuilder, watchRunner } from '../hosts/node/watch-runner.js';
import type { RunRequest } from '../shared/contract.js';

/** Settings of the utility launcher; only the runner's path is required. */
export interface UtilityLauncherOptions {
  /** Absolute path of module-runner.mjs, resolved from app.getAppPath(). */
  runnerPath: string;
  tailChars?: number;
  maxLineChars?: number;
  watchIntervalMs?: number;
  /** How long the process may take to report 'spawn' before the launch counts as failed. */
  spawnTimeoutMs?: number;
}

/** Creates a launcher that runs each job in its own utility process. Never throws. */
export function createUtilityLauncher(options: UtilityLauncherOptions): ModuleLauncher {
  const config = {
    runnerPath: options.runnerPath,
    tailChars: options.tailChars ?? 64 * 1024,
    maxLineChars: options.maxLineChars ?? 16 * 1024,
    watchIntervalMs: options.watchIntervalMs ?? 250,
    spawnTimeoutMs: options.spawnTimeoutMs ?? 30_000,
  };
  return { launch: (request, launchOptions) => launchUtility(config, request, launchOptions) };
}

async function launchUtility(config: Required<UtilityLauncherOptions>, request: RunRequest, options: LaunchOptions): Promise<LaunchOutcome> {
  const startedAt = Date.now();
  const t0 = performance.now();
  const tail = createOutputTail(config.tailChars);
  const outcome = outcomeBuilder(startedAt, t0, tail);
  let child: UtilityProcess;
  try {
    child = utilityProcess.fork(config.runnerPath, [], {
      serviceName: request.module,
      stdio: 'pipe',
      env: definedEnv(process.env),
    });
  } catch (error) {
    return outcome({ launchError: describeError(error) });
  }
  // Until 'spawn' the pid is unknown, and the tree cannot be watched or killed.
  const started = await spawned(child, config.spawnTimeoutMs);
  if (started !== 'spawn') {
    child.kill();
    return outcome({ launchError: started });
  }
  child.on('error', (type, location) => {
    try {
      options.onOutput(`${type} in the module's process (${location})`, 'error');
    } catch {
      // A faulty listener must not break the run.
    }
  });
  const { maxLineChars, watchIntervalMs } = config;
  return new Promise((resolve) =>
    watchRunner(utilityRunnerProcess(child), { request, options, tail, t0, maxLineChars, watchIntervalMs, outcome, resolve }),
  );
}

/** 'spawn', or why the process did not start. */
function spawned(child: UtilityProcess, timeoutMs: number): Promise<'spawn' | string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`the utility process did not start within ${timeoutMs} ms`), timeoutMs);
    child.once('spawn', () => {
      clearTimeout(timer);
      resolve('spawn');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(`the utility process exited with code ${code} before it started`);
    });
  });
}

/** A spawned utility process as a RunnerProcess. */
function utilityRunnerProcess(child: UtilityProcess): RunnerProcess {
  // electron.d.ts types these as NodeJS.ReadableStream; at run time they are stream.Readable.
  const stdout = child.stdout as Readable | null;
  const stderr = child.stderr as Readable | null;
  const closed = Promise.all([streamDone(stdout), streamDone(stderr)]);
  return {
    pid: child.pid,
    stdout,
    stderr,
    // 'exit' carries only a code: a kill of ours must be reported as SIGKILL by watchRunner.
    reportsSignals: false,
    send(message) {
      try {
        if (child.pid !== undefined) child.postMessage(message);
      } catch {
        // The process is gone: its 'exit' reports what happened.
      }
    },
    onMessage: (listener) => void child.on('message', listener),
    // Failures to start were handled before; a fatal error is followed by 'exit'.
    onError: () => {},
    onExit: (listener) => void child.once('exit', (code) => listener(code, null)),
    onClose: (listener) => void closed.then(() => listener()),
    // A utility process has no channel to close: the port goes with the process.
    disconnect: () => {},
  };
}

function streamDone(stream: Readable | null): Promise<void> {
  if (stream === null || stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', () => resolve());
    stream.once('close', () => resolve());
    stream.once('error', () => resolve());
  });
}

/** process.env without unset entries, as ForkOptions.env wants plain strings. */
function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
