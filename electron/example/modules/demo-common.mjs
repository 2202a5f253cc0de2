// Helpers shared by the example pipeline's modules: where they keep files, and the demo fault switch.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The example's own folder inside Sentinel's data folder. */
export async function exampleDir(dataDir, ...parts) {
  const dir = path.join(dataDir, 'example', ...parts);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Counts this module's runs, so the demo can inject a fault on a fixed schedule. */
export async function nextRunNumber(dataDir, module) {
  const file = path.join(await exampleDir(dataDir), `${module}.runs`);
  const previous = Number.parseInt(await readFile(file, 'utf8').catch(() => '0'), 10) || 0;
  await writeFile(file, String(previous + 1));
  return previous + 1;
}

/**
 * With SENTINEL_DEMO_FAULTS=1, a module misbehaves on one run in every `period`, at `phase`.
 * The fault lasts one run, so a new user sees an anomaly open and then recover.
 */
export function faultDue(runNumber, phase, period = 10) {
  return process.env.SENTINEL_DEMO_FAULTS === '1' && runNumber % period === phase;
}

/** Burns CPU for about `ms` milliseconds doing real arithmetic (a stand-in for model work). */
export function crunch(ms) {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) for (let i = 0; i < 10_000; i += 1) x += Math.sqrt(i * x + 1);
  return x;
}
