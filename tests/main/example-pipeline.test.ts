import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedConfig } from '../../electron/engine/config/load-config.js';
import { validateConfig } from '../../electron/engine/config/load-config.js';
import { demoFaultsRequested, usesExampleModules } from '../../electron/main/example-pipeline.js';

const root = path.join(path.sep, 'srv', 'sentinel');
const exampleDir = path.join(root, 'electron', 'example');

function loaded(modules: Array<Record<string, unknown>>): LoadedConfig {
  const result = validateConfig({ modules }, path.join(root, 'data', 'sentinel-config.json'));
  if (!result.ok) throw new Error(result.message);
  return result.loaded;
}

describe('usesExampleModules', () => {
  it("sees the example's modules through paths relative to the data folder", () => {
    expect(usesExampleModules(loaded([{ name: 'collector', path: '../electron/example/modules/collector.mjs' }]), exampleDir)).toBe(true);
  });

  it('is false for a pipeline of the user’s own modules, or commands', () => {
    const own = loaded([
      { name: 'etl', path: '/home/ada/jobs/etl.mjs' },
      { name: 'py', command: ['python3', 'job.py'] },
      { name: 'lookalike', path: '../electron/example-copy/collector.mjs' },
    ]);
    expect(usesExampleModules(own, exampleDir)).toBe(false);
  });
});

describe('demoFaultsRequested', () => {
  it('follows SENTINEL_DEMO_FAULTS=1 exactly as the example modules read it', () => {
    expect(demoFaultsRequested({ SENTINEL_DEMO_FAULTS: '1' })).toBe(true);
    expect(demoFaultsRequested({ SENTINEL_DEMO_FAULTS: '0' })).toBe(false);
    expect(demoFaultsRequested({})).toBe(false);
  });
});
