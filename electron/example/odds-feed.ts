// The demo odds feed: a real HTTP server on 127.0.0.1 that the example collector polls.
// It works offline and answers with varying latency, like a real bookmaker API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const BOOKMAKERS = ['northbet', 'eastline', 'southodds', 'westbook'];
const FIXTURES = [
  ['ARS-CHE', 'Arsenal v Chelsea'],
  ['LIV-MCI', 'Liverpool v Man City'],
  ['RMA-BAR', 'Real Madrid v Barcelona'],
  ['BAY-BVB', 'Bayern v Dortmund'],
  ['PSG-OM', 'PSG v Marseille'],
  ['JUV-INT', 'Juventus v Inter'],
] as const;

export interface OddsFeed {
  url: string;
  close(): Promise<void>;
}

/** Starts the feed on an ephemeral loopback port. `latencyMs` gives each answer's base delay. */
export async function startOddsFeed(options: { latencyMs?: () => number; slowMs?: number } = {}): Promise<OddsFeed> {
  const latency = options.latencyMs ?? (() => 25 + Math.random() * 30);
  const slowMs = options.slowMs ?? 400;
  let tick = 0;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const delay = latency() + (url.searchParams.get('slow') === '1' ? slowMs : 0);
    setTimeout(() => {
      if (url.pathname === '/fixtures') return json(response, FIXTURES.map(([id, name]) => ({ id, name })));
      if (url.pathname === '/odds') {
        const fixture = url.searchParams.get('fixture') ?? '';
        tick += 1;
        return json(response, { fixture, prices: BOOKMAKERS.map((bookmaker, i) => ({ bookmaker, price: price(fixture, i, tick) })) });
      }
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    }, delay);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(response: import('node:http').ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Prices drift slowly around a fixture-specific level, with bookmakers slightly apart. */
function price(fixture: string, bookmaker: number, tick: number): number {
  let seed = 0;
  for (const char of fixture) seed = (seed * 31 + char.charCodeAt(0)) % 997;
  const base = 1.6 + (seed % 150) / 100;
  const drift = Math.sin((tick + seed) / 17) * 0.08 + (bookmaker - 1.5) * 0.05 + Math.sin(tick * (bookmaker + 1)) * 0.06;
  return Number((base + drift).toFixed(2));
}
