// Starts and stops the two supervisors of the overhead benchmark: Sentinel's CLI engine (`sentinel run`)
// and a PM2 daemon with a private PM2_HOME. Each hands back the pid of the supervisor process itself.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SENTINEL_BIN = path.join(REPO, 'electron/cli/bin.mjs');
const PM2_BIN = path.join(REPO, 'node_modules/.bin/pm2');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export interface SentinelProcess {
  pid: number;
  dataDir: string;
  /** Runs recorded so far (performance.json, summed over modules). */
  runs(): Promise<number>;
  stop(): Promise<void>;
}

/** `node electron/cli/bin.mjs run` over `modules` JS modules, resolved once its first iteration is written. */
export async function startSentinel(dir: string, modulePath: string, count: number, interval: string): Promise<SentinelProcess> {
  const dataDir = path.join(dir, 'data');
  const config = path.join(dir, 'sentinel.json');
  await mkdir(dir, { recursive: true });
  await writeFile(
    config,
    JSON.stringify({
      interval,
      // Git auto-commit is off: its cost is in git child processes, which this benchmark does not count anyway.
      git: { enabled: false },
      modules: Array.from({ length: count }, (_, i) => ({ name: `job-${i + 1}`, path: modulePath })),
    }),
  );
  const child: ChildProcess = spawn(process.execPath, [SENTINEL_BIN, 'run', '--config', config, '--data', dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const runs = async (): Promise<number> => {
    try {
      const doc = JSON.parse(await readFile(path.join(dataDir, 'performance.json'), 'utf8')) as { modules: Record<string, { totalRuns: number }> };
      return Object.values(doc.modules).reduce((sum, m) => sum + m.totalRuns, 0);
    } catch {
      return 0;
    }
  };
  // Ready once the first iteration's summary is on disk: start-up (tsx compiling the engine) is over by then.
  await waitFor('Sentinel\'s first iteration', () => {
    if (child.exitCode !== null) throw new Error(`sentinel run exited ${child.exitCode}: ${stderr}`);
    return existsSync(path.join(dataDir, 'status.json'));
  }, 60_000);
  return {
    pid: child.pid!,
    dataDir,
    runs,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Pm2Daemon {
  pid: number;
  kill(): Promise<void>;
}

/** A private PM2 daemon (PM2_HOME under `dir`) running `count` copies of `script`, resolved when all are online. */
export async function startPm2(dir: string, script: string, count: number): Promise<Pm2Daemon> {
  const home = path.join(dir, 'pm2-home');
  await mkdir(home, { recursive: true });
  const ecosystem = path.join(dir, 'ecosystem.config.cjs');
  const apps = Array.from({ length: count }, (_, i) => ({ name: `app-${i + 1}`, script, autorestart: true }));
  await writeFile(ecosystem, `module.exports = ${JSON.stringify({ apps })};\n`);
  const env = { ...process.env, PM2_HOME: home };
  const pm2 = (...args: string[]) => run(PM2_BIN, args, { env, cwd: dir });
  const kill = async (): Promise<void> => void (await pm2('kill').catch(() => undefined));
  try {
    await pm2('start', ecosystem);
    await waitFor('PM2 apps online', async () => {
      const list = JSON.parse((await pm2('jlist')).stdout) as Array<{ pm2_env: { status: string } }>;
      return list.length === count && list.every((app) => app.pm2_env.status === 'online');
    }, 30_000);
    const pid = Number((await readFile(path.join(home, 'pm2.pid'), 'utf8')).trim());
    if (!Number.isInteger(pid) || pid <= 0) throw new Error('no PM2 daemon pid');
    return { pid, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}
