// Assembles the engine with the Node implementations of its ports, for `sentinel run` and `sentinel serve`.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createAnomalyLog, createTextLog } from '../engine/anomalies/index.js';
import { exampleConfigIn } from '../engine/config/example-config.js';
import { createJsonConfigStore } from '../engine/config/json-config-store.js';
import { loadConfig, type LoadedConfig } from '../engine/config/load-config.js';
import { parseDuration } from '../engine/config/duration.js';
import { createGitCommitter } from '../engine/git/git-committer.js';
import type { ConfigStore } from '../engine/ports.js';
import { acquireInstanceLock } from '../engine/lock/instance-lock.js';
import { moduleFileName } from '../engine/store/module-files.js';
import { createEngine, type Engine } from '../engine/supervisor/engine.js';
import { createSystemClock } from '../engine/system-clock.js';
import { startOddsFeed, type OddsFeed } from '../example/odds-feed.js';
import { createChildProcessLauncher } from '../hosts/node/child-process-launcher.js';
import { createHostProbe } from '../hosts/node/host-probe.js';

export interface HeadlessOptions {
  config?: string | undefined;
  dataDir: string;
  interval?: string | undefined;
  once?: boolean;
  demoFaults?: boolean;
}

export interface HeadlessEngine {
  engine: Engine;
  loaded: LoadedConfig;
  dataDir: string;
  /** Where settings changes persist: the config file. */
  configStore: ConfigStore;
  /** Stops the engine, the demo feed and releases the data folder. */
  close(): Promise<void>;
}

/** A user error: printed as one line, exit code 2, nothing written. */
export class UsageError extends Error {}

/** Validates the config and flags, takes the data folder's lock and builds the engine. */
export async function openHeadlessEngine(options: HeadlessOptions): Promise<HeadlessEngine> {
  if (options.interval !== undefined && parseDuration(options.interval) === null) {
    throw new UsageError(`--interval: expected a duration such as 10s, 5m or 1h (got ${JSON.stringify(options.interval)})`);
  }
  const usingExample = options.config === undefined;
  const dataDir = path.resolve(options.dataDir);
  // A given config is validated before anything is written; the example's is created in the data folder.
  const configFile = options.config ?? (await exampleConfigIn(dataDir));
  const result = await loadConfig(configFile);
  if (!result.ok) throw new UsageError(result.message);
  const loaded = result.loaded;
  // --interval applies to this session only; the config file keeps its own.
  if (options.interval !== undefined) loaded.config.interval = options.interval;
  await mkdir(dataDir, { recursive: true });
  const lock = await acquireInstanceLock(dataDir);
  const feed: OddsFeed | null = usingExample ? await startOddsFeed() : null;
  const logsDir = path.join(dataDir, 'logs');
  await mkdir(logsDir, { recursive: true });
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
  const git = loaded.config.git;
  const engine = createEngine({
    loaded,
    dataDir,
    launcher: createChildProcessLauncher(),
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
    logs: {
      anomaly: (event) => anomalyLog.append(event),
      supervisor: (line) => supervisorLog.append(line),
      module: (module, line) => void moduleLog(module).append(line).catch(() => undefined),
    },
    extraEnv: {
      ...(feed ? { SENTINEL_ODDS_FEED: feed.url } : {}),
      ...(options.demoFaults ? { SENTINEL_DEMO_FAULTS: '1' } : {}),
    },
    retries: !options.once,
  });
  try {
    await engine.load();
  } catch (error) {
    await feed?.close();
    await lock.release();
    throw error;
  }
  return {
    engine,
    loaded,
    dataDir,
    configStore: createJsonConfigStore(loaded.file),
    async close() {
      await engine.stop();
      await feed?.close();
      await lock.release();
    },
  };
}
