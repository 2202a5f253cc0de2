// `sentinel run`: supervises the pipeline in the foreground with readable console output.
import type { Command } from 'commander';
import { consolePrinter } from '../output/console-printer.js';
import { openHeadlessEngine, UsageError } from '../headless-engine.js';

interface RunOptions {
  config?: string;
  data: string;
  once?: boolean;
  interval?: string;
  demoFaults?: boolean;
}

/** Registers `sentinel run`. */
export function registerRun(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('run')
    .description('Run the pipeline: every interval, run the due modules, measure them and report anomalies.')
    .option('--config <file>', 'pipeline config (default: the built-in example pipeline)')
    .option('--data <dir>', 'data folder', 'data')
    .option('--once', 'run one iteration and exit')
    .option('--interval <duration>', 'time between iterations, e.g. 10s (overrides the config)')
    .option('--demo-faults', 'make the example pipeline inject an occasional slowdown and memory spike')
    .action(async (options: RunOptions) => {
      setExitCode(await runCommand(options));
    });
}

async function runCommand(options: RunOptions): Promise<number> {
  let host;
  try {
    host = await openHeadlessEngine({ ...options, dataDir: options.data });
  } catch (error) {
    process.stderr.write(`sentinel: ${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
  const { engine, loaded, dataDir } = host;
  engine.subscribe(consolePrinter());
  const modules = loaded.config.modules.map((module) => module.name).join(', ');
  process.stdout.write(`Sentinel: ${modules} from ${loaded.file}; data in ${dataDir}\n`);
  if (options.once) {
    await engine.runIteration();
    await host.close();
    return 0;
  }
  process.stdout.write(`Every ${loaded.config.interval}. Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string): void => {
      process.stdout.write(`\n${signal}: stopping modules and finishing writes...\n`);
      resolve();
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    engine.start();
  });
  await host.close();
  return 0;
}
