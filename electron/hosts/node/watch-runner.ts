// Follows one runner process from fork to exit: its output, its messages, the timeout, the abort,
// the memory limit, and the cleanup of anything the job left behind. The same code follows a Node
// child and an Electron utility process, through the RunnerProcess port.
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputSource, RunnerResult, RunnerToParent, RunRequest } from '../../shared/contract.js';
import type { LaunchOptions, LaunchOutcome } from '../../engine/ports.js';
import { eventsFilePrefix } from '../../runner/events-file.mjs';
import { createLineSplitter, cutLine, type OutputTail } from './output-capture.js';
import { createTreeMemory, killProcessTree, sumRssBytes } from './process-tree.js';
import type { RunnerProcess } from './runner-process.js';

// After the runner exits, how long its output pipes get to drain before we stop waiting.
const DRAIN_MS = 2000;

/** What watchRunner needs to follow one runner process. */
export interface Watch {
  request: RunRequest;
  options: LaunchOptions;
  tail: OutputTail;
  /** performance.now() just before the fork. */
  t0: number;
  maxLineChars: number;
  watchIntervalMs: number;
  outcome(fields: Partial<LaunchOutcome>): LaunchOutcome;
  resolve(outcome: LaunchOutcome): void;
}

/** Sends the start message, then follows the runner to its end: output, messages, limits, cleanup. */
export function watchRunner(child: RunnerProcess, settings: Watch): void {
  const { request, options, tail, t0, maxLineChars, watchIntervalMs, outcome, resolve } = settings;
  const pid = child.pid;
  const state = { timedOut: false, aborted: false, memoryLimitExceeded: false, killed: false, done: false };
  let result: RunnerResult | null = null;
  const tree = createTreeMemory(pid ?? -1);
  const timers: NodeJS.Timeout[] = [];
  const emit = (line: string, stream: OutputSource): void => {
    try {
      options.onOutput(line, stream);
    } catch {
      // A faulty listener must not break the run or the launcher.
    }
  };
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (!source) continue;
    const lines = createLineSplitter(maxLineChars, (line) => emit(line, stream));
    source.setEncoding('utf8');
    source.on('data', (text: string) => {
      tail.append(text);
      lines.push(text);
    });
    source.on('end', () => lines.end());
    source.on('error', () => {});
  }
  const killTree = (): void => {
    state.killed = true;
    if (pid !== undefined) killProcessTree(pid, tree.seen());
  };
  const onAbort = (): void => {
    if (state.killed || state.done) return;
    state.aborted = true;
    child.send({ type: 'abort', reason: describeError(options.signal.reason ?? 'aborted') });
    timers.push(setTimeout(killTree, timerMs(options.graceMs)));
  };
  const finish = (fields: Partial<LaunchOutcome>): void => {
    if (state.done) return;
    state.done = true;
    for (const timer of timers) clearTimeout(timer);
    options.signal.removeEventListener('abort', onAbort);
    // A descendant that escaped every kill may still hold the pipes: stop reading them.
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.disconnect();
    if (result === null && pid !== undefined) removeEventsFiles(pid);
    const { timedOut, aborted, memoryLimitExceeded } = state;
    resolve(outcome({ result, timedOut, aborted, memoryLimitExceeded, ...fields }));
  };

  child.onMessage((received) => {
    const message = received as RunnerToParent | null | undefined;
    if (message?.type === 'log') {
      const level = message.level === 'warn' || message.level === 'error' ? message.level : 'info';
      for (const line of String(message.message).split('\n')) emit(cutLine(line, maxLineChars), level);
    } else if (message?.type === 'result' && result === null) {
      result = message;
    }
  });
  child.onError((error) => {
    // Spawn failures leave no pid and no 'exit'; other errors (a failed send) change nothing.
    if (pid === undefined) finish({ launchError: describeError(error) });
  });
  child.onExit((code, reported) => {
    // A host that gives only an exit code cannot tell our SIGKILL apart: say what we did.
    const killedHere = !child.reportsSignals && state.killed && reported === null;
    const ended = {
      exitCode: killedHere ? null : code,
      signal: killedHere ? 'SIGKILL' : reported,
      endedAt: Date.now(),
      wallSeconds: (performance.now() - t0) / 1000,
    };
    for (const timer of timers) clearTimeout(timer);
    // Whatever the job left behind (a background child, a daemon) goes with it.
    if (pid !== undefined) killProcessTree(pid, tree.seen());
    // Wait for 'close', so the last output and the result message are in, but not forever.
    timers.push(setTimeout(() => finish(ended), DRAIN_MS));
    child.onClose(() => finish(ended));
  });
  if (pid === undefined) return;

  child.send(request);
  timers.push(
    setTimeout(() => {
      if (state.killed) return;
      state.timedOut = true;
      killTree();
    }, timerMs(options.timeoutMs)),
  );
  const limitBytes = options.memoryLimitMB === null ? null : options.memoryLimitMB * 1024 * 1024;
  const sampler = setInterval(() => {
    const procs = tree.observe();
    if (limitBytes !== null && !state.killed && sumRssBytes(procs) > limitBytes) {
      state.memoryLimitExceeded = true;
      killTree();
    }
  }, watchIntervalMs);
  timers.push(sampler);
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener('abort', onAbort, { once: true });
}

/** Removes the events files of a runner that died before it could remove them itself. */
function removeEventsFiles(runnerPid: number): void {
  const prefix = eventsFilePrefix(runnerPid);
  try {
    for (const name of readdirSync(tmpdir())) {
      if (name.startsWith(prefix)) rmSync(join(tmpdir(), name), { force: true });
    }
  } catch {
    // A leftover temp file is not worth failing a run over.
  }
}

/**
 * Builds the outcome of a launch that began at `startedAt` (epoch ms) and `t0` (performance.now()):
 * every field defaulted, the end stamped now, the output tail as it stands.
 */
export function outcomeBuilder(startedAt: number, t0: number, tail: OutputTail): (fields: Partial<LaunchOutcome>) => LaunchOutcome {
  return (fields) => ({
    startedAt,
    endedAt: Date.now(),
    wallSeconds: (performance.now() - t0) / 1000,
    result: null,
    exitCode: null,
    signal: null,
    timedOut: false,
    aborted: false,
    memoryLimitExceeded: false,
    outputTail: tail.text(),
    launchError: null,
    ...fields,
  });
}

/** A delay setTimeout can take: it fires at once for anything above 2^31-1 ms, or for Infinity. */
function timerMs(ms: number): number {
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 2 ** 31 - 1) : 2 ** 31 - 1;
}

/** The message of an error, or the value as text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
