import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appPaths, isRendererUrl } from '../../electron/main/app-paths.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('appPaths', () => {
  it('finds the runner and the example pipeline under the app folder, where they are in the repository', () => {
    const paths = appPaths(repo);
    expect(existsSync(paths.runner)).toBe(true);
    expect(existsSync(paths.exampleConfig)).toBe(true);
    expect(existsSync(path.join(paths.exampleDir, 'modules', 'collector.mjs'))).toBe(true);
  });

  it('points the windows at the built renderer and the CommonJS preload', () => {
    const paths = appPaths(repo);
    expect(paths.rendererIndex).toBe(path.join(repo, 'out', 'renderer', 'index.html'));
    expect(paths.preload).toBe(path.join(repo, 'out', 'preload', 'index.cjs'));
    expect(paths.rendererUrl).toBe(pathToFileURL(paths.rendererIndex).href);
  });

  it('takes the runner and the example from app.asar.unpacked when packaged, and the windows from the archive', () => {
    const asar = path.join(path.sep, 'opt', 'Sentinel', 'resources', 'app.asar');
    const paths = appPaths(asar);
    expect(paths.runner).toBe(path.join(`${asar}.unpacked`, 'electron', 'runner', 'module-runner.mjs'));
    expect(paths.exampleConfig).toBe(path.join(`${asar}.unpacked`, 'electron', 'example', 'pipeline.json'));
    expect(paths.rendererIndex).toBe(path.join(asar, 'out', 'renderer', 'index.html'));
    expect(paths.preload).toBe(path.join(asar, 'out', 'preload', 'index.cjs'));
  });
});

describe('isRendererUrl', () => {
  const { rendererUrl } = appPaths(path.join(path.sep, 'app root', 'sentinel'));

  it('accepts our renderer file at any route', () => {
    expect(isRendererUrl(rendererUrl, rendererUrl)).toBe(true);
    expect(isRendererUrl(`${rendererUrl}#/module/collector`, rendererUrl)).toBe(true);
    expect(isRendererUrl(`${rendererUrl}#/logs`, rendererUrl)).toBe(true);
  });

  it.each([
    ['another file', (url: string) => url.replace('index.html', 'other.html')],
    ['a file beside the app', (url: string) => url.replace('/out/renderer/', '/out/')],
    ['a query string', (url: string) => `${url}?x=1`],
    ['a web page', () => 'https://example.com/index.html'],
    ['the loopback dashboard', () => 'http://127.0.0.1:4317/'],
    ['about:blank', () => 'about:blank'],
    ['a data URL', () => 'data:text/html,<script>1</script>'],
    ['garbage', () => 'not a url'],
  ])('refuses %s', (_name, make) => {
    expect(isRendererUrl(make(rendererUrl), rendererUrl)).toBe(false);
  });
});
