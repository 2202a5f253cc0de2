// Builds the engine from a validated config with the ports every host shares (clock, host probe, git,
// logs, the data folder's lock, the demo feed); only the process launcher differs per host: child
// processes for `sentinel run`/`serve`, utility processes in the desktop app. Electron-free.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createAnomalyLog, createTextLog } from '../../engine/anomalies/index.js';
import type { LoadedConfig } from '../../engine/config/load-config.js';
import { createGitCommitter } from '../../engine/git/git-committer.js';
import { acquireInstanceLock } from '../../engine/lock/instance-lock.js';
import type { ModuleLauncher } from '../../engine/ports.js';
import { moduleFileName } from '../../engine/store/module-files.js';
import { createEngine, type Engine, type EngineLogs } from '../../engine/supervisor/engine.js';
import { createSystemClock } from '../../engine/system-clock.js';
import { startOddsFeed, type OddsFeed } from '../../example/odds-feed.js';
import { createHostProbe } from './host-probe.js';

/** What a host decides; everything else is the same in every host. */
export interface AssemblyOptions {
  loaded: LoadedConfig;
  /** Absolute path of the data folder. */
  dataDir: string;
  launcher: ModuleLauncher;
  /** Start the demo odds feed that the example's collector polls (SENTINEL_ODDS_FEED). */
  oddsFeed: boolean;
  /** Give modules SENTINEL_DEMO_FAULTS=1 (the example's fault switch). */
  demoFaults: boolean;
  /** Retry failed modules with back-off (off for `--once`). */
  retries: boolean;
}

/** An engine with its history loaded and the data folder held. */
export interface AssembledEngine {
  engine: Engine;
  /** Stops the engine (modules within their grace period), the demo feed, and releases the data folder. */
  close(): Promise<void>;
}

/** Takes the data folder's lock, starts the feed if asked and builds and loads the engine. */
export async function assembleEngine(options: AssemblyOptions): Promise<AssembledEngine> {
  const { loaded, dataDir } = options;
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireInstanceLock(dataDir);
  let feed: OddsFeed | null = null;
  try {
    feed = options.oddsFeed ? await startOddsFeed() : null;
    const logsDir = path.join(dataDir, 'logs');
    await mkdir(logsDir, { recursive: true });
    const git = loaded.config.git;
    const engine = createEngine({
      loaded,
      dataDir,
      launcher: options.launcher,
      clock: createSystemClock(),
      hostProbe: createHostProbe(),
      committer: git.enabled
        ? createGitCommitter({
            repoDir: git.repository === null ? dataDir : path.resolve(loaded.baseDir, git.repository),
            initIfMissing: git.repository === null,
            paths: git.paths,
            push: git.push,
            remote: git.remote,
          })
        : null,
      logs: engineLogs(dataDir, logsDir),
      extraEnv: {
        ...(feed ? { SENTINEL_ODDS_FEED: feed.url } : {}),
        ...(options.demoFaults ? { SENTINEL_DEMO_FAULTS: '1' } : {}),
      },
      retries: options.retries,
    });
    await engine.load();
    const openFeed = feed;
    return {
      engine,
      async close() {
        await engine.stop();
        await openFeed?.close();
        await lock.release();
      },
    };
  } catch (error) {
    await feed?.close();
    await lock.release();
    throw error;
  }
}

/** anomalies.log, supervisor.log and one rotated log per module, under the data folder. */
function engineLogs(dataDir: string, logsDir: string): EngineLogs {
  const anomalyLog = createAnomalyLog({ file: path.join(dataDir, 'anomalies.log') });
  const supervisorLog = createTextLog({ file: path.join(dataDir, 'supervisor.log') });
  const moduleLogs = new Map<string, ReturnType<typeof createTextLog>>();
  const moduleLog = (module: string) => {
    let log = moduleLogs.get(module);
    if (!log) {
      log = createTextLog({ file: path.join(logsDir, `${moduleFileName(module)}.log`) });
      moduleLogs.set(module, log);
    }
    return log;
  };
  return {
    anomaly: (event) => anomalyLog.append(event),
    supervisor: (line) => supervisorLog.append(line),
    module: (module, line) => void moduleLog(module).append(line).catch(() => undefined),
  };
}
