import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { displayProblem, findElectron, needsBuild } from '../../electron/cli/start.js';
import { exited, waitFor } from './cli-harness.js';

const START = fileURLToPath(new URL('../../electron/cli/start.mjs', import.meta.url));
const URL_LINE = /Sentinel dashboard: (http:\/\/127\.0\.0\.1:\d+\/)\n/;

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-start-'));
  temps.push(dir);
  return dir;
}

/** Runs `npm start`'s entry (as `npm start -- <args>` does) in the background. */
function startCommand(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [START, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

/** A stand-in electron package in `root`, whose index.js is `source` (the real one decides the same way: a path, or a throw). */
async function fakeElectronPackage(root: string, source: string): Promise<void> {
  const dir = path.join(root, 'node_modules', 'electron');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  await writeFile(path.join(dir, 'index.js'), source);
}

describe('npm start', () => {
  it('falls back to the web dashboard with one line that says why, serves the example, and exits 0 on SIGTERM', async () => {
    const dir = await tempDir();
    // The electron package's own override: "the binary is in this folder", which is empty here.
    const missing = path.join(dir, 'no-electron');
    const start = startCommand(['--port', '0', '--data', path.join(dir, 'data'), '--interval', '1h'], { ELECTRON_OVERRIDE_DIST_PATH: missing });
    try {
      const url = await waitFor(() => URL_LINE.exec(start.stdout())?.[1], 30_000, 'the dashboard URL');
      expect(start.stderr().split('\n').filter(Boolean)).toEqual([
        `Electron is not available on this machine (its binary is missing: ${path.join(missing, 'electron')}); starting the web dashboard instead.`,
      ]);
      const reply = await fetch(new URL('api/state', url));
      expect(reply.status).toBe(200);
      const body = (await reply.json()) as { ok: boolean; data: { modules: Array<{ name: string }> } };
      expect(body.data.modules.map((module) => module.name)).toEqual(['collector', 'signal_generator', 'backtester']);
      // The user's --interval came after start's own 10s, and won.
      expect(start.stdout()).toContain('Every 1h.');
    } finally {
      start.child.kill('SIGTERM');
    }
    expect(await exited(start.child)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('runs every 10 s when not told otherwise', async () => {
    const dir = await tempDir();
    const start = startCommand(['--port', '0', '--data', path.join(dir, 'data')], { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'none') });
    try {
      await waitFor(() => URL_LINE.exec(start.stdout())?.[1], 30_000, 'the dashboard URL');
      await waitFor(() => (start.stdout().includes('Every ') ? true : undefined), 5_000, 'the interval line');
      expect(start.stdout()).toContain('Every 10s.');
    } finally {
      start.child.kill('SIGTERM');
    }
    expect(await exited(start.child)).toEqual({ code: 0, signal: null });
  }, 60_000);
});

describe('looking for Electron', () => {
  it('says the binary could not be downloaded when the electron package fails to get it, as here', async (context) => {
    const probe = await findElectron();
    // On a machine that has the binary (any with internet), there is nothing to fail.
    if (probe.ok) context.skip(`this machine has an Electron binary at ${probe.path}`);
    expect(probe).toEqual({ ok: false, reason: 'its binary could not be downloaded' });
  }, 150_000);

  it('finds the binary the electron package names, when it exists', async () => {
    const dir = await tempDir();
    const binary = path.join(dir, 'dist', 'electron');
    await mkdir(path.dirname(binary));
    await writeFile(binary, '');
    expect(await findElectron({ env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.dirname(binary) } })).toEqual({ ok: true, path: binary });
  });

  it('gives up after its timeout and ends the probe with everything it started', async () => {
    const dir = await tempDir();
    const pidFile = path.join(dir, 'downloader.pid');
    // Like the real package mid-download: a child process that takes forever.
    await fakeElectronPackage(
      dir,
      `const { spawn } = require('child_process');
       const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
       require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
       require('child_process').execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);`,
    );
    const started = Date.now();
    const probe = await findElectron({ cwd: dir, timeoutMs: 1500 });
    expect(probe).toEqual({ ok: false, reason: 'looking for its binary took over 1.5 s' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const downloader = Number(await readFile(pidFile, 'utf8'));
    await waitFor(() => (isAlive(downloader) ? undefined : true), 5_000, 'the downloader to end');
  }, 20_000);

  it('quotes the error when requiring electron fails in another way', async () => {
    const dir = await tempDir();
    await fakeElectronPackage(dir, `throw new TypeError('unsupported platform: plan9');`);
    const probe = await findElectron({ cwd: dir });
    expect(probe.ok).toBe(false);
    if (!probe.ok) expect(probe.reason).toMatch(/^requiring the electron package failed: TypeError: unsupported platform: plan9$/);
  });

  it('says when the electron package is not installed at all', async () => {
    const dir = await tempDir();
    expect(await findElectron({ cwd: dir })).toEqual({ ok: false, reason: 'the electron package is not installed' });
  });

  it('on Linux, needs a display before it tries', () => {
    expect(displayProblem({}, 'linux')).toBe('there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set');
    expect(displayProblem({ DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(displayProblem({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(displayProblem({}, 'darwin')).toBeNull();
  });
});

describe('deciding whether the desktop app needs building', () => {
  it('builds when the main entry is missing or older than a source, and not otherwise', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ main: 'out/main/index.js' }));
    await mkdir(path.join(root, 'electron', 'main'), { recursive: true });
    await writeFile(path.join(root, 'electron', 'main', 'index.ts'), '');
    expect(await needsBuild(root)).toBe(true);
    await mkdir(path.join(root, 'out', 'main'), { recursive: true });
    await writeFile(path.join(root, 'out', 'main', 'index.js'), '');
    const past = new Date(Date.now() - 60_000);
    for (const file of ['package.json', 'electron/main/index.ts']) await utimes(path.join(root, file), past, past);
    expect(await needsBuild(root)).toBe(false);
    await writeFile(path.join(root, 'electron', 'main', 'index.ts'), '// changed');
    const future = new Date(Date.now() + 60_000);
    await utimes(path.join(root, 'electron', 'main', 'index.ts'), future, future);
    expect(await needsBuild(root)).toBe(true);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
