// Example module: collects odds snapshots from the local demo odds feed over real HTTP.
import { readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exampleDir, faultDue, nextRunNumber } from './demo-common.mjs';

const KEEP_SNAPSHOTS = 200;

/** Fetches the fixture list, then the odds of each fixture, and writes one snapshot file. */
export default async function run(ctx) {
  const feed = process.env.SENTINEL_ODDS_FEED;
  if (!feed) throw new Error('SENTINEL_ODDS_FEED is not set: run the example through `sentinel run`, which starts the feed');
  const runNumber = await nextRunNumber(ctx.dataDir, 'collector');
  // Demo fault: the feed is slow on one run in ten, which shows as an API latency and runtime anomaly.
  const slow = faultDue(runNumber, 8) ? '&slow=1' : '';
  const fixtures = await getJson(`${feed}/fixtures`, ctx.signal);
  const odds = await Promise.all(
    fixtures.map((fixture) => getJson(`${feed}/odds?fixture=${encodeURIComponent(fixture.id)}${slow}`, ctx.signal)),
  );
  const snapshots = await exampleDir(ctx.dataDir, 'snapshots');
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(path.join(snapshots, name), JSON.stringify({ takenAt: new Date().toISOString(), fixtures, odds }));
  const files = (await readdir(snapshots)).sort();
  for (const old of files.slice(0, Math.max(0, files.length - KEEP_SNAPSHOTS))) await unlink(path.join(snapshots, old));
  ctx.log.info(`snapshot ${name}: ${fixtures.length} fixtures${slow ? ' (demo fault: slow feed)' : ''}`);
}

async function getJson(url, signal) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
