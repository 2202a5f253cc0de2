// An append-only text log with size-based rotation, for anomalies.log, supervisor.log and the
// module logs. Each entry is written by one appendFile call (flag 'a'), so a crash can leave a
// log short of its last entry but never with two entries interleaved.
import { appendFile, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { rotateFiles } from './rotate-files.js';

export interface TextLogOptions {
  file: string;
  /** Rotate before an append would take the file past this size (default 10 MB). */
  maxBytes?: number;
  /** Rotated files to keep: file.1 (newest) .. file.N (default 3). */
  keep?: number;
}

/** An append-only log file. */
export interface TextLog {
  readonly file: string;
  /** Appends `text` plus a line break (one is not doubled); rejects when the disk refuses it. */
  append(text: string): Promise<void>;
}

/** Default size limit of a log file before it rotates. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Default number of rotated files kept. */
export const DEFAULT_KEEP = 3;

// Appends to one file go through one chain, even across TextLog objects of the same file, so a
// rotation never runs between another append's size check and its write.
const chains = new Map<string, Promise<unknown>>();

/** Creates a rotating, append-only text log; the folder is created on first append. */
export function createTextLog(options: TextLogOptions): TextLog {
  const file = resolve(options.file);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const keep = options.keep ?? DEFAULT_KEEP;

  async function write(entry: string): Promise<void> {
    const bytes = Buffer.byteLength(entry);
    const size = await stat(file).then((s) => s.size, () => 0);
    // An entry larger than maxBytes still goes in, alone in a fresh file, rather than be lost.
    if (size > 0 && size + bytes > maxBytes) await rotateFiles(file, keep);
    try {
      await appendFile(file, entry, { flag: 'a' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, entry, { flag: 'a' });
    }
  }

  return {
    file,
    append(text) {
      const entry = text.endsWith('\n') ? text : `${text}\n`;
      const done = (chains.get(file) ?? Promise.resolve()).then(() => write(entry));
      const settled = done.catch(() => undefined);
      chains.set(file, settled);
      // Forget an idle chain so a process that touches many files does not keep them all.
      void settled.then(() => {
        if (chains.get(file) === settled) chains.delete(file);
      });
      return done;
    },
  };
}
