// data/status.json: the last iteration summary and module states, for `sentinel status` and other readers.
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { IterationSummary, ModuleStatus } from '../../shared/contract.js';

export const STATUS_FILE = 'status.json';

export interface StatusFile {
  summary: IterationSummary;
  modules: ModuleStatus[];
}

/** Writes status.json atomically. */
export async function writeStatusFile(dataDir: string, summary: IterationSummary, modules: ModuleStatus[]): Promise<void> {
  const body: StatusFile = { summary, modules };
  await writeFileAtomic(path.join(dataDir, STATUS_FILE), `${JSON.stringify(body, null, 1)}\n`);
}
