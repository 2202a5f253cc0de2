import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconFile } from '../../../electron/main/tray/tray-icons.js';
import type { TrayColour } from '../../../electron/main/tray/tray-state.js';

const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));
const COLOURS: TrayColour[] = ['grey', 'green', 'red'];

interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Decodes the PNGs draw-icons.mjs writes (8-bit RGBA, filter 0 on every row). */
async function readPng(file: string): Promise<Png> {
  const bytes = await readFile(path.join(RESOURCES, file));
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([...body.subarray(8, 10)]).toEqual([8, 6]);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('the tray icons', () => {
  it('has a file for every colour on every platform, with its @2x companion', async () => {
    const files = new Set(await readdir(RESOURCES));
    for (const platform of ['darwin', 'win32', 'linux'] as NodeJS.Platform[]) {
      for (const colour of COLOURS) {
        const file = trayIconFile(colour, platform);
        expect(files).toContain(file);
        expect(files).toContain(file.replace(/\.png$/, '@2x.png'));
      }
    }
  });

  it('uses template images on macOS, a different one per state, so the state shows without colour', () => {
    const files = COLOURS.map((colour) => trayIconFile(colour, 'darwin'));
    for (const file of files) expect(file).toMatch(/Template\.png$/);
    expect(new Set(files).size).toBe(3);
  });

  it('draws each size at its stated size: 16 and 32 px, and 32 and 64 px for the larger set', async () => {
    for (const colour of COLOURS) {
      expect((await readPng(`tray-${colour}.png`)).width).toBe(16);
      expect((await readPng(`tray-${colour}@2x.png`)).width).toBe(32);
      expect((await readPng(`tray-${colour}-32.png`)).width).toBe(32);
      expect((await readPng(`tray-${colour}-32@2x.png`)).width).toBe(64);
    }
    expect(await readPng('icon.png')).toMatchObject({ width: 512, height: 512 });
    expect(await readPng('icon-1024.png')).toMatchObject({ width: 1024, height: 1024 });
  });

  it('keeps the template images black with alpha only, as macOS requires to tint them', async () => {
    for (const name of ['trayTemplate', 'trayAlertTemplate', 'trayPausedTemplate']) {
      for (const file of [`${name}.png`, `${name}@2x.png`]) {
        const { rgba } = await readPng(file);
        let opaque = 0;
        for (let i = 0; i < rgba.length; i += 4) {
          expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([0, 0, 0]);
          if ((rgba[i + 3] ?? 0) > 0) opaque += 1;
        }
        // Something is drawn, and not everything: the eye is a cut-out.
        expect(opaque).toBeGreaterThan(rgba.length / 4 / 4);
        expect(opaque).toBeLessThan(rgba.length / 4);
      }
    }
  });

  it('tells the states apart by colour: red icons are mostly red, green mostly green', async () => {
    const dominant = async (file: string): Promise<'r' | 'g' | 'b' | 'grey'> => {
      const { rgba } = await readPng(file);
      const sum = [0, 0, 0];
      for (let i = 0; i < rgba.length; i += 4) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (rgba[i + c] ?? 0) * (rgba[i + 3] ?? 0);
      const [r = 0, g = 0, b = 0] = sum;
      if (Math.max(r, g, b) - Math.min(r, g, b) < 0.1 * Math.max(r, g, b)) return 'grey';
      return r > g && r > b ? 'r' : g > b ? 'g' : 'b';
    };
    expect(await dominant('tray-red.png')).toBe('r');
    expect(await dominant('tray-green.png')).toBe('g');
    expect(await dominant('tray-grey.png')).toBe('grey');
  });

  it('are exactly what resources/draw-icons.mjs draws', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'sentinel-icons-'));
    try {
      await promisify(execFile)(process.execPath, [path.join(RESOURCES, 'draw-icons.mjs'), out]);
      const drawn = (await readdir(out)).sort();
      expect(drawn).toContain('icon.png');
      for (const file of drawn) expect((await readFile(path.join(out, file))).equals(await readFile(path.join(RESOURCES, file))), file).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 90_000);
});
