// Repository facts and set-up the committer needs: does repoDir hold its own repository, create
// one (with Sentinel's .gitignore) when asked, and find lock files and hooks after a failure.
import { constants } from 'node:fs';
import { access, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { GitRun } from './git-runner.js';

/** First line of the .gitignore Sentinel writes; its presence marks the file as Sentinel's. */
export const GITIGNORE_MARKER = '# Written by Sentinel for its data repository.';

/** The .gitignore Sentinel writes into a repository it creates. */
export const SENTINEL_GITIGNORE = [
  GITIGNORE_MARKER,
  '# Locks: proper-lockfile lock folders, the instance lock and its pid file.',
  '*.lock',
  '.sentinel.lock/',
  'sentinel.pid',
  '# Temporary files of atomic writes, caught mid-write (write-file-atomic names them <file>.<number>).',
  '*.tmp',
  '*.tmp-*',
  '*.json.[0-9]*',
  '# Corrupt files moved aside: git history already holds the last good version.',
  '*.corrupt-*',
  '',
].join('\n');

const COMMIT_HOOKS = ['pre-commit', 'prepare-commit-msg', 'commit-msg'] as const;

/** True when repoDir itself holds a repository (`.git` folder or file); parents are not searched. */
export async function hasOwnRepository(repoDir: string): Promise<boolean> {
  return exists(join(repoDir, '.git'));
}

/** Runs `git init` in repoDir (creating it) and writes Sentinel's .gitignore unless one exists. */
export async function initRepository(run: GitRun, repoDir: string, branch?: string): Promise<void> {
  await mkdir(repoDir, { recursive: true });
  await run(branch === undefined ? ['init', '--quiet'] : ['init', '--quiet', `--initial-branch=${branch}`]);
  try {
    await writeFile(join(repoDir, '.gitignore'), SENTINEL_GITIGNORE, { flag: 'wx' });
  } catch (error) {
    // A .gitignore already in the folder is the user's: keep it as it is.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** True when repoDir/.gitignore is the one Sentinel wrote, so it belongs in Sentinel's commits. */
export async function hasSentinelGitignore(repoDir: string): Promise<boolean> {
  try {
    const text = await readFile(join(repoDir, '.gitignore'), 'utf8');
    return text.startsWith(GITIGNORE_MARKER);
  } catch {
    return false;
  }
}

/** The repository's git folder as an absolute path, or null when git cannot tell. */
export async function gitDirOf(run: GitRun, repoDir: string): Promise<string | null> {
  try {
    const dir = (await run(['rev-parse', '--git-dir'])).trim();
    return isAbsolute(dir) ? dir : join(repoDir, dir);
  } catch {
    return null;
  }
}

/** The lock file that blocks git in this repository (index or HEAD's ref), if one exists. */
export async function findLockFile(gitDir: string | null): Promise<string | null> {
  if (gitDir === null) return null;
  const candidates = [join(gitDir, 'index.lock'), join(gitDir, 'HEAD.lock')];
  try {
    const head = (await readFile(join(gitDir, 'HEAD'), 'utf8')).trim();
    const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
    if (ref !== undefined) candidates.push(join(gitDir, `${ref}.lock`));
  } catch {
    // No readable HEAD: the index lock is still worth checking.
  }
  for (const file of candidates) if (await exists(file)) return file;
  return null;
}

/** Commit hooks that are installed and executable (honours core.hooksPath). */
export async function installedCommitHooks(run: GitRun, repoDir: string): Promise<string[]> {
  let hooksDir: string;
  try {
    const dir = (await run(['rev-parse', '--git-path', 'hooks'])).trim();
    hooksDir = isAbsolute(dir) ? dir : join(repoDir, dir);
    await readdir(hooksDir);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const hook of COMMIT_HOOKS) {
    const file = join(hooksDir, hook);
    const isFile = await stat(file).then((s) => s.isFile(), () => false);
    if (isFile && (await exists(file, constants.X_OK))) found.push(hook);
  }
  return found;
}

async function exists(file: string, mode: number = constants.F_OK): Promise<boolean> {
  return access(file, mode).then(
    () => true,
    () => false,
  );
}
