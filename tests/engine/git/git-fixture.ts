// Temp folders and a plain `git` for tests, isolated from the machine's git configuration:
// HOME is a fresh folder and GIT_CONFIG_NOSYSTEM ignores /etc/gitconfig.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface GitFixture {
  root: string;
  home: string;
  env: Record<string, string>;
  /** Runs git in `dir` as a test user given on the command line (no config is written). */
  git(dir: string, ...args: string[]): string;
  write(file: string, text: string): Promise<void>;
  cleanup(): Promise<void>;
}

/** A fresh temp root with its own HOME. */
export async function createGitFixture(): Promise<GitFixture> {
  const root = await mkdtemp(join(tmpdir(), 'sentinel-git-'));
  const home = join(root, 'home');
  await mkdir(home);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  return {
    root,
    home,
    env,
    git(dir, ...args) {
      return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
        cwd: dir,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    },
    async write(file, text) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
