// Full detail of each kept run (its API requests and output tail), one file per run under runs/<module>/.
// performance.json keeps only summaries, so it stays small enough to rewrite after every run.
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { RunDetail } from '../../shared/contract.js';
import { moduleFileName } from './module-files.js';

export interface RunDetailStore {
  /** Writes a run's detail and removes details older than the kept history. */
  write(detail: RunDetail, keepFromSeq: number): Promise<void>;
  read(module: string, seq: number): Promise<RunDetail | null>;
}

/** Run details under `<dataDir>/runs`. */
export function createRunDetailStore(dataDir: string): RunDetailStore {
  const folder = (module: string): string => path.join(dataDir, 'runs', moduleFileName(module));
  return {
    async write(detail, keepFromSeq) {
      const dir = folder(detail.module);
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(path.join(dir, `${detail.seq}.json`), JSON.stringify(detail), { fsync: false });
      for (const name of await readdir(dir)) {
        const seq = Number.parseInt(name, 10);
        if (Number.isInteger(seq) && seq < keepFromSeq) await unlink(path.join(dir, name)).catch(() => undefined);
      }
    },
    async read(module, seq) {
      try {
        return JSON.parse(await readFile(path.join(folder(module), `${seq}.json`), 'utf8')) as RunDetail;
      } catch {
        return null;
      }
    },
  };
}
