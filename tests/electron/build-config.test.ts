// The electron-builder config in package.json "build", checked as far as this machine allows: packaging
// itself downloads an Electron zip, so here the config goes through electron-builder's own loader and
// schema, and every file it names must exist. (A vitest test; the Playwright specs here end in .spec.ts.)
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID } from '../../electron/main/notifications/app-user-model-id.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}
// electron-builder's own loader and validator (app-builder-lib ships with it, at the version it pins).
const builder = require(require.resolve('app-builder-lib/out/util/config/config.js', { paths: [path.dirname(require.resolve('electron-builder'))] })) as ConfigModule;

interface PackageJson {
  main?: string;
  scripts: Record<string, string>;
  build: Configuration;
}
const readPackage = async (): Promise<PackageJson> => JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

async function pngSize(file: string): Promise<number> {
  const bytes = await readFile(path.join(ROOT, file));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  expect(bytes.readUInt32BE(16)).toBe(bytes.readUInt32BE(20));
  return bytes.readUInt32BE(16);
}

const targetsOf = (platform: { target?: unknown } | null | undefined): unknown => platform?.target;

describe('the electron-builder config', () => {
  it('loads and passes electron-builder\'s own schema', async () => {
    const config = await builder.getConfig(ROOT, null, null);
    await expect(builder.validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'dev.sentinel.app', productName: 'Sentinel', directories: { output: 'release' } });
  });

  it('is rejected by that same schema when an option is misspelled, so the check above means something', async () => {
    const { build } = await readPackage();
    const wrong = { ...build, linux: { ...build.linux, categroy: 'Utility' } } as Configuration;
    await expect(builder.validateConfiguration(wrong, { isEnabled: false, add: () => undefined })).rejects.toThrow(/configuration\.linux/);
  });

  it('builds an AppImage and a deb on Linux, a dmg on macOS and an NSIS installer on Windows', async () => {
    const { build } = await readPackage();
    expect(targetsOf(build.linux)).toEqual(['AppImage', 'deb']);
    expect(build.linux).toMatchObject({ category: 'Utility', maintainer: expect.stringMatching(/^.+ <[^@\s]+@[^@\s]+>$/) });
    expect(targetsOf(build.mac)).toEqual(['dmg']);
    expect(build.mac?.category).toBe('public.app-category.developer-tools');
    expect(targetsOf(build.win)).toEqual(['nsis']);
  });

  it('names icons that exist and are large enough: 512 px for Linux and Windows, 1024 px for macOS', async () => {
    const { build } = await readPackage();
    const icons = { linux: build.linux?.icon, mac: build.mac?.icon, win: build.win?.icon };
    for (const [platform, icon] of Object.entries(icons)) {
      expect(typeof icon, platform).toBe('string');
      expect(existsSync(path.join(ROOT, icon as string)), `${platform}: ${String(icon)}`).toBe(true);
    }
    expect(await pngSize(icons.linux as string)).toBeGreaterThanOrEqual(512);
    expect(await pngSize(icons.win as string)).toBeGreaterThanOrEqual(256);
    expect(await pngSize(icons.mac as string)).toBe(1024);
  });

  it('packs the built app, the module runner, the example pipeline and the icons, and leaves the runner and example unpacked', async () => {
    const { build, main } = await readPackage();
    const files = build.files as string[];
    for (const pattern of ['out/**', 'electron/runner/**', 'electron/example/**', 'resources/**', 'package.json']) expect(files).toContain(pattern);
    for (const dir of ['electron/runner', 'electron/example', 'resources']) expect(existsSync(path.join(ROOT, dir)), dir).toBe(true);
    expect(existsSync(path.join(ROOT, 'electron/runner/module-runner.mjs'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'electron/example/pipeline.json'))).toBe(true);
    // Module processes run files and commands from these; a child process cannot use a path inside an asar archive.
    expect(build.asarUnpack).toEqual(['electron/runner/**', 'electron/example/**']);
    // The entry Electron starts must be inside what is packed (electron-vite writes it under out/).
    if (main !== undefined) expect(main.startsWith('out/'), `package.json main: ${main}`).toBe(true);
  });

  it('uses the same app id as the notifications, which Windows needs to show them', async () => {
    const { build } = await readPackage();
    expect(build.appId).toBe(APP_USER_MODEL_ID);
  });

  it('has `npm run dist` build the desktop app before packaging it', async () => {
    const { scripts } = await readPackage();
    expect(scripts.dist).toBe('npm run build:electron && electron-builder');
    expect(scripts['test:electron']).toBe('playwright test --config tests/electron/playwright.config.ts');
    expect(scripts.start).toBe('node electron/cli/start.mjs');
  });

  it('has a working electron-builder command line', async () => {
    const cli = path.join(path.dirname(require.resolve('electron-builder')), 'cli', 'cli.js');
    expect(existsSync(cli), cli).toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [cli, '--help'], { cwd: ROOT });
    expect(stdout).toContain('--linux');
    expect(stdout).toContain('--publish');
  }, 30_000);
});
