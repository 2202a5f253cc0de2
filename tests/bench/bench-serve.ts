// Starts the real `sentinel serve --port 0` for a benchmark and reads the URL it prints, as
// tests/e2e/serve-fixture.ts does, but with a start-up timeout so a stuck server cannot hang the run.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export interface BenchServer {
  /** The printed URL (the origin plus `#/`). */
  url: string;
  origin: string;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

export async function startServe(dataDir: string, config: Record<string, unknown>, extraArgs: string[] = []): Promise<BenchServer> {
  const configFile = path.join(dataDir, 'bench-config.json');
  await writeFile(configFile, JSON.stringify(config));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, '--config', configFile, ...extraArgs], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sentinel serve printed no URL within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /Sentinel dashboard: (\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`sentinel serve exited with ${code}:\n${output}`));
      });
    });
    // The data listeners stay attached, so its output keeps draining and a full pipe never blocks the server.
    return { url, origin: new URL(url).origin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
