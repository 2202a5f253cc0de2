// `sentinel serve`: runs the pipeline like `run`, and serves the dashboard and its API over HTTP.
import path from 'node:path';
import type { Command } from 'commander';
import { createSentinelService } from '../../service/index.js';
import { isLoopbackHost, loadOrCreateToken, startServer, type RunningServer } from '../../server/index.js';
import { openHeadlessEngine, UsageError, type HeadlessEngine } from '../headless-engine.js';
import { consolePrinter } from '../output/console-printer.js';

interface ServeOptions {
  config?: string;
  data: string;
  port: string;
  host: string;
  interval?: string;
  demoFaults?: boolean;
}

/** The port `sentinel serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 4317;

/** Registers `sentinel serve`. */
export function registerServe(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('serve')
    .description('Run the pipeline and serve the dashboard on http://127.0.0.1:4317/.')
    .option('--config <file>', 'pipeline config (default: the built-in example pipeline)')
    .option('--data <dir>', 'data folder', 'data')
    .option('--port <n>', 'port (0 picks a free one)', String(DEFAULT_PORT))
    .option('--host <address>', 'address to bind; anything but loopback requires a token', '127.0.0.1')
    .option('--interval <duration>', 'time between iterations, e.g. 10s (overrides the config for this session)')
    .option('--demo-faults', 'make the example pipeline inject an occasional slowdown and memory spike')
    .action(async (options: ServeOptions) => {
      setExitCode(await serveCommand(options));
    });
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65_535 ? port : null;
}

async function serveCommand(options: ServeOptions): Promise<number> {
  const port = parsePort(options.port);
  if (port === null) {
    process.stderr.write(`sentinel: --port: expected a port number from 0 to 65535 (got ${JSON.stringify(options.port)})\n`);
    return 2;
  }
  let host: HeadlessEngine;
  try {
    host = await openHeadlessEngine({ ...options, dataDir: options.data });
  } catch (error) {
    process.stderr.write(`sentinel: ${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const { engine, dataDir, configStore } = host;
  const service = createSentinelService({ engine, dataDir, configStore, intervalOverride: options.interval });
  let server: RunningServer;
  let token: Awaited<ReturnType<typeof loadOrCreateToken>> | null = null;
  try {
    if (!isLoopbackHost(options.host)) token = await loadOrCreateToken(dataDir);
    server = await startServer({ service, host: options.host, port, token: token?.token ?? null });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${port} on ${options.host} is in use (choose another with --port)`
        : `cannot serve on ${options.host}:${port}: ${(error as Error).message}`;
    process.stderr.write(`sentinel: ${reason}\n`);
    await host.close();
    return 1;
  }
  // The same console lines as `sentinel run`, so a server's log tells what happened too.
  engine.subscribe(consolePrinter());
  const modules = host.loaded.config.modules.map((module) => module.name).join(', ');
  process.stdout.write(`Sentinel: ${modules} from ${host.loaded.file}; data in ${dataDir}\n`);
  // 0.0.0.0 and :: are not addresses a browser can open; the loopback one is, on this machine.
  const shown = /^(0\.0\.0\.0|::|\[::\])$/.test(options.host) ? server.url.replace(/\/\/[^/]+\//, `//127.0.0.1:${server.port}/`) : server.url;
  if (token) {
    process.stdout.write(`Sentinel dashboard: ${shown}#token=${token.token}\n`);
    const how = token.created ? 'A new access token was generated and stored' : 'The access token is stored';
    process.stdout.write(`${how} in ${path.join(dataDir, 'serve-token')} (bound to ${options.host}: every API call needs it).\n`);
  } else {
    process.stdout.write(`Sentinel dashboard: ${shown}\n`);
  }
  process.stdout.write(`Every ${engine.config().config.interval}. Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      process.stdout.write(`\n${signal}: closing the server, stopping modules and finishing writes...\n`);
      resolve();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    engine.start();
  });
  await server.close();
  await host.close();
  return 0;
}
