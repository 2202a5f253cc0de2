import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTextLog } from '../../../electron/engine/anomalies/text-log.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-log-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const read = (name: string) => readFile(join(dir, name), 'utf8');

describe('createTextLog', () => {
  it('appends whole lines, creating the folder on first use', async () => {
    const log = createTextLog({ file: join(dir, 'logs', 'supervisor.log') });

    await log.append('first');
    await log.append('second\n');

    expect(await read('logs/supervisor.log')).toBe('first\nsecond\n');
  });

  it('keeps lines in call order when appends are not awaited one by one', async () => {
    const log = createTextLog({ file: join(dir, 'a.log'), maxBytes: 200, keep: 50 });
    const other = createTextLog({ file: join(dir, 'a.log'), maxBytes: 200, keep: 50 });
    const lines = Array.from({ length: 60 }, (_, i) => `line ${String(i).padStart(2, '0')} ${'x'.repeat(20)}`);

    await Promise.all(lines.map((line, i) => (i % 2 === 0 ? log : other).append(line)));

    const names = (await readdir(dir)).sort((a, b) => suffix(b) - suffix(a));
    const text = (await Promise.all(names.map((name) => read(name)))).join('');
    expect(text).toBe(lines.map((line) => `${line}\n`).join(''));
  });

  it('rotates before an append would pass maxBytes, keeping only the newest files', async () => {
    const log = createTextLog({ file: join(dir, 'm.log'), maxBytes: 20, keep: 3 });

    for (let i = 1; i <= 6; i += 1) await log.append(`entry-${i} 123456`); // 16 bytes: one per file

    expect((await readdir(dir)).sort()).toEqual(['m.log', 'm.log.1', 'm.log.2', 'm.log.3']);
    expect(await read('m.log')).toBe('entry-6 123456\n');
    expect(await read('m.log.1')).toBe('entry-5 123456\n');
    expect(await read('m.log.3')).toBe('entry-3 123456\n');
  });

  it('fills a file up to maxBytes before rotating', async () => {
    const log = createTextLog({ file: join(dir, 'm.log'), maxBytes: 10, keep: 1 });

    for (const line of ['abcd', 'efgh', 'ij']) await log.append(line); // 5 + 5, then 3 more

    expect(await read('m.log.1')).toBe('abcd\nefgh\n');
    expect(await read('m.log')).toBe('ij\n');
  });

  it('writes an entry larger than maxBytes alone rather than drop it', async () => {
    const log = createTextLog({ file: join(dir, 'm.log'), maxBytes: 8, keep: 2 });

    await log.append('small');
    await log.append('a much longer entry');

    expect(await read('m.log')).toBe('a much longer entry\n');
    expect(await read('m.log.1')).toBe('small\n');
  });

  it('drops the file instead of rotating when keep is 0', async () => {
    await writeFile(join(dir, 'm.log'), 'old old old\n');
    const log = createTextLog({ file: join(dir, 'm.log'), maxBytes: 12, keep: 0 });

    await log.append('new');

    expect(await readdir(dir)).toEqual(['m.log']);
    expect(await read('m.log')).toBe('new\n');
  });

  it('rejects an append the disk refuses and keeps working for the next one', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const broken = createTextLog({ file: join(dir, 'blocker', 'x.log') });
    const fine = createTextLog({ file: join(dir, 'ok.log') });

    await expect(broken.append('x')).rejects.toThrow(/ENOTDIR/);
    await fine.append('y');

    expect(await read('ok.log')).toBe('y\n');
  });
});

function suffix(name: string): number {
  return Number(/\.(\d+)$/.exec(name)?.[1] ?? 0);
}
