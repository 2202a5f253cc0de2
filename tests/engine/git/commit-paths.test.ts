import { describe, expect, it } from 'vitest';
import { normalizeCommitPaths } from '../../../electron/engine/git/commit-paths.js';

describe('normalizeCommitPaths', () => {
  it('normalises separators, dots and trailing slashes, and drops duplicates', () => {
    expect(normalizeCommitPaths(['./performance.json', 'logs/', 'logs', 'a/../b.json', 'modules\\x.log', '.'])).toEqual([
      'performance.json',
      'logs',
      'b.json',
      'modules/x.log',
      '.',
    ]);
  });

  it('refuses empty, absolute and escaping paths, quoting them', () => {
    expect(() => normalizeCommitPaths([''])).toThrow('Commit path ""');
    expect(() => normalizeCommitPaths(['/data/x'])).toThrow('Commit path "/data/x"');
    expect(() => normalizeCommitPaths(['a/../../x'])).toThrow('"a/../../x" points outside');
  });
});
