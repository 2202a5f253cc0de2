// The paths the committer may stage: checked once when it is created, then narrowed on each
// commit to those git can act on (present on disk, or tracked and since deleted).
import { lstat } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import type { GitRun } from './git-runner.js';

/** Normalises configured paths (relative, inside the repository); throws quoting a bad one. */
export function normalizeCommitPaths(paths: readonly string[]): string[] {
  const normalized = new Set<string>();
  for (const raw of paths) {
    const slashed = raw.replaceAll('\\', '/');
    if (slashed.trim() === '' || isAbsolute(raw) || slashed.startsWith('/')) {
      throw new Error(`Commit path "${raw}" must be a non-empty path relative to the repository folder`);
    }
    const path = posix.normalize(slashed).replace(/\/+$/, '');
    if (path === '..' || path.startsWith('../')) {
      throw new Error(`Commit path "${raw}" points outside the repository folder`);
    }
    normalized.add(path === '' ? '.' : path);
  }
  return [...normalized];
}

/** The configured paths that exist on disk or are tracked by git (deletions must be staged too). */
export async function stageablePaths(run: GitRun, repoDir: string, paths: readonly string[]): Promise<string[]> {
  const present: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const found = await lstat(join(repoDir, path)).then(() => true, () => false);
    (found ? present : missing).push(path);
  }
  if (missing.length === 0) return present;
  // Pathspecs are literal (GIT_LITERAL_PATHSPECS), so a listed name is the path or a folder above it.
  const tracked = (await run(['ls-files', '-z', '--', ...missing])).split('\0').filter((name) => name !== '');
  const gone = missing.filter((path) => tracked.some((name) => name === path || name.startsWith(`${path}/`)));
  return [...present, ...gone];
}
