import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitCommitter } from '../../../electron/engine/git/git-committer.js';
import type { GitCommitterOptions } from '../../../electron/engine/git/git-committer.js';
import { SENTINEL_GITIGNORE } from '../../../electron/engine/git/git-repo.js';
import { createGitFixture } from './git-fixture.js';
import type { GitFixture } from './git-fixture.js';

let fx: GitFixture;
let data: string;

beforeEach(async () => {
  fx = await createGitFixture();
  data = join(fx.root, 'data');
});
afterEach(() => fx.cleanup());

function committer(overrides: Partial<GitCommitterOptions> = {}) {
  return createGitCommitter({
    repoDir: data,
    initIfMissing: true,
    paths: ['performance.json', 'anomalies.log'],
    push: false,
    env: fx.env,
    ...overrides,
  });
}

const subjects = (dir: string) => fx.git(dir, 'log', '--format=%s').trim().split('\n').filter(Boolean);
const filesIn = (dir: string, rev = 'HEAD') => fx.git(dir, 'ls-tree', '-r', '--name-only', rev).trim().split('\n');

describe('createGitCommitter', () => {
  it('creates a repository in the data folder with its .gitignore and commits only the configured paths', async () => {
    await fx.write(join(data, 'performance.json'), '{"runs":[]}\n');
    await fx.write(join(data, 'scratch.txt'), 'not data\n');
    await fx.write(join(data, 'anomalies.log.lock'), '');

    const outcome = await committer().commit('Performance OK: iteration 1');

    expect(outcome).toMatchObject({ ok: true, committed: true, message: expect.stringMatching(/^Committed [0-9a-f]{7}$/) });
    expect(existsSync(join(data, '.git'))).toBe(true);
    expect(await readFile(join(data, '.gitignore'), 'utf8')).toBe(SENTINEL_GITIGNORE);
    expect(filesIn(data).sort()).toEqual(['.gitignore', 'performance.json']);
    expect(outcome.ok && outcome.sha).toBe(fx.git(data, 'rev-parse', 'HEAD').trim());
  });

  it('never makes an empty commit', async () => {
    await fx.write(join(data, 'performance.json'), '{}\n');
    const c = committer();
    await c.commit('first');

    const again = await c.commit('second');
    await fx.write(join(data, 'scratch.txt'), 'outside the configured paths\n');
    const outside = await c.commit('third');

    expect(again).toEqual({ ok: true, committed: false, sha: null, message: 'Nothing to commit' });
    expect(outside).toMatchObject({ ok: true, committed: false });
    expect(subjects(data)).toEqual(['first']);
  });

  it('does not climb to a parent repository', async () => {
    fx.git(fx.root, 'init', '--quiet');
    await fx.write(join(data, 'performance.json'), '{}\n');

    const refused = await committer({ initIfMissing: false }).commit('x');
    const created = await committer().commit('y');

    expect(refused).toEqual({ ok: false, error: expect.stringContaining('is not a git repository') });
    expect(created).toMatchObject({ ok: true, committed: true });
    expect(fx.git(data, 'rev-parse', '--show-toplevel').trim()).toBe(data);
    expect(() => fx.git(fx.root, 'rev-parse', 'HEAD')).toThrow();
  });

  it('stages only the configured paths of an existing repository and leaves the user\'s staged work alone', async () => {
    fx.git(fx.root, 'init', '--quiet');
    await fx.write(join(fx.root, 'notes.md'), 'draft\n');
    fx.git(fx.root, 'add', 'notes.md');
    await fx.write(join(fx.root, 'data', 'performance.json'), '{}\n');
    await fx.write(join(fx.root, 'data', 'logs', 'collector.log'), 'line\n');
    const configBefore = await readFile(join(fx.root, '.git', 'config'), 'utf8');

    const outcome = await committer({ repoDir: fx.root, initIfMissing: false, paths: ['data/performance.json', 'data/logs/'] }).commit('data');

    expect(outcome).toMatchObject({ ok: true, committed: true });
    expect(filesIn(fx.root).sort()).toEqual(['data/logs/collector.log', 'data/performance.json']);
    expect(fx.git(fx.root, 'diff', '--cached', '--name-only').trim()).toBe('notes.md');
    expect(existsSync(join(fx.root, '.gitignore'))).toBe(false);
    expect(await readFile(join(fx.root, '.git', 'config'), 'utf8')).toBe(configBefore);
  });

  it('commits as Sentinel without writing any git config when no identity is set', async () => {
    await fx.write(join(data, 'performance.json'), '{}\n');
    await committer().commit('first');

    expect(fx.git(data, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Sentinel <sentinel@localhost>');
    expect(await readFile(join(data, '.git', 'config'), 'utf8')).not.toMatch(/\[user\]|Sentinel/);
    expect(existsSync(join(fx.home, '.gitconfig'))).toBe(false);
    expect(existsSync(join(fx.home, '.config', 'git'))).toBe(false);
  });

  it('keeps the identity the user configured', async () => {
    fx.git(fx.root, 'init', '--quiet', data);
    fx.git(data, 'config', 'user.name', 'Ada');
    fx.git(data, 'config', 'user.email', 'ada@example.com');
    await fx.write(join(data, 'performance.json'), '{}\n');

    await committer().commit('mine');

    expect(fx.git(data, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Ada <ada@example.com>');
  });

  it('preserves a multi-line message exactly', async () => {
    const message = 'Performance OK: iteration 3\n\ncollector: runtime 1.2 s  \n# signal_generator: ok\n\n\nbacktester: ok';
    await fx.write(join(data, 'performance.json'), '{}\n');

    await committer().commit(message);

    expect(fx.git(data, 'log', '-1', '--format=%B')).toBe(`${message}\n\n`);
  });

  it('commits the deletion of a configured file', async () => {
    await fx.write(join(data, 'anomalies.log'), 'x\n');
    await fx.write(join(data, 'performance.json'), '{}\n');
    const c = committer();
    await c.commit('both');
    await rm(join(data, 'anomalies.log'));

    const outcome = await c.commit('one gone');

    expect(outcome).toMatchObject({ ok: true, committed: true });
    expect(filesIn(data).sort()).toEqual(['.gitignore', 'performance.json']);
  });

  it('runs concurrent commits to one repository one after the other', async () => {
    await fx.write(join(data, 'performance.json'), '{}\n');
    await fx.write(join(data, 'anomalies.log'), 'a\n');
    const c = committer({ paths: ['performance.json'] });
    const other = committer({ paths: ['anomalies.log'] });

    const outcomes = await Promise.all([c.commit('one'), c.commit('two'), other.commit('three')]);

    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true]);
    expect(subjects(data).sort()).toEqual(['one', 'three']);
  });

  it('refuses paths outside the repository when it is created', () => {
    expect(() => committer({ paths: ['../elsewhere.json'] })).toThrow(/"\.\.\/elsewhere\.json" points outside/);
    expect(() => committer({ paths: ['/etc/passwd'] })).toThrow(/"\/etc\/passwd" must be/);
  });
});

describe('the .gitignore of a repository Sentinel creates', () => {
  it('keeps locks, pid file, temporary and corrupt files out, but not rotated logs', async () => {
    await fx.write(join(data, 'performance.json'), '{}\n');
    await committer().commit('first');
    const names = ['x.lock', '.sentinel.lock/a', 'sentinel.pid', 'a.tmp', 'a.tmp-1', 'performance.json.3849202', 'performance.json.corrupt-2025', 'anomalies.log.1', 'runs/12.json'];
    for (const name of names) await fx.write(join(data, name), 'x');

    const ignored = fx.git(data, 'status', '--porcelain', '--ignored', '--untracked-files=all').trim().split('\n');

    expect(ignored.filter((l) => l.startsWith('!!')).map((l) => l.slice(3)).sort()).toEqual(
      ['.sentinel.lock/a', 'a.tmp', 'a.tmp-1', 'performance.json.3849202', 'performance.json.corrupt-2025', 'sentinel.pid', 'x.lock'].sort(),
    );
  });
});
