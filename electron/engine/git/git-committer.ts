// The git implementation of the Committer port: stages only the configured paths, commits them
// with the caller's message, optionally pushes, and reports every failure as an outcome.
import { resolve } from 'node:path';
import type { CommitOutcome, Committer } from '../ports.js';
import { normalizeCommitPaths, stageablePaths } from './commit-paths.js';
import { describeGitFailure } from './git-failure.js';
import { findLockFile, gitDirOf, hasOwnRepository, hasSentinelGitignore, initRepository, installedCommitHooks } from './git-repo.js';
import { createGitRunner, GitCommandError } from './git-runner.js';
import type { GitRun } from './git-runner.js';

export interface GitCommitterOptions {
  /** The repository folder; by default the data folder itself. Parent repositories are never used. */
  repoDir: string;
  /** Run `git init` (and write Sentinel's .gitignore) when repoDir has no `.git` of its own. */
  initIfMissing: boolean;
  /** Paths relative to repoDir: the only paths ever staged and committed. */
  paths: string[];
  push: boolean;
  /** Remote to push to (default `origin`). */
  remote?: string;
  /** Remote branch to push to (default: the current branch's name); also names the branch of a new repository. */
  branch?: string;
  /** The git executable (default `git`, looked up on PATH). */
  gitBinary?: string;
  /** Kills a git command that shows no output for this long (default 60 s). */
  timeoutMs?: number;
  /** Environment for git (default process.env); tests use it to keep the machine's config out. */
  env?: Record<string, string | undefined>;
}

// Commit queues per repository folder, shared by every committer of this process.
const queues = new Map<string, Promise<unknown>>();

const FALLBACK_IDENTITY = { 'user.name': 'Sentinel', 'user.email': 'sentinel@localhost' } as const;

/** Creates a Committer over git. Throws only for invalid options (a bad path), never from commit(). */
export function createGitCommitter(options: GitCommitterOptions): Committer {
  const repoDir = resolve(options.repoDir);
  const paths = normalizeCommitPaths(options.paths);
  const binary = options.gitBinary ?? 'git';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const remote = options.remote ?? 'origin';
  const runner = (config?: readonly string[]): GitRun =>
    createGitRunner({ dir: repoDir, binary, timeoutMs, env: options.env, config });
  // Commits made while a push failed still need pushing once nothing new is committed.
  let pushPending = false;

  async function attempt(message: string): Promise<CommitOutcome> {
    const run = runner();
    let step = 'init';
    try {
      if (message.trim() === '') return { ok: false, error: 'commit message is empty' };
      if (!(await hasOwnRepository(repoDir))) {
        if (!options.initIfMissing) {
          return { ok: false, error: `${repoDir} is not a git repository (no .git in it) and initIfMissing is off` };
        }
        await initRepository(run, repoDir, options.branch);
      }
      step = 'symbolic-ref';
      const branch = await currentBranch(run);
      if (branch === null) {
        return { ok: false, error: `HEAD is detached in ${repoDir}: not committing, since commits there would be lost; check out a branch` };
      }
      step = 'add';
      const selected = await stageablePaths(run, repoDir, paths);
      if (!selected.includes('.gitignore') && (await hasSentinelGitignore(repoDir))) selected.push('.gitignore');
      if (selected.length > 0) await run(['add', '-A', '--', ...selected]);
      step = 'diff';
      const staged = selected.length > 0 && (await run(['diff', '--cached', '--name-only', '-z', '--', ...selected])) !== '';
      if (!staged) {
        if (!(options.push && pushPending)) return { ok: true, committed: false, sha: null, message: 'Nothing to commit' };
        step = 'push';
        await pushHead(run, branch);
        pushPending = false;
        return { ok: true, committed: false, sha: null, message: `Nothing to commit; pushed earlier commits to ${remote}` };
      }
      step = 'commit';
      // --only (implied by the paths) keeps anything else the user staged out of this commit;
      // verbatim keeps the caller's message exactly as given.
      await runner(await missingIdentity(run))(['commit', '--quiet', '--cleanup=verbatim', '-m', message, '--', ...selected]);
      const sha = (await run(['rev-parse', 'HEAD'])).trim();
      const short = sha.slice(0, 7);
      if (!options.push) return { ok: true, committed: true, sha, message: `Committed ${short}` };
      step = 'push';
      try {
        await pushHead(run, branch);
      } catch (error) {
        pushPending = true;
        return { ok: false, error: `committed ${short}, but ${await describe(run, error, step)}` };
      }
      pushPending = false;
      return { ok: true, committed: true, sha, message: `Committed ${short} and pushed to ${remote}` };
    } catch (error) {
      return { ok: false, error: await describe(run, error, step) };
    }
  }

  async function pushHead(run: GitRun, branch: string): Promise<void> {
    await run(['push', '--quiet', remote, `HEAD:refs/heads/${options.branch ?? branch}`]);
  }

  async function describe(run: GitRun, error: unknown, step: string): Promise<string> {
    try {
      const gitDir = await gitDirOf(run, repoDir);
      const lockFile = step === 'push' ? null : await findLockFile(gitDir);
      const hooks = step === 'commit' ? await installedCommitHooks(run, repoDir) : [];
      return describeGitFailure(error, { step, binary, timeoutMs, lockFile, hooks });
    } catch {
      return describeGitFailure(error, { step, binary, timeoutMs, lockFile: null, hooks: [] });
    }
  }

  return {
    commit(message) {
      // One commit per repository at a time: two at once would trip over each other's index.lock.
      const outcome = (queues.get(repoDir) ?? Promise.resolve()).then(() => attempt(message));
      queues.set(repoDir, outcome.catch(() => undefined));
      return outcome.catch((error: unknown) => ({ ok: false as const, error: `unexpected: ${String(error)}` }));
    },
  };
}

/** The checked-out branch's name, or null when HEAD is detached. */
async function currentBranch(run: GitRun): Promise<string | null> {
  try {
    const ref = (await run(['symbolic-ref', '-q', 'HEAD'])).trim();
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
  } catch (error) {
    if (error instanceof GitCommandError && error.exitCode === 1) return null;
    throw error;
  }
}

/** `-c` options for the identity parts git has no value for (as seen from this repository). */
async function missingIdentity(run: GitRun): Promise<string[]> {
  const missing: string[] = [];
  for (const [key, fallback] of Object.entries(FALLBACK_IDENTITY)) {
    const value = await run(['config', '--get', key]).catch((error: unknown) => {
      // Exit code 1 is git's "not set"; anything else is a real failure.
      if (error instanceof GitCommandError && error.exitCode === 1) return '';
      throw error;
    });
    if (value.trim() === '') missing.push(`${key}=${fallback}`);
  }
  return missing;
}
