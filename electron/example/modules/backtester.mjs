// Example module: replays every signal so far against the closing prices and reports the profit.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crunch, exampleDir } from './demo-common.mjs';

/** Settles each signal with a deterministic pseudo-result and writes the backtest report. */
export default async function run(ctx) {
  const dir = await exampleDir(ctx.dataDir);
  const text = await readFile(path.join(dir, 'signals.jsonl'), 'utf8').catch(() => '');
  const signals = text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const snapshots = (await readdir(await exampleDir(ctx.dataDir, 'snapshots'))).length;
  crunch(200); // stands in for the simulation over the whole history
  let profit = 0;
  for (const signal of signals) {
    // A stable pseudo-outcome per signal: the same history always gives the same report.
    const won = hash(`${signal.fixture}:${signal.bookmaker}:${signal.at}`) % 1000 < 1000 / signal.price;
    profit += won ? signal.price - 1 : -1;
  }
  const report = { at: new Date().toISOString(), signals: signals.length, snapshots, profit: Number(profit.toFixed(2)) };
  await writeFile(path.join(dir, 'backtest.json'), JSON.stringify(report, null, 2));
  ctx.log.info(`backtest over ${signals.length} signals: profit ${report.profit} units`);
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
