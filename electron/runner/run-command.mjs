// Runs an external command as the job and measures its whole process tree.
// CPU: this runner's own /proc/self/stat cutime+cstime after the command was reaped, minus before
// it was spawned. The runner spawns nothing else, so the delta is exactly the CPU of the reaped
// tree (every descendant the command waited for), to one clock tick (10 ms) per field.
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventsFilePrefix, parseEvents } from './events-file.mjs';
import { reapedChildrenCpu, roundMicro } from './cpu-time.mjs';
import { HAS_PROC, readStat } from './proc-tree.mjs';
import { startTreeSampler } from './tree-sampler.mjs';

/** @typedef {import('../shared/contract.js').RunRequest} RunRequest */
/** @typedef {import('../shared/contract.js').RunnerResult} RunnerResult */
/** @typedef {import('./api-recorder.mjs').ApiRecorder} ApiRecorder */
/** @typedef {{ info(...a: unknown[]): void, warn(...a: unknown[]): void, error(...a: unknown[]): void }} Log */
/** @typedef {import('./tree-sampler.mjs').TreeSummary} TreeSummary */
/** @typedef {{ code: number | null, signal: string | null, error: string | null, tree: TreeSummary | null, wallSeconds: number | null }} CommandExit */

/** How long an aborted command gets between SIGTERM and SIGKILL. */
export const ABORT_GRACE_MS = 1000;
// After the command exits, how long its stderr may take to drain.
const STDERR_DRAIN_MS = 1000;

const METHOD_LINUX =
  'command tree: cpu = runner cutime+cstime delta over the reaped tree (/proc/self/stat, 10 ms ticks; ' +
  'or the sampled schedstat ns sum when larger); memory = max(summed VmRSS, max VmHWM) ' +
  'sampled from /proc every 10 ms for 0.5 s, then every 50 ms';
const METHOD_OTHER = `command tree on ${process.platform}: cpu not measured (reported as 0), memory not measured`;

/**
 * Runs `argv` in its own process group and reports its exit and measurements.
 * @param {RunRequest & { target: { kind: 'command' } }} request
 * @param {{ signal: AbortSignal, log: Log, recorder: ApiRecorder }} io
 * @returns {Promise<RunnerResult>}
 */
export async function runCommand(request, { signal, log, recorder }) {
  const [file, ...args] = request.target.argv;
  if (file === undefined || file === '') throw new Error('the command target has an empty argv');
  const eventsPath = join(tmpdir(), `${eventsFilePrefix(process.pid)}${randomUUID()}.jsonl`);
  writeFileSync(eventsPath, '', { flag: 'wx', mode: 0o600 });
  const before = reapedChildrenCpu();
  const exit = await spawnAndWait(file, args, {
    cwd: request.cwd,
    env: {
      ...process.env,
      ...request.env,
      SENTINEL_EVENTS: eventsPath,
      SENTINEL_MODULE: request.module,
      SENTINEL_DATA_DIR: request.dataDir,
    },
    signal,
  });
  const after = reapedChildrenCpu();
  readEventsFile(eventsPath, recorder, log);

  // Without /proc there is no tree accounting: say "not measured" (null), never 0.
  /** @type {number | null} */
  let cpuUser = null;
  /** @type {number | null} */
  let cpuSystem = null;
  if (before && after) {
    cpuUser = after.user - before.user;
    cpuSystem = after.system - before.system;
    // Both figures are lower bounds (ticks truncate; schedstat sees main threads up to the last
    // sample), so the larger is the better. It matters under one tick, where the delta reads 0.
    const floor = exit.tree?.schedSeconds ?? 0;
    if (floor > cpuUser + cpuSystem) cpuUser = floor - cpuSystem;
  }
  return {
    type: 'result',
    ok: exit.error === null,
    error: exit.error === null ? null : { message: exit.error, stack: null },
    exitCode: exit.code,
    wallSeconds: exit.wallSeconds,
    signal: exit.signal,
    cpuUser: cpuUser === null ? null : roundMicro(cpuUser),
    cpuSystem: cpuSystem === null ? null : roundMicro(cpuSystem),
    maxRssBytes: exit.tree?.peakRssBytes ?? null,
    method: HAS_PROC ? METHOD_LINUX : METHOD_OTHER,
    api: recorder.summary(),
    requests: recorder.records(),
  };
}

/**
 * @param {string} file
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, signal: AbortSignal }} options
 * @returns {Promise<CommandExit>}
 */
function spawnAndWait(file, args, { cwd, env, signal }) {
  return new Promise((resolve) => {
    // Own process group (and session): abort and cleanup can signal the whole tree at once.
    // stdout goes straight to ours; stderr passes through us so its last line can explain a failure.
    /** @type {import('node:child_process').ChildProcessByStdio<null, null, import('node:stream').Readable>} */
    let child;
    let started = 0;
    try {
      // The command's own wall time, spawn to exit: the runner's start-up is not the job's runtime.
      started = performance.now();
      child = spawn(file, args, { cwd, env, detached: true, stdio: ['ignore', 'inherit', 'pipe'] });
    } catch (error) {
      resolve({ code: null, signal: null, error: `could not start ${file}: ${String(error)}`, tree: null, wallSeconds: null });
      return;
    }
    let stderrTail = '';
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4096);
    });
    const sampler = HAS_PROC && child.pid !== undefined ? startTreeSampler(child.pid) : null;
    child.once('spawn', () => sampler?.sampleNow());
    /** @type {NodeJS.Timeout | undefined} */
    let killTimer;
    const onAbort = () => {
      signalGroup(child.pid, 'SIGTERM');
      killTimer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), ABORT_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });

    child.once('error', (error) => {
      sampler?.stop();
      signal.removeEventListener('abort', onAbort);
      resolve({ code: null, signal: null, error: `could not start ${file}: ${error.message}`, tree: null, wallSeconds: null });
    });
    child.once('exit', (code, killedBy) => {
      const wallSeconds = (performance.now() - started) / 1000;
      const tree = sampler?.stop() ?? null;
      clearTimeout(killTimer);
      signal.removeEventListener('abort', onAbort);
      // Background processes the command left behind would outlive the run: end them with it.
      signalGroup(child.pid, 'SIGKILL');
      for (const { pid, startTicks } of tree?.seen ?? []) {
        if (readStat(pid)?.startTicks === startTicks) signalPid(pid, 'SIGKILL');
      }
      const settle = () => {
        const lastLine = stderrTail.trimEnd().split('\n').pop()?.trim().slice(0, 300) ?? '';
        const error =
          killedBy !== null
            ? `killed by ${killedBy}${signal.aborted ? ` (aborted: ${String(signal.reason)})` : ''}`
            : code !== 0
              ? `exited with code ${code}${lastLine ? `: ${lastLine}` : ''}`
              : null;
        resolve({ code, signal: killedBy, error, tree, wallSeconds });
      };
      // 'close' comes once stderr is drained; an escaped process holding it must not stall us.
      child.once('close', settle);
      setTimeout(settle, STDERR_DRAIN_MS).unref();
    });
  });
}

/** @param {string} path @param {ApiRecorder} recorder @param {Log} log */
function readEventsFile(path, recorder, log) {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    log.warn(`could not read SENTINEL_EVENTS file: ${String(error)}`);
  }
  rmSync(path, { force: true });
  const { requests, warnings } = parseEvents(text);
  for (const warning of warnings) log.warn(warning);
  for (const request of requests) recorder.add(request);
}

/** @param {number | undefined} pgid @param {NodeJS.Signals} sig */
function signalGroup(pgid, sig) {
  if (pgid !== undefined) signalPid(-pgid, sig);
}

/** @param {number} pid @param {NodeJS.Signals} sig */
function signalPid(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone: nothing to do.
  }
}
