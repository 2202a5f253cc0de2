// Turns whatever git or simple-git threw into the one-line reason a CommitOutcome carries.
// Lock and hook failures are recognised by looking at the repository (lock file present,
// hooks installed), not by matching git's output, which is translated in other locales.
import { GitError, GitPluginError } from 'simple-git';
import { GitCommandError } from './git-runner.js';

/** What the committer knows about the repository when a step failed. */
export interface FailureContext {
  /** The step that failed, e.g. `add` or `commit`. */
  step: string;
  binary: string;
  timeoutMs: number;
  /** A lock file found in the repository after the failure, if any. */
  lockFile: string | null;
  /** Commit hooks installed in the repository (only consulted when the commit step failed). */
  hooks: readonly string[];
}

/** A one-line, human-readable reason for a failed git step. */
export function describeGitFailure(error: unknown, context: FailureContext): string {
  if (isSpawnNotFound(error)) {
    return `git is not installed or not found (tried "${context.binary}"): install git or configure its path`;
  }
  if (error instanceof GitPluginError && error.plugin === 'timeout') {
    return `git ${context.step} timed out after ${context.timeoutMs} ms and was stopped`;
  }
  const detail = firstMeaningfulLine(error);
  if (context.lockFile !== null) {
    return (
      `git repository is locked: ${context.lockFile} exists (another git process is running, ` +
      `or one crashed; remove the lock file if none is running)`
    );
  }
  if (context.step === 'commit' && context.hooks.length > 0 && error instanceof GitCommandError) {
    const said = detail === '' ? '' : `: ${detail}`;
    return `a git hook rejected the commit (installed: ${context.hooks.join(', ')})${said}`;
  }
  return `git ${context.step} failed: ${detail === '' ? 'unknown error' : detail}`;
}

/** True when the git binary itself could not be started. */
export function isSpawnNotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
  // simple-git wraps the spawn error and keeps only its text.
  return error instanceof GitError && /\bspawn\b.*\bENOENT\b/.test(error.message);
}

// git's own diagnosis is on a `fatal:`/`error:` line; hooks print whatever they like.
function firstMeaningfulLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const diagnosis = lines.find((line) => /^(fatal|error):/i.test(line));
  const line = diagnosis ?? lines[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
