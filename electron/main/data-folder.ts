// Where the desktop app keeps its data. A pure decision, so it is tested in plain Node.
import path from 'node:path';

/** What the decision depends on: `app.isPackaged`, `app.getAppPath()`, `app.getPath('userData')`. */
export interface DataFolderInputs {
  isPackaged: boolean;
  appPath: string;
  userDataPath: string;
  /** SENTINEL_DATA_DIR: an explicit folder (tests, or a second pipeline) wins over both defaults. */
  override?: string | undefined;
}

/**
 * `./data` in the repository when running from source, the same folder `sentinel run` uses (one lock
 * guards both); `<userData>/data` when packaged, since the install folder may be read-only.
 */
export function dataFolder({ isPackaged, appPath, userDataPath, override }: DataFolderInputs): string {
  if (override) return path.resolve(override);
  return isPackaged ? path.join(userDataPath, 'data') : path.join(appPath, 'data');
}
