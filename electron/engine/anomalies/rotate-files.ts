// Size-based rotation shared by every log Sentinel writes: file -> file.1 -> ... -> file.N.
import { rename, rm } from 'node:fs/promises';

/** Shifts `file` to `file.1`, `file.1` to `file.2` and so on, dropping what would become `file.{keep+1}`. */
export async function rotateFiles(file: string, keep: number): Promise<void> {
  if (keep < 1) {
    await rm(file, { force: true });
    return;
  }
  await rm(`${file}.${keep}`, { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) await renameIfPresent(`${file}.${n}`, `${file}.${n + 1}`);
  await renameIfPresent(file, `${file}.1`);
}

async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    // Gaps are normal: a young log has fewer rotated files than it may keep.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
