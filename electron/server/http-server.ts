// `sentinel serve`'s HTTP server: the dashboard's files and its API over one port, on node:http alone.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SentinelService } from '../service/index.js';
import { hostHeaderAllowed, isLoopbackHost, requestToken, tokenMatches } from './auth.js';
import { sendError, sendText, setSecurityHeaders } from './reply.js';
import { handleApi } from './router.js';
import { createEventHub } from './sse.js';
import { DEFAULT_STATIC_DIR, serveStatic } from './static-files.js';

export interface ServerOptions {
  service: SentinelService;
  /** Default 127.0.0.1. Any non-loopback host requires `token`. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Required on every /api call when set; must be set for a non-loopback host. */
  token?: string | null;
  /** The built dashboard (default: `<repo>/out/renderer`). */
  staticDir?: string;
}

export interface RunningServer {
  /** `http://host:port/` with the bound port. */
  url: string;
  port: number;
  /** Ends the event streams and open connections, then stops listening. */
  close(): Promise<void>;
}

/** Starts listening; rejects when the port cannot be bound (e.g. EADDRINUSE). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  const token = options.token ?? null;
  if (!loopback && token === null) throw new Error(`serving on ${host} needs a token: anyone on the network could reach it`);
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const hub = createEventHub(options.service);
  let port = options.port;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    const isApi = request.url === '/api' || (request.url ?? '').startsWith('/api/') || (request.url ?? '').startsWith('/api?');
    const fail = (status: number, message: string): void => (isApi ? sendError(response, status, message) : sendText(response, status, `${message}\n`));
    // Only origin-form targets: `//host/x` or `http://host/x` must not be read as another host's URL.
    if (!(request.url ?? '').startsWith('/')) return fail(400, 'bad request target');
    const url = new URL(`http://localhost${request.url ?? '/'}`);
    if (loopback && !hostHeaderAllowed(request.headers.host, port)) {
      return fail(403, 'this server answers only to 127.0.0.1 and localhost');
    }
    if (!isApi) return serveStatic(request, response, url, staticDir);
    if (token !== null && !tokenMatches(requestToken(request, url), token)) {
      return sendError(response, 401, 'missing or wrong token', { 'WWW-Authenticate': 'Bearer' });
    }
    return handleApi(options.service, hub, request, response, url);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'internal error\n');
      else response.destroy();
    });
  });
  // Slow-header clients are cut off; event streams are long-lived, so no overall request timeout.
  server.headersTimeout = 20_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        hub.closeAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
