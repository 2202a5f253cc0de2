// A loopback HTTP server that sends its headers after `?delay=<ms>` and then streams its body over a
// further 100 ms, so a request's latency has a known shape (headers at the delay, body done 100 ms later).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const BODY_MS = 100;
const CHUNKS = 5;

export interface SlowServer {
  url: string;
  close(): Promise<void>;
}

export async function startSlowServer(): Promise<SlowServer> {
  const server = http.createServer((request, response) => {
    const delay = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('delay') ?? 0);
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.flushHeaders();
      let sent = 0;
      const timer = setInterval(() => {
        response.write(`chunk ${sent}\n`.padEnd(512, '.'));
        if (++sent === CHUNKS) {
          clearInterval(timer);
          response.end();
        }
      }, BODY_MS / CHUNKS);
    }, delay);
  });
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
