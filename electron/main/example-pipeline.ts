// Whether the desktop app is running the built-in example, which needs the demo odds feed. Pure.
import path from 'node:path';
import type { LoadedConfig } from '../engine/config/load-config.js';

/**
 * True when some JS module of the config lives under the example's folder: the example's collector
 * polls the demo feed, so the feed must run. The user may have replaced the example since its seeding.
 */
export function usesExampleModules(loaded: LoadedConfig, exampleDir: string): boolean {
  const root = path.resolve(exampleDir) + path.sep;
  return loaded.config.modules.some((module) => {
    if (module.path === undefined) return false;
    return path.resolve(loaded.baseDir, module.path).startsWith(root);
  });
}

/** The example's fault switch, as `sentinel run --demo-faults` sets it: SENTINEL_DEMO_FAULTS=1. */
export function demoFaultsRequested(env: NodeJS.ProcessEnv): boolean {
  return env.SENTINEL_DEMO_FAULTS === '1';
}
