// Starts the real desktop app for a spec, on a fresh data folder, with the test hooks on; or says why it cannot.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { displayProblem, findElectron, needsBuild, PROJECT_ROOT, runScript } from '../../electron/cli/start.js';

export type Launch = { ok: true; app: ElectronApplication; dataDir: string } | { ok: false; reason: string };

/**
 * Finds Electron the way `npm start` does, builds the app if its build is stale, and launches it with the
 * example pipeline's demo faults and a 300 ms interval, so an anomaly comes and goes within a minute.
 */
export async function launchDesktopApp(): Promise<Launch> {
  const probe = await findElectron();
  if (!probe.ok) return { ok: false, reason: `Electron is not available on this machine (${probe.reason}), so the desktop app cannot be tested here` };
  const noDisplay = displayProblem();
  if (noDisplay) return { ok: false, reason: `the desktop app cannot show here (${noDisplay}); run under xvfb-run -a` };
  if (await needsBuild()) {
    const code = await runScript('build:electron');
    if (code !== 0) throw new Error(`npm run build:electron exited with ${code}`);
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-desktop-'));
  const app = await electron.launch({
    executablePath: probe.path,
    args: ['.'],
    cwd: PROJECT_ROOT,
    env: {
      ...(process.env as Record<string, string>),
      SENTINEL_TEST_HOOKS: '1',
      SENTINEL_DEMO_FAULTS: '1',
      SENTINEL_INTERVAL: '300ms',
      SENTINEL_DATA_DIR: dataDir,
    },
    timeout: 60_000,
  });
  return { ok: true, app, dataDir };
}

/** PIDs of module processes on this machine: the runner names itself `snt-<module>` (at most 15 characters). */
export async function moduleProcesses(): Promise<Set<number>> {
  const found = new Set<number>();
  if (process.platform === 'linux') {
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
      if (comm.startsWith('snt-')) found.add(Number(entry));
    }
    return found;
  }
  const table = execFileSync('ps', ['-A', '-o', 'pid=,comm='], { encoding: 'utf8' });
  for (const line of table.split('\n')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (match && path.basename(match[2] ?? '').startsWith('snt-')) found.add(Number(match[1]));
  }
  return found;
}
