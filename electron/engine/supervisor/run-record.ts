// Turns how a runner process ended into the run record that Sentinel keeps. Pure.
import type { HostContext, RunRecord, RunStatus } from '../../shared/contract.js';
import type { LaunchOutcome } from '../ports.js';

const MB = 1024 * 1024;

/** The run record of one launch. */
export function toRunRecord(module: string, seq: number, outcome: LaunchOutcome, host: HostContext | null): RunRecord {
  const { result } = outcome;
  const status = runStatus(outcome);
  // A command's runtime is its own spawn-to-exit time, taken by the runner: the runner's start-up is not the job's.
  // A JS module's is its process's, start-up included, like the CPU and memory figures taken in that process.
  const runtime = Math.max(result?.wallSeconds ?? outcome.wallSeconds, 0);
  const cpuSeconds = result && result.cpuUser !== null && result.cpuSystem !== null ? result.cpuUser + result.cpuSystem : null;
  return {
    module,
    seq,
    status,
    startedAt: new Date(outcome.startedAt).toISOString(),
    endedAt: new Date(outcome.endedAt).toISOString(),
    exitCode: result?.exitCode ?? outcome.exitCode,
    signal: result?.signal ?? outcome.signal,
    error: runError(outcome, status),
    metrics: {
      runtime,
      // CPU % of one core; a run too short to time has no figure rather than a division by zero.
      cpu: cpuSeconds !== null && runtime > 0 ? (cpuSeconds / runtime) * 100 : null,
      memory: result?.maxRssBytes ? result.maxRssBytes / MB : null,
      apiLatency: result?.api && result.api.count > 0 ? result.api.mean : null,
    },
    cpuSeconds,
    api: result?.api ?? null,
    host,
    verdicts: {},
  };
}

function runStatus(outcome: LaunchOutcome): RunStatus {
  if (outcome.timedOut) return 'timeout';
  if (outcome.launchError !== null || outcome.memoryLimitExceeded) return 'crashed';
  if (outcome.result === null) return 'crashed';
  return outcome.result.ok ? 'ok' : 'error';
}

function runError(outcome: LaunchOutcome, status: RunStatus): RunRecord['error'] {
  if (status === 'ok') return null;
  if (outcome.launchError !== null) return { message: `could not start: ${outcome.launchError}`, stack: null };
  if (status === 'timeout') return { message: `timed out after ${outcome.wallSeconds.toFixed(1)} s; its process tree was killed`, stack: null };
  if (outcome.memoryLimitExceeded) return { message: 'passed its memory limit; its process tree was killed', stack: null };
  if (outcome.result?.error) return outcome.result.error;
  if (outcome.result === null) {
    const how = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.exitCode ?? 'unknown'}`;
    const lastLine = outcome.outputTail.trim().split('\n').at(-1) ?? '';
    return { message: `the module process ${how} before reporting${lastLine ? `: ${lastLine.slice(0, 300)}` : ''}`, stack: null };
  }
  return { message: 'failed', stack: null };
}
