// The built-in example pipeline. Its config is copied into the data folder on first use, so that
// changes made in the settings screen persist there and never touch the repository's own files.
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import writeFileAtomic from 'write-file-atomic';

/** The example's config as shipped (right for the tsx sources; a bundle passes its own path). */
export const EXAMPLE_CONFIG = fileURLToPath(new URL('../../example/pipeline.json', import.meta.url));

/** Name of the config file kept in the data folder when Sentinel runs its built-in example. */
export const DATA_CONFIG_NAME = 'sentinel.json';

/**
 * The example's config with its module paths, cwds and $schema rebased from the example's folder
 * onto `dataDir`, as relative paths: a config whose relative paths resolve against the data folder.
 */
export async function rebasedExampleConfig(dataDir: string, exampleConfig: string = EXAMPLE_CONFIG): Promise<Record<string, unknown>> {
  const example = JSON.parse(await readFile(exampleConfig, 'utf8')) as {
    $schema?: string;
    modules: Array<{ path?: string; cwd?: string }>;
  };
  const exampleDir = path.dirname(exampleConfig);
  // Relative paths keep working when the repository moves together with its data folder.
  const rebase = (relative: string): string => path.relative(dataDir, path.resolve(exampleDir, relative)) || '.';
  if (example.$schema) example.$schema = rebase(example.$schema);
  for (const module of example.modules) {
    if (module.path) module.path = rebase(module.path);
    if (module.cwd) module.cwd = rebase(module.cwd);
  }
  return example as unknown as Record<string, unknown>;
}

/**
 * The config file to use when none is given: `<dataDir>/sentinel.json`, created from the example on
 * first use with its module paths and $schema rebased onto the data folder.
 */
export async function exampleConfigIn(dataDir: string, exampleConfig: string = EXAMPLE_CONFIG): Promise<string> {
  const file = path.join(dataDir, DATA_CONFIG_NAME);
  const exists = await access(file).then(() => true, () => false);
  if (exists) return file;
  const example = await rebasedExampleConfig(dataDir, exampleConfig);
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(example, null, 2)}\n`, { fsync: true });
  return file;
}
