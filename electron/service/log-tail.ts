// Reads the end of a log without reading the whole of it: logs reach 10 MB per file, and the viewer
// and the anomaly history want only the last lines.
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/** The lines of `file`, newest first, read backwards in chunks; blank lines are skipped, a missing file has none. */
export async function* linesBackwards(file: string): AsyncGenerator<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    let position = (await handle.stat()).size;
    // Pieces of the line that straddles chunk boundaries, in file order; decoded only once whole, so
    // UTF-8 stays intact, and joined once, so a huge line costs no repeated copying.
    let carry: Buffer[] = [];
    while (position > 0) {
      const size = Math.min(CHUNK_BYTES, position);
      position -= size;
      const chunk = Buffer.alloc(size);
      await handle.read(chunk, 0, size, position);
      let end = size;
      let index = chunk.lastIndexOf(NEWLINE, end - 1);
      while (index !== -1) {
        const piece = chunk.subarray(index + 1, end);
        const line = text(carry.length > 0 ? Buffer.concat([piece, ...carry]) : piece);
        carry = [];
        if (line !== '') yield line;
        end = index;
        index = end === 0 ? -1 : chunk.lastIndexOf(NEWLINE, end - 1);
      }
      if (end > 0) carry.unshift(chunk.subarray(0, end));
    }
    const first = text(Buffer.concat(carry));
    if (first !== '') yield first;
  } finally {
    await handle.close();
  }
}

function text(bytes: Buffer): string {
  const line = bytes.toString('utf8');
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The last `limit` lines over `files` (newest file first, e.g. log, log.1, log.2), oldest first. */
export async function tailLines(files: readonly string[], limit: number): Promise<string[]> {
  const lines: string[] = [];
  for (const file of files) {
    if (lines.length >= limit) break;
    for await (const line of linesBackwards(file)) {
      lines.push(line);
      if (lines.length >= limit) break;
    }
  }
  return lines.reverse();
}

/** `file` followed by its rotated copies, newest first: file, file.1 .. file.keep. */
export function withRotated(file: string, keep: number): string[] {
  return [file, ...Array.from({ length: keep }, (_, index) => `${file}.${index + 1}`)];
}
