// Runs a JS module's default export `run(ctx)` inside this runner process and measures the process:
// process.resourceUsage() (getrusage: CPU in µs, peak RSS) at the end, plus the CPU of any
// children the module spawned and reaped (/proc/self/stat cutime+cstime, 10 ms ticks).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { captureHttp, trackApi } from './api-capture.mjs';
import { reapedChildrenCpu, roundMicro } from './cpu-time.mjs';
import { HAS_PROC } from './proc-tree.mjs';

/** @typedef {import('../shared/contract.js').RunRequest} RunRequest */
/** @typedef {import('../shared/contract.js').RunnerResult} RunnerResult */
/** @typedef {import('./api-recorder.mjs').ApiRecorder} ApiRecorder */
/** @typedef {import('./run-command.mjs').Log} Log */

const METHOD = HAS_PROC
  ? 'js: runner process.resourceUsage() (cpu µs, maxRSS) + reaped children cutime+cstime (/proc/self/stat, 10 ms ticks)'
  : `js: runner process.resourceUsage() (cpu µs, maxRSS); children not counted on ${process.platform}`;

/**
 * Imports the module and awaits `run(ctx)`; a throw, a rejection or an uncaught error fails the run.
 * @param {RunRequest & { target: { kind: 'js' } }} request
 * @param {{ signal: AbortSignal, log: Log, recorder: ApiRecorder }} io
 * @returns {Promise<RunnerResult>}
 */
export async function runJs(request, { signal, log, recorder }) {
  const before = reapedChildrenCpu() ?? { user: 0, system: 0 };
  Object.assign(process.env, request.env, {
    SENTINEL_MODULE: request.module,
    SENTINEL_DATA_DIR: request.dataDir,
  });
  const stopCapture = captureHttp(recorder);
  /** @type {{ message: string, stack: string | null } | null} */
  let error = null;
  try {
    process.chdir(request.cwd);
    const path = resolve(request.cwd, request.target.path);
    const run = await loadRun(path);
    const ctx = {
      module: request.module,
      dataDir: request.dataDir,
      signal,
      log,
      /** @type {<T>(name: string, fn: () => T | Promise<T>) => Promise<T>} */
      trackApi: (name, fn) => trackApi(recorder, name, fn),
    };
    await Promise.race([run(ctx), uncaughtError()]);
  } catch (thrown) {
    error = toErrorInfo(thrown);
  }
  stopCapture();
  const usage = process.resourceUsage();
  const after = reapedChildrenCpu() ?? { user: 0, system: 0 };
  return {
    type: 'result',
    ok: error === null,
    error,
    exitCode: null,
    signal: null,
    cpuUser: roundMicro(usage.userCPUTime / 1e6 + (after.user - before.user)),
    cpuSystem: roundMicro(usage.systemCPUTime / 1e6 + (after.system - before.system)),
    maxRssBytes: usage.maxRSS * 1024,
    method: METHOD,
    api: recorder.summary(),
    requests: recorder.records(),
  };
}

/**
 * The module's default export, checked to be a function.
 * @param {string} path
 * @returns {Promise<(ctx: object) => unknown>}
 */
async function loadRun(path) {
  const mod = await import(pathToFileURL(path).href);
  if (!('default' in mod)) {
    throw new Error(`${path} has no default export: expected \`export default async function run(ctx)\``);
  }
  if (typeof mod.default !== 'function') {
    throw new Error(`the default export of ${path} is a ${typeof mod.default}, not a function run(ctx)`);
  }
  return mod.default;
}

/** Rejects with the first uncaught exception or unhandled rejection, which would otherwise kill the runner. */
function uncaughtError() {
  return new Promise((_, reject) => {
    process.once('uncaughtException', reject);
    process.once('unhandledRejection', reject);
  });
}

/**
 * Message and stack of anything thrown; non-Error values are stringified.
 * @param {unknown} thrown
 */
export function toErrorInfo(thrown) {
  if (thrown instanceof Error) return { message: thrown.message || thrown.name, stack: thrown.stack ?? null };
  let message;
  try {
    message = typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown));
  } catch {
    message = String(thrown);
  }
  return { message, stack: null };
}
