// Each fault: provoke it, check the reason and that the data is intact, remove it, and check that
// the next commit succeeds and carries the data changed meanwhile.
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitCommitter } from '../../../electron/engine/git/git-committer.js';
import type { GitCommitterOptions } from '../../../electron/engine/git/git-committer.js';
import { createGitFixture } from './git-fixture.js';
import type { GitFixture } from './git-fixture.js';

let fx: GitFixture;
let data: string;
let perf: string;

beforeEach(async () => {
  fx = await createGitFixture();
  data = join(fx.root, 'data');
  perf = join(data, 'performance.json');
  await fx.write(perf, '{"v":1}\n');
});
afterEach(() => fx.cleanup());

function committer(overrides: Partial<GitCommitterOptions> = {}) {
  return createGitCommitter({ repoDir: data, initIfMissing: true, paths: ['performance.json'], push: false, env: fx.env, ...overrides });
}

const subjects = (dir: string) => fx.git(dir, 'log', '--format=%s').trim().split('\n');
const committedPerf = () => fx.git(data, 'show', 'HEAD:performance.json');

async function whichGit(): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
}

describe('createGitCommitter when git fails', () => {
  it('reports a missing git binary, then commits once git is there', async () => {
    const bin = join(fx.root, 'bin');
    await mkdir(bin);
    const c = committer({ gitBinary: join(bin, 'git') });

    const failed = await c.commit('first');
    await symlink(await whichGit(), join(bin, 'git'));
    const retried = await c.commit('second');

    expect(failed).toEqual({ ok: false, error: expect.stringMatching(/git is not installed or not found/) });
    expect(retried).toMatchObject({ ok: true, committed: true });
    expect(subjects(data)).toEqual(['second']);
  });

  it('reports git missing from PATH, then commits once it is on PATH', async () => {
    const bin = join(fx.root, 'bin');
    await mkdir(bin);
    const c = committer({ env: { ...fx.env, PATH: bin } });

    const failed = await c.commit('first');
    await symlink(await whichGit(), join(bin, 'git'));
    const retried = await c.commit('second');

    expect(failed).toMatchObject({ ok: false, error: expect.stringContaining('git is not installed or not found') });
    expect(retried).toMatchObject({ ok: true, committed: true });
  });

  it('reports a locked repository, then commits the data changed meanwhile', async () => {
    const c = committer();
    await c.commit('first');
    await writeFile(join(data, '.git', 'index.lock'), '');
    await writeFile(perf, '{"v":2}\n');

    const failed = await c.commit('second');
    await writeFile(perf, '{"v":3}\n');
    await rm(join(data, '.git', 'index.lock'));
    const retried = await c.commit('third');

    expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/locked: .*index\.lock exists/) });
    expect(retried).toMatchObject({ ok: true, committed: true });
    expect(subjects(data)).toEqual(['third', 'first']);
    expect(committedPerf()).toBe('{"v":3}\n');
  });

  it('reports a failing pre-commit hook, then commits once the hook is gone', async () => {
    const c = committer();
    await c.commit('first');
    const hook = join(data, '.git', 'hooks', 'pre-commit');
    await writeFile(hook, '#!/bin/sh\necho "lint says no" >&2\nexit 1\n');
    await chmod(hook, 0o755);
    await writeFile(perf, '{"v":2}\n');

    const failed = await c.commit('second');
    const afterFailure = await readFile(perf, 'utf8');
    await rm(hook);
    const retried = await c.commit('third');

    expect(failed).toEqual({ ok: false, error: 'a git hook rejected the commit (installed: pre-commit): lint says no' });
    expect(afterFailure).toBe('{"v":2}\n');
    expect(retried).toMatchObject({ ok: true, committed: true });
    expect(subjects(data)).toEqual(['third', 'first']);
    expect(committedPerf()).toBe('{"v":2}\n');
  });

  it('refuses to commit on a detached HEAD, then commits once a branch is checked out', async () => {
    const c = committer();
    await c.commit('first');
    const branch = fx.git(data, 'symbolic-ref', '--short', 'HEAD').trim();
    fx.git(data, 'checkout', '--quiet', '--detach');
    await writeFile(perf, '{"v":2}\n');

    const failed = await c.commit('second');
    const headAfterFailure = fx.git(data, 'log', '-1', '--format=%s').trim();
    fx.git(data, 'checkout', '--quiet', branch);
    const retried = await c.commit('third');

    expect(failed).toMatchObject({ ok: false, error: expect.stringContaining('HEAD is detached') });
    expect(headAfterFailure).toBe('first');
    expect(retried).toMatchObject({ ok: true, committed: true });
    expect(committedPerf()).toBe('{"v":2}\n');
  });

  it('stops a git that hangs and says it timed out', async () => {
    const fake = join(fx.root, 'slow-git');
    await writeFile(fake, '#!/bin/sh\nexec sleep 20\n');
    await chmod(fake, 0o755);

    const outcome = await committer({ gitBinary: fake, timeoutMs: 300 }).commit('x');

    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/timed out after 300 ms/) });
  });
});

describe('createGitCommitter pushing', () => {
  it('pushes each commit to the remote only when push is on', async () => {
    const remote = join(fx.root, 'remote.git');
    fx.git(fx.root, 'init', '--quiet', '--bare', remote);
    fx.git(fx.root, 'init', '--quiet', '--initial-branch=main', data);
    fx.git(data, 'remote', 'add', 'origin', remote);

    const quiet = await committer({ push: false }).commit('local only');
    await writeFile(perf, '{"v":2}\n');
    const pushed = await committer({ push: true }).commit('pushed');

    expect(quiet).toMatchObject({ ok: true, committed: true });
    expect(pushed).toMatchObject({ ok: true, committed: true, message: expect.stringMatching(/pushed to origin$/) });
    expect(fx.git(remote, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['pushed', 'local only']);
  });

  it('reports a failed push and pushes the commit later, even when nothing new is committed', async () => {
    const remote = join(fx.root, 'remote.git');
    const c = committer({ push: true, remote: remote, branch: 'data' });

    const failed = await c.commit('first');
    fx.git(fx.root, 'init', '--quiet', '--bare', remote);
    const retried = await c.commit('nothing new');

    expect(failed).toEqual({ ok: false, error: expect.stringMatching(/^committed [0-9a-f]{7}, but git push failed: /) });
    expect(retried).toMatchObject({ ok: true, committed: false, message: expect.stringContaining('pushed earlier commits') });
    expect(fx.git(remote, 'log', '--format=%s', 'data').trim()).toBe('first');
  });
});
