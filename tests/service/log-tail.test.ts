import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesBackwards, tailLines } from '../../electron/service/log-tail.js';

const temp = () => mkdtemp(path.join(os.tmpdir(), 'sentinel-tail-'));

async function collect(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of linesBackwards(file)) lines.push(line);
  return lines;
}

describe('reading a log backwards', () => {
  it('gives every line of a multi-chunk file newest first, keeping multi-byte characters whole', async () => {
    const file = path.join(await temp(), 'big.log');
    // Lines of varying length with 2-, 3- and 4-byte characters, so chunk borders fall inside them.
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i} ${'é€😀'.repeat(i % 17)} end`);
    await writeFile(file, `${lines.join('\n')}\n`);
    expect(await collect(file)).toEqual([...lines].reverse());
  });

  it('handles a last line without a break, CRLF endings, blank lines and one line longer than a chunk', async () => {
    const file = path.join(await temp(), 'odd.log');
    const long = 'x'.repeat(200_000);
    await writeFile(file, `first\r\n\n${long}\nlast`);
    expect(await collect(file)).toEqual(['last', long, 'first']);
  });

  it('reads nothing from a missing or empty file', async () => {
    const dir = await temp();
    await writeFile(path.join(dir, 'empty.log'), '');
    expect(await collect(path.join(dir, 'missing.log'))).toEqual([]);
    expect(await collect(path.join(dir, 'empty.log'))).toEqual([]);
  });

  it('takes the last lines of a 10 MB file', async () => {
    const file = path.join(await temp(), 'ten.log');
    const line = `${'y'.repeat(99)}\n`;
    await writeFile(file, `${line.repeat(100_000)}the end\n`);
    expect(await tailLines([file], 2)).toEqual(['y'.repeat(99), 'the end']);
  });
});
