// When the engine commits its data: after OK iterations (throttled) and on every recovery.
import type { IterationSummary, MetricName } from '../../shared/contract.js';
import { okCommitMessage, recoveryCommitMessage } from '../git/commit-messages.js';
import type { Committer } from '../ports.js';
import type { ModuleHistory } from '../store/performance-document.js';
import { PERFORMANCE_OK } from './status-line.js';

type GitStatus = IterationSummary['git'];

/** Commit points of the engine; a failed commit is reported and simply tried again at the next one. */
export function commitPolicy(committer: Committer | null, okCommitInterval: number, report: (source: string, message: string) => void) {
  let okIterations = 0;
  let last: GitStatus = null;

  const commit = async (message: string): Promise<GitStatus> => {
    if (!committer) return null;
    const outcome = await committer.commit(message);
    last = outcome.ok ? { ok: true, message: outcome.message } : { ok: false, message: outcome.error };
    if (!outcome.ok) report('git', `auto-commit failed: ${outcome.error}; will try again at the next commit point`);
    return last;
  };

  return {
    setOkCommitInterval(interval: number): void {
      okCommitInterval = interval;
    },
    lastOutcome: (): GitStatus => last,
    onRecovery: (module: string, metric: MetricName) => commit(recoveryCommitMessage(module, metric)),
    async onIteration(summary: IterationSummary, histories: ReadonlyMap<string, ModuleHistory>): Promise<GitStatus> {
      if (summary.status !== PERFORMANCE_OK) return last;
      okIterations += 1;
      if ((okIterations - 1) % okCommitInterval !== 0) return last;
      const lines = [...histories].map(([name, history]) => moduleLine(name, history));
      return commit(okCommitMessage(summary.iteration, lines));
    },
  };
}

function moduleLine(name: string, history: ModuleHistory): string {
  const run = history.lastRun;
  if (!run) return `${name}: no runs yet`;
  const m = run.metrics;
  const parts = [`runtime ${m.runtime.toFixed(2)}s`];
  if (m.cpu !== null) parts.push(`cpu ${m.cpu.toFixed(1)}%`);
  if (m.memory !== null) parts.push(`memory ${m.memory.toFixed(1)}MB`);
  if (m.apiLatency !== null) parts.push(`api ${m.apiLatency.toFixed(3)}s`);
  return `${name}: ${run.status}, ${parts.join(', ')}`;
}
