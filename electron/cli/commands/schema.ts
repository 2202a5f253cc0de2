// `sentinel schema`: prints the config's JSON Schema, for editors and CI checks of a config file.
import type { Command } from 'commander';
import { configJsonSchema } from '../../engine/config/schema.js';

/** Registers `sentinel schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the config file.')
    .action(() => {
      process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
