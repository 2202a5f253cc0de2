// Runs one job through Sentinel's real launcher and runner, and reads GNU time's report of the same
// process: the two sides of every accuracy comparison.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunnerResult, RunTarget } from '../../electron/shared/contract.js';
import type { LaunchOutcome } from '../../electron/engine/ports.js';
import {
  createChildProcessLauncher,
  type ChildProcessLauncherOptions,
} from '../../electron/hosts/node/child-process-launcher.js';

export const GNU_TIME = '/usr/bin/time';
/** Wall seconds, user and system CPU seconds, peak RSS in KB: what wait4() returns for the timed child. */
export const GNU_TIME_FORMAT = '%e %U %S %M';

export interface GnuTime {
  wallSeconds: number;
  cpuSeconds: number;
  maxRssKb: number;
}

/** The figures of a `-f '%e %U %S %M' -o file` report (its last line: earlier ones may say the exit status). */
export async function readGnuTime(file: string): Promise<GnuTime> {
  const last = (await readFile(file, 'utf8')).trim().split('\n').pop() ?? '';
  const [wall, user, system, maxKb] = last.split(' ').map(Number);
  if (![wall, user, system, maxKb].every((n) => Number.isFinite(n))) throw new Error(`unreadable GNU time report: ${last}`);
  return { wallSeconds: wall!, cpuSeconds: user! + system!, maxRssKb: maxKb! };
}

/** Launcher settings that put GNU time in front of the runner, so time's child is the runner process itself. */
export function timedRunner(reportFile: string): ChildProcessLauncherOptions {
  return { execPath: GNU_TIME, execArgv: ['-f', GNU_TIME_FORMAT, '-o', reportFile, process.execPath] };
}

/** argv of an external command that GNU time wraps: Sentinel measures the tree, time the job. */
export function timedCommand(reportFile: string, argv: string[]): string[] {
  return [GNU_TIME, '-f', GNU_TIME_FORMAT, '-o', reportFile, ...argv];
}

export interface LaunchJob {
  target: RunTarget;
  env?: Record<string, string>;
  launcher?: ChildProcessLauncherOptions;
  /** Job working directory and data folder (created if missing). */
  dir: string;
  timeoutMs?: number;
}

/** One launch as the engine does it (module `bench-job`); throws when the run did not succeed. */
export async function launchJob(job: LaunchJob): Promise<LaunchOutcome & { result: RunnerResult }> {
  await mkdir(job.dir, { recursive: true });
  const launcher = createChildProcessLauncher(job.launcher ?? {});
  const outcome = await launcher.launch(
    { type: 'start', module: 'bench-job', target: job.target, cwd: job.dir, dataDir: path.join(job.dir), env: job.env ?? {} },
    {
      timeoutMs: job.timeoutMs ?? 60_000,
      graceMs: 1_000,
      memoryLimitMB: null,
      signal: new AbortController().signal,
      onOutput: () => undefined,
    },
  );
  if (outcome.result === null || !outcome.result.ok) {
    const why = outcome.result?.error?.message ?? outcome.launchError ?? `exit ${outcome.exitCode} ${outcome.signal ?? ''}`;
    throw new Error(`bench job failed: ${why}\n${outcome.outputTail.slice(-500)}`);
  }
  return outcome as LaunchOutcome & { result: RunnerResult };
}
