// The `sentinel` command line: one sub-command per file under ./commands.
import { Command, CommanderError } from 'commander';
import { registerDetect } from './commands/detect.js';
import { registerRun } from './commands/run.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerStatus } from './commands/status.js';

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('sentinel')
    .description('Watches a pipeline of scheduled jobs and flags runs that get slower, hungrier or flakier.')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerRun(program, setExitCode);
  registerStatus(program, setExitCode);
  registerDetect(program, setExitCode);
  registerSchema(program);
  registerServe(program, setExitCode);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}
