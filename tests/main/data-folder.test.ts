import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolder } from '../../electron/main/data-folder.js';

const appPath = path.join(path.sep, 'home', 'ada', 'sentinel');
const userDataPath = path.join(path.sep, 'home', 'ada', '.config', 'Sentinel');

describe('dataFolder', () => {
  it('uses ./data in the repository when running from source, the folder `sentinel run` uses', () => {
    expect(dataFolder({ isPackaged: false, appPath, userDataPath })).toBe(path.join(appPath, 'data'));
  });

  it("uses <userData>/data when packaged, never the install folder", () => {
    const packagedApp = path.join(path.sep, 'opt', 'Sentinel', 'resources', 'app.asar');
    const folder = dataFolder({ isPackaged: true, appPath: packagedApp, userDataPath });
    expect(folder).toBe(path.join(userDataPath, 'data'));
    expect(folder.startsWith(path.dirname(packagedApp))).toBe(false);
  });

  it('uses SENTINEL_DATA_DIR when it is set, packaged or not', () => {
    expect(dataFolder({ isPackaged: true, appPath, userDataPath, override: 'relative/data' })).toBe(path.resolve('relative/data'));
    expect(dataFolder({ isPackaged: false, appPath, userDataPath, override: '' })).toBe(path.join(appPath, 'data'));
  });
});
