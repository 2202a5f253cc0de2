// Example module: turns the latest odds snapshot into value-bet signals.
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { crunch, exampleDir, faultDue, nextRunNumber } from './demo-common.mjs';

/** Compares each bookmaker's price with the market consensus and signals the outliers. */
export default async function run(ctx) {
  const runNumber = await nextRunNumber(ctx.dataDir, 'signal_generator');
  const snapshots = await exampleDir(ctx.dataDir, 'snapshots');
  const latest = (await readdir(snapshots)).sort().at(-1);
  if (!latest) {
    ctx.log.warn('no snapshot yet: the collector has not run');
    return;
  }
  const snapshot = JSON.parse(await readFile(path.join(snapshots, latest), 'utf8'));
  // Demo fault: one run in ten holds a large working set, which shows as a memory anomaly.
  const ballast = faultDue(runNumber, 9) ? Buffer.alloc(150 * 1024 * 1024, 1) : null;
  crunch(120); // stands in for the model's feature work
  const signals = [];
  for (const market of snapshot.odds) {
    const consensus = market.prices.reduce((sum, p) => sum + 1 / p.price, 0) / market.prices.length;
    for (const p of market.prices) {
      const edge = consensus * p.price - 1;
      if (edge > 0.04) signals.push({ at: snapshot.takenAt, fixture: market.fixture, bookmaker: p.bookmaker, price: p.price, edge });
    }
  }
  const out = await exampleDir(ctx.dataDir);
  if (signals.length > 0) await appendFile(path.join(out, 'signals.jsonl'), signals.map((s) => JSON.stringify(s)).join('\n') + '\n');
  ctx.log.info(`${signals.length} signals from ${latest}${ballast ? ` (demo fault: held ${ballast.length >> 20} MB)` : ''}`);
}
