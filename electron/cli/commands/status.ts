// `sentinel status`: prints the last iteration summary and each module's figures from the data folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parsePerformanceDocument } from '../../engine/store/performance-document.js';
import { PERFORMANCE_FILE } from '../../engine/store/performance-store.js';
import { STATUS_FILE, type StatusFile } from '../../engine/supervisor/status-file.js';
import { formatRun, formatSummary } from '../output/console-printer.js';

/** Registers `sentinel status`. It only reads, so it works while `sentinel run` is going. */
export function registerStatus(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('status')
    .description('Show the last iteration summary and the last run of each module.')
    .option('--data <dir>', 'data folder', 'data')
    .option('--json', 'print status.json as it is')
    .action(async (options: { data: string; json?: boolean }) => {
      setExitCode(await statusCommand(path.resolve(options.data), options.json ?? false));
    });
}

async function statusCommand(dataDir: string, json: boolean): Promise<number> {
  let status: StatusFile;
  try {
    status = JSON.parse(await readFile(path.join(dataDir, STATUS_FILE), 'utf8')) as StatusFile;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    process.stderr.write(
      missing
        ? `sentinel: no status in ${dataDir} yet: run \`sentinel run\` first\n`
        : `sentinel: ${path.join(dataDir, STATUS_FILE)} is unreadable: ${(error as Error).message}\n`,
    );
    return 1;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${status.summary.status}\n${formatSummary(status.summary)}\n`);
  const text = await readFile(path.join(dataDir, PERFORMANCE_FILE), 'utf8').catch(() => null);
  const parsed = text === null ? null : parsePerformanceDocument(text);
  for (const module of status.modules) {
    const history = parsed?.ok ? parsed.document.modules[module.name] : undefined;
    const line = module.lastRun ? formatRun(module.lastRun) : `${module.name.padEnd(18)} no runs yet`;
    const counts = history ? `  (${history.successes} ok, ${history.errors} failed, ${module.restarts} restarts)` : '';
    process.stdout.write(`${line}  [${module.state}]${counts}\n`);
  }
  return 0;
}
