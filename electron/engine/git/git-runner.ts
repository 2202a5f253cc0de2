// A thin wrapper over simple-git's `raw()`: every non-zero exit becomes a GitCommandError that
// carries the exit code, so callers branch on codes instead of on (localised) git output.
import { GitError, simpleGit } from 'simple-git';

/** A git command that exited with a non-zero code. */
// Extends GitError because simple-git re-wraps any other error into a GitError, losing the code.
export class GitCommandError extends GitError {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly output: string,
  ) {
    super(undefined, output.trim() || `git ${args[0] ?? ''} exited with code ${exitCode}`);
    this.name = 'GitCommandError';
  }
}

export interface GitRunnerOptions {
  dir: string;
  binary: string;
  timeoutMs: number;
  /** Base environment (default process.env); guarded keys are dropped, see gitEnvironment. */
  env: Readonly<Record<string, string | undefined>> | undefined;
  /** `name=value` pairs passed as `-c` for each command; nothing is written to any config file. */
  config?: readonly string[];
}

/** Runs git commands in one folder; rejects with GitCommandError on a non-zero exit. */
export type GitRun = (args: readonly string[]) => Promise<string>;

// simple-git 4 rejects a task when an explicitly supplied env holds a "guarded" key it was not
// told to allow (every GIT_* key plus these), so they are dropped here, just as simple-git
// itself strips them from an inherited environment.
const GUARDED_PLAIN_KEYS = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);
// Kept from the caller's environment: tests use GIT_CONFIG_NOSYSTEM to ignore the machine's config.
const PASSED_GIT_KEYS = ['GIT_CONFIG_NOSYSTEM'];
const FORCED: Record<string, string> = {
  // A push must fail rather than wait for a password on a terminal nobody watches.
  GIT_TERMINAL_PROMPT: '0',
  // Configured paths are file names, never globs or pathspec magic.
  GIT_LITERAL_PATHSPECS: '1',
};

/** The environment git runs with: the base minus guarded keys, plus Sentinel's fixed settings. */
export function gitEnvironment(
  base: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const lower = key.toLowerCase();
    const guarded = lower.startsWith('git_') || GUARDED_PLAIN_KEYS.has(lower);
    if (!guarded || PASSED_GIT_KEYS.includes(key)) env[key] = value;
  }
  return { ...env, ...FORCED };
}

/** Creates a GitRun bound to one folder, binary, timeout and set of `-c` options. */
export function createGitRunner(options: GitRunnerOptions): GitRun {
  const env = gitEnvironment(options.env);
  return async (args) => {
    const git = simpleGit({
      baseDir: options.dir,
      binary: options.binary,
      // A hung git (network, credential helper, gpg) must not hang Sentinel.
      timeout: { block: options.timeoutMs },
      config: [...(options.config ?? [])],
      allowEnvironment: [...PASSED_GIT_KEYS, ...Object.keys(FORCED)],
      trimmed: false,
      errors: (error, result) => {
        if (!result.exitCode || result.exitCode < 0) return error;
        const output = Buffer.concat([...result.stdErr, ...result.stdOut]).toString('utf8');
        return new GitCommandError(args, result.exitCode, output);
      },
    }).env(env);
    return git.raw([...args]);
  };
}
