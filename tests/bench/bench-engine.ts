// A real engine (real child processes through the Node launcher, real files) built in-process for the
// benchmarks, as tests/engine/supervisor/engine-harness.ts builds one for the tests; git is off so
// commits do not add to what is measured.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { createAnomalyLog, createTextLog } from '../../electron/engine/anomalies/index.js';
import { validateConfig } from '../../electron/engine/config/load-config.js';
import { createEngine, type Engine } from '../../electron/engine/supervisor/engine.js';
import { createSystemClock } from '../../electron/engine/system-clock.js';
import { createChildProcessLauncher } from '../../electron/hosts/node/child-process-launcher.js';
import { createHostProbe } from '../../electron/hosts/node/host-probe.js';

/** Builds and loads an engine over `config` (validated like a config file) in `dataDir`. */
export async function benchEngine(config: Record<string, unknown>, dataDir: string): Promise<Engine> {
  const result = validateConfig({ git: { enabled: false }, ...config }, path.join(dataDir, 'sentinel.json'));
  if (!result.ok) throw new Error(result.message);
  const anomalyLog = createAnomalyLog({ file: path.join(dataDir, 'anomalies.log') });
  const supervisorLog = createTextLog({ file: path.join(dataDir, 'supervisor.log') });
  const engine = createEngine({
    loaded: result.loaded,
    dataDir,
    launcher: createChildProcessLauncher(),
    clock: createSystemClock(),
    hostProbe: createHostProbe(),
    committer: null,
    logs: {
      anomaly: (event) => anomalyLog.append(event),
      supervisor: (line) => supervisorLog.append(line),
      module: () => undefined,
    },
    retries: false,
    graceMs: 500,
  });
  await engine.load();
  return engine;
}

/**
 * Writes a JS module that, just before run() returns, writes the epoch time in ms with sub-ms precision
 * (performance.timeOrigin + performance.now()) to `stampFile`: the child-side moment the job ended.
 */
export async function writeStampModule(modulePath: string, stampFile: string): Promise<void> {
  await writeFile(
    modulePath,
    [
      "import { writeFileSync } from 'node:fs';",
      'export default async function run() {',
      // Written synchronously so the stamp is on disk before the runner reports the result.
      `  writeFileSync(${JSON.stringify(stampFile)}, String(performance.timeOrigin + performance.now()));`,
      '}',
      '',
    ].join('\n'),
  );
}
