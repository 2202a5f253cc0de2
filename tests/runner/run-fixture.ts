// Test helper: runs a fixture job through the real launcher and runner, collecting its output.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputSource, RunnerResult, RunTarget } from '../../electron/shared/contract.js';
import type { LaunchOutcome, ModuleLauncher } from '../../electron/engine/ports.js';
import {
  createChildProcessLauncher,
  type ChildProcessLauncherOptions,
} from '../../electron/hosts/node/child-process-launcher.js';

/** Absolute path of a file under tests/fixtures/modules. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/modules/${name}`, import.meta.url));
}

/** A JS module target for a fixture. */
export function jsTarget(name: string): RunTarget {
  return { kind: 'js', path: fixture(name) };
}

/** What a fixture run produced: the launcher's outcome and every output line. */
export interface FixtureRun {
  outcome: LaunchOutcome;
  lines: Array<{ line: string; stream: OutputSource }>;
  /** Every line seen, even when `keepOutput` is false. */
  lineCount: number;
  /** Length of the longest line seen. */
  longestLine: number;
  dataDir: string;
}

/** Launch settings for a fixture run; defaults suit a quick job. */
export interface FixtureOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  graceMs?: number;
  memoryLimitMB?: number | null;
  signal?: AbortSignal;
  launcher?: ModuleLauncher | ChildProcessLauncherOptions;
  keepOutput?: boolean;
}

/** Runs `target` once as module `fixture-job` in a fresh temp data folder (removed afterwards). */
export async function runFixture(target: RunTarget, options: FixtureOptions = {}): Promise<FixtureRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sentinel-runner-test-'));
  const launcher =
    options.launcher && 'launch' in options.launcher
      ? options.launcher
      : createChildProcessLauncher(options.launcher ?? {});
  const lines: FixtureRun['lines'] = [];
  let lineCount = 0;
  let longestLine = 0;
  try {
    const outcome = await launcher.launch(
      { type: 'start', module: 'fixture-job', target, cwd: dataDir, dataDir, env: options.env ?? {} },
      {
        timeoutMs: options.timeoutMs ?? 20_000,
        graceMs: options.graceMs ?? 1_000,
        memoryLimitMB: options.memoryLimitMB ?? null,
        signal: options.signal ?? new AbortController().signal,
        onOutput: (line, stream) => {
          lineCount++;
          longestLine = Math.max(longestLine, line.length);
          if (options.keepOutput !== false) lines.push({ line, stream });
        },
      },
    );
    return { outcome, lines, lineCount, longestLine, dataDir };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** True while a process with this pid runs; a zombie (exited, not yet reaped) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Resolves after `ms` milliseconds (only for waiting on real processes). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** User + system CPU seconds of a result; fails the test when the runner could not measure them. */
export function cpuSecondsOf(result: RunnerResult): number {
  if (result.cpuUser === null || result.cpuSystem === null) throw new Error(`CPU not measured (${result.method})`);
  return result.cpuUser + result.cpuSystem;
}
