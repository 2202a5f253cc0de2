// `npm start`: the desktop app when Electron can run on this machine, otherwise the web dashboard
// (`sentinel serve --interval 10s`) with one line that says why. Either way Sentinel is seen working.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or unpacked app) root: where package.json and `electron .` live. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Long enough for the electron package to download its binary on a first start over a slow line. */
export const ELECTRON_PROBE_TIMEOUT_MS = 120_000;

/** The interval `npm start` runs at, on either path, so the example shows results within seconds. */
export const START_INTERVAL = '10s';

/** Whether Electron can run here: its binary, or why not in words that finish the sentence "Electron is not available (...)". */
export type ElectronProbe = { ok: true; path: string } | { ok: false; reason: string };

// Printed on a line of its own after anything the electron package prints while downloading.
const MARKER = 'SENTINEL_ELECTRON_PATH=';
// The package is named, not imported: this file runs in plain Node, where importing it would start the download.
const ELECTRON_PACKAGE = 'electron';
const PROBE = `process.stdout.write('\\n${MARKER}' + JSON.stringify(require(${JSON.stringify(ELECTRON_PACKAGE)})) + '\\n')`;

/** Options of findElectron; the defaults are the project and this environment. */
export interface ProbeOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Called once if the probe is still going after a few seconds (the binary is probably downloading). */
  onSlow?: () => void;
}

/**
 * Whether an Electron binary can be had, the way the electron package itself decides: requiring the package
 * in a child Node process (it downloads the binary on first use, and throws when it cannot), then a check
 * that the path it returns exists. A child, because the require can block for the whole download.
 */
export function findElectron(options: ProbeOptions = {}): Promise<ElectronProbe> {
  const timeoutMs = options.timeoutMs ?? ELECTRON_PROBE_TIMEOUT_MS;
  return new Promise((resolve) => {
    // Its own process group, so a timeout also ends the downloader the electron package spawns.
    const child = spawn(process.execPath, ['-e', PROBE], {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const slow = setTimeout(() => options.onSlow?.(), 3000);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(slow);
      clearTimeout(timer);
      resolve({ ok: false, reason: `Node could not be run to look for it (${error.message})` });
    });
    child.on('close', (code) => {
      clearTimeout(slow);
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, reason: `looking for its binary took over ${timeoutMs / 1000} s` });
      const line = out.split('\n').find((candidate) => candidate.startsWith(MARKER));
      if (code !== 0 || !line) return resolve({ ok: false, reason: failureReason(err) });
      const binary = JSON.parse(line.slice(MARKER.length)) as unknown;
      if (typeof binary !== 'string' || binary === '') return resolve({ ok: false, reason: 'the electron package named no binary' });
      if (!existsSync(binary)) return resolve({ ok: false, reason: `its binary is missing: ${binary}` });
      resolve({ ok: true, path: binary });
    });
  });
}

function failureReason(stderr: string): string {
  if (/Electron failed to install correctly/.test(stderr)) return 'its binary could not be downloaded';
  if (/Cannot find module 'electron'/.test(stderr)) return 'the electron package is not installed';
  // Node prints the failing source line first; the error's own line starts with its name.
  const lines = stderr.split('\n').map((line) => line.trim());
  const first = lines.find((line) => /^[A-Z]\w*(Error|Exception)\b/.test(line)) ?? lines.find(Boolean) ?? 'no message';
  return `requiring the ${ELECTRON_PACKAGE} package failed: ${first.slice(0, 160)}`;
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Why a desktop window cannot show here, or null when it can (only Linux says so up front). */
export function displayProblem(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set';
}

// Sources that go into the desktop build; config and test files elsewhere do not.
const BUILD_SOURCES = ['electron', 'renderer/src', 'renderer/index.html', 'package.json'];

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** The app's main entry from package.json (`main`), which the desktop build writes. */
export async function mainEntry(root = PROJECT_ROOT): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main?: string };
  return path.join(root, pkg.main ?? 'out/main/index.js');
}

/** True when the desktop build is missing or older than a source file. */
export async function needsBuild(root = PROJECT_ROOT): Promise<boolean> {
  const built = await stat(await mainEntry(root)).catch(() => null);
  if (!built) return true;
  for (const source of BUILD_SOURCES) if ((await newestMtime(path.join(root, source))) > built.mtimeMs) return true;
  return false;
}

/** Runs `npm run <script>` in `root` with the terminal attached; resolves to its exit code. */
export function runScript(script: string, root = PROJECT_ROOT): Promise<number> {
  // Under `npm start`, npm says where it is; run that same npm with the same Node.
  const npm = process.env.npm_execpath;
  const [command, args] = npm && npm.endsWith('.js') ? [process.execPath, [npm, 'run', script]] : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && !npm });
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Launches `<electron> .` with the given args and this environment; resolves to its exit code. */
export function launchElectron(binary: string, args: string[], root = PROJECT_ROOT): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, SENTINEL_INTERVAL: process.env.SENTINEL_INTERVAL ?? START_INTERVAL };
  // Set by some tools (VS Code's terminal, for one); with it, Electron would run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(binary, ['.', ...args], { cwd: root, env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', (error) => {
      process.stderr.write(`sentinel: could not start Electron at ${binary}: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
    });
  });
}

/** Why the desktop app cannot run here, or the Electron binary to run it with. */
async function desktopOrReason(): Promise<ElectronProbe> {
  const probe = await findElectron({ onSlow: () => process.stderr.write('Looking for Electron (a first start downloads it)...\n') });
  if (!probe.ok) return probe;
  const noDisplay = displayProblem();
  if (noDisplay) return { ok: false, reason: noDisplay };
  if (await needsBuild()) {
    const code = await runScript('build:electron');
    if (code !== 0) return { ok: false, reason: `the desktop build failed (npm run build:electron exited with ${code})` };
  }
  return probe;
}

/** Runs `npm start` with `args` passed through; resolves to the exit code. */
export async function start(args: string[]): Promise<number> {
  const desktop = await desktopOrReason();
  if (desktop.ok) return launchElectron(desktop.path, args);
  process.stderr.write(`Electron is not available on this machine (${desktop.reason}); starting the web dashboard instead.\n`);
  // `npm install` builds the renderer; a checkout that skipped it would serve a blank page.
  if (!existsSync(path.join(PROJECT_ROOT, 'out/renderer/index.html'))) {
    const code = await runScript('build');
    if (code !== 0) return code;
  }
  // Only now: the CLI pulls in the engine and the server, which the desktop path never needs here.
  const { main } = await import('./main.js');
  // The user's own --interval, if any, comes later and wins.
  return main(['serve', '--interval', START_INTERVAL, ...args]);
}
