// Starts the real `sentinel serve` for a spec file, on a fresh data folder and a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../electron/cli/bin.mjs', import.meta.url));
/** Where screenshots of each screen go (a test artifact, kept out of git). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface Served {
  url: string;
  dataDir: string;
  output(): string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** The URL's API, authenticated when the server printed a token. */
  api<T>(route: string): Promise<T>;
}

export interface ServeOptions {
  dataDir?: string;
  args?: string[];
  config?: Record<string, unknown>;
}

/** Runs `sentinel serve --port 0` and resolves once it prints its URL. */
export async function serve(options: ServeOptions = {}): Promise<Served> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sentinel-e2e-')));
  const args = ['serve', '--port', '0', '--data', dataDir, ...(options.args ?? [])];
  if (options.config) {
    const file = path.join(dataDir, 'custom-config.json');
    await writeFile(file, JSON.stringify(options.config));
    args.push('--config', file);
  }
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Sentinel dashboard: (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sentinel serve exited with ${code}:\n${output}`)));
  });
  const base = new URL(url);
  const token = new URLSearchParams(base.hash.slice(1)).get('token');
  return {
    url,
    dataDir,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
    async api<T>(route: string): Promise<T> {
      const response = await fetch(new URL(route, base.origin), { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const body = (await response.json()) as { ok: boolean; data?: T; error?: string };
      if (!body.ok) throw new Error(`${route}: ${body.error}`);
      return body.data as T;
    },
  };
}
