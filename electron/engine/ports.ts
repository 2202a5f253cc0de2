// The engine's ports: everything it needs from the outside world, as small interfaces.
// Node implementations live in electron/hosts/node; Electron ones in electron/main.
// Nothing under electron/engine may import `electron`.
import type { EngineEvent, HostContext, OutputSource, RunnerResult, RunRequest } from '../shared/contract.js';

/** Wall clock and timers, so tests can drive time instead of sleeping. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface LaunchOptions {
  /** The whole process tree is killed after this many milliseconds. */
  timeoutMs: number;
  /** Aborting asks the runner to stop, then kills the tree after `graceMs`. */
  signal: AbortSignal;
  graceMs: number;
  /** Kill the tree when its resident memory passes this many MB (null: no limit). */
  memoryLimitMB: number | null;
  /** Each line the job prints, or logs through ctx.log (with its level). */
  onOutput(line: string, source: OutputSource): void;
}

/** How one runner process ended. Failures are data here, never exceptions. */
export interface LaunchOutcome {
  startedAt: number;
  endedAt: number;
  /** Spawn to exit, from a monotonic clock. */
  wallSeconds: number;
  /** The runner's report; null when the process died before reporting. */
  result: RunnerResult | null;
  /** Exit code and signal of the runner process itself. */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
  /** True when the tree was killed for passing `memoryLimitMB`. */
  memoryLimitExceeded: boolean;
  /** The last bytes of stdout and stderr (bounded, so a flood cannot exhaust memory). */
  outputTail: string;
  /** Why the launch itself failed (e.g. spawn error), if it did. */
  launchError: string | null;
}

/** Starts one run of a module in its own process: a Node child here, a utility process in Electron. */
export interface ModuleLauncher {
  launch(request: RunRequest, options: LaunchOptions): Promise<LaunchOutcome>;
}

/** Host-wide context at run time. Returns null rather than throwing. */
export interface HostProbe {
  sample(): Promise<HostContext | null>;
}

export type CommitOutcome =
  | { ok: true; committed: boolean; sha: string | null; message: string }
  | { ok: false; error: string };

/** Commits Sentinel's data. Never throws: a failure is an outcome. */
export interface Committer {
  commit(message: string): Promise<CommitOutcome>;
}

/** Receives every engine event. */
export type EventSink = (event: EngineEvent) => void;

/** Where the config lives, so changes made in the UI persist: a JSON file headless, electron-store in the app. */
export interface ConfigStore {
  /** Shown to the user and used in error messages (a file path). */
  readonly location: string;
  /** Persists a validated config; rejects when it cannot (and the old one stays). */
  save(config: Record<string, unknown>): Promise<void>;
}
