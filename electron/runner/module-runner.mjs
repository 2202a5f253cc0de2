// Entry of the process that runs one job. The parent sends one `start` message (and maybe an
// `abort`); we answer with `log` messages and exactly one `result`, then exit. Plain JS with no
// dependencies, so it starts fast and runs unchanged in an Electron utility process.
import { format } from 'node:util';
import { createApiRecorder } from './api-recorder.mjs';
import { connectToParent } from './channel.mjs';
import { runCommand } from './run-command.mjs';
import { runJs, toErrorInfo } from './run-js.mjs';

/** @typedef {import('../shared/contract.js').RunRequest} RunRequest */
/** @typedef {import('../shared/contract.js').RunnerResult} RunnerResult */
/** @typedef {import('../shared/contract.js').RunnerToParent} RunnerToParent */

// After the parent goes away, how long a job gets to stop before the runner exits anyway.
const ORPHAN_EXIT_MS = 2000;
// How long output may take to drain at the end before the runner exits regardless.
const FLUSH_LIMIT_MS = 5000;

// Name-based lookups (ps, systeminformation) see at most 15 characters of the title.
process.title = 'snt-runner';

const channel = connectToParent();
if (channel === null) {
  process.stderr.write('module-runner: start me with child_process.fork() or utilityProcess.fork()\n');
  process.exit(2);
}
const parent = channel;
const controller = new AbortController();
let started = false;

parent.onMessage((message) => {
  if (typeof message !== 'object' || message === null) return;
  const { type } = /** @type {{ type?: unknown }} */ (message);
  if (type === 'start' && !started) {
    started = true;
    void start(/** @type {RunRequest} */ (message));
  } else if (type === 'abort') {
    controller.abort(String(/** @type {{ reason?: unknown }} */ (message).reason ?? 'aborted'));
  }
});
parent.onDisconnect(() => {
  controller.abort('the parent process went away');
  setTimeout(() => process.exit(1), ORPHAN_EXIT_MS).unref();
});

/** @param {RunRequest} request */
async function start(request) {
  process.title = `snt-${String(request.module)}`.slice(0, 15);
  const recorder = createApiRecorder();
  const io = { signal: controller.signal, log: createLog(), recorder };
  /** @type {RunnerResult} */
  let result;
  try {
    const target = request.target;
    if (target?.kind === 'js') result = await runJs({ ...request, target }, io);
    else if (target?.kind === 'command') result = await runCommand({ ...request, target }, io);
    else throw new Error(`unknown run target ${JSON.stringify(target)}`);
  } catch (error) {
    // Only a runner bug or a broken request gets here: the run targets report their own failures.
    result = failure(toErrorInfo(error));
  }
  await parent.send(result);
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  // Exit even if the module left timers or sockets open: the run is over.
  process.exit(0);
}

/**
 * Resolves once everything written so far has left: stdout to a pipe is asynchronous once the
 * pipe is full, and process.exit() would drop what is still queued.
 * @param {NodeJS.WriteStream} stream
 */
function flush(stream) {
  return new Promise((resolve) => {
    setTimeout(resolve, FLUSH_LIMIT_MS).unref();
    stream.write('', () => resolve(undefined));
  });
}

/** Logging for ctx.log: each call becomes one `log` message to the parent. */
function createLog() {
  /** @param {'info' | 'warn' | 'error'} level */
  const at = (level) => (/** @type {unknown[]} */ ...args) => {
    /** @type {RunnerToParent} */
    const message = { type: 'log', level, message: format(...args) };
    void parent.send(message);
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * A result for a run that could not even start.
 * @param {{ message: string, stack: string | null }} error
 * @returns {RunnerResult}
 */
function failure(error) {
  const usage = process.resourceUsage();
  return {
    type: 'result',
    ok: false,
    error,
    exitCode: null,
    signal: null,
    cpuUser: usage.userCPUTime / 1e6,
    cpuSystem: usage.systemCPUTime / 1e6,
    maxRssBytes: usage.maxRSS * 1024,
    method: 'runner failure: runner process.resourceUsage()',
    api: null,
    requests: [],
  };
}
