// Files the desktop app needs at run time, resolved from the app's folder (`app.getAppPath()`): the
// repository when running from source, app.asar when packaged. Never from import.meta.url, which
// points into the bundle (out/main) rather than at the sources the engine's defaults assume.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Absolute paths of the runner, the example pipeline, the built renderer and preload. */
export interface AppPaths {
  appPath: string;
  runner: string;
  exampleConfig: string;
  /** The folder of the example's own modules. */
  exampleDir: string;
  rendererIndex: string;
  /** file:// URL of rendererIndex, without hash: what our windows' frames must show. */
  rendererUrl: string;
  preload: string;
}

/**
 * The run-time paths under `appPath`. Packaged, the runner and the example are read from
 * `app.asar.unpacked` (package.json's build.asarUnpack): module processes load and spawn them, and
 * a command's working directory must be a real folder. Windows load from inside the archive.
 */
export function appPaths(appPath: string): AppPaths {
  const unpacked = appPath.endsWith('.asar') ? `${appPath}.unpacked` : appPath;
  const rendererIndex = path.join(appPath, 'out', 'renderer', 'index.html');
  const exampleConfig = path.join(unpacked, 'electron', 'example', 'pipeline.json');
  return {
    appPath,
    runner: path.join(unpacked, 'electron', 'runner', 'module-runner.mjs'),
    exampleConfig,
    exampleDir: path.dirname(exampleConfig),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    preload: path.join(appPath, 'out', 'preload', 'index.cjs'),
  };
}

/**
 * True when `url` is our renderer's page, whatever its route: same file URL once the hash (the
 * route) and any query are dropped. Anything else (another file, a remote page, about:blank) is not.
 */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || parsed.search !== '' || parsed.username !== '' || parsed.password !== '') return false;
  parsed.hash = '';
  return parsed.href === new URL(rendererUrl).href;
}
