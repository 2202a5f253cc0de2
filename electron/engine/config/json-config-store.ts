// The ConfigStore of the headless host: the JSON config file itself, rewritten atomically.
import writeFileAtomic from 'write-file-atomic';
import type { ConfigStore } from '../ports.js';

/** Saves the config to `file` (temp file, fsync, rename), two-space indented for people and diffs. */
export function createJsonConfigStore(file: string): ConfigStore {
  return {
    location: file,
    save: (config) => writeFileAtomic(file, `${JSON.stringify(config, null, 2)}\n`, { fsync: true }),
  };
}
