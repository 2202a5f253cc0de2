// A real server over a real engine and service, and a raw HTTP client that sends exactly what a test says.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from '../../electron/server/index.js';
import type { StreamEvent } from '../../electron/shared/api.js';
import { configWith, controlledModule, openService, type ServiceHarness } from '../service/service-harness.js';

export const HOSTILE = '<img src=x onerror=alert(1)>';

export interface ServerHarness extends ServiceHarness {
  server: RunningServer;
  port: number;
  staticDir: string;
  close(): Promise<void>;
}

/** A built dashboard stand-in: index.html and two assets. */
export async function staticFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-static-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Sentinel</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log("dashboard");');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body { color: black; }');
  // A file next to the served folder: reachable only through a traversal.
  await writeFile(path.join(dir, 'secret.txt'), 'root:x:0:0 secret');
  return root;
}

/** Starts the engine (modules alpha and a hostile name), the service and the server on an ephemeral port. */
export async function serve(options: Partial<ServerOptions> = {}, modules = [controlledModule('alpha'), controlledModule(HOSTILE)]): Promise<ServerHarness> {
  const harness = await openService(configWith(modules));
  const staticDir = options.staticDir ?? (await staticFixture());
  const server = await startServer({ service: harness.service, port: 0, staticDir, ...options });
  return {
    ...harness,
    server,
    port: server.port,
    staticDir,
    async close() {
      await server.close();
      await harness.host.close();
    },
  };
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  host?: string;
}

/** Sends one request to 127.0.0.1:`port` exactly as given (path and Host untouched). */
export function send(port: number, request: RawRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: request.host ?? '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers: request.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            // Static files and plain-text replies are not JSON.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** A mutating JSON request as the dashboard sends it. */
export function mutate(port: number, method: 'POST' | 'PUT', pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(port, {
    method,
    path: pathname,
    headers: { 'content-type': 'application/json', 'x-sentinel-request': '1', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export interface EventStream {
  status: number;
  headers: IncomingHttpHeaders;
  events: StreamEvent[];
  comments: string[];
  /** Resolves with the first event (past or future) that `predicate` accepts. */
  next(predicate: (event: StreamEvent) => boolean): Promise<StreamEvent>;
  /** Resolves with the next comment line (heartbeat) that arrives. */
  nextComment(): Promise<string>;
  /** Stops reading, as a stalled browser tab would. */
  pause(): void;
  close(): void;
  closed: Promise<void>;
}

/** Opens GET /api/events and parses the stream as it arrives. */
export function openEvents(port: number, pathname = '/api/events', headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: pathname, headers, agent: false }, (res) => {
      const events: StreamEvent[] = [];
      const comments: string[] = [];
      const commentWaiters: Array<(comment: string) => void> = [];
      const waiters: Array<{ predicate: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          if (message.startsWith(':')) {
            comments.push(message);
            for (const waiter of commentWaiters.splice(0)) waiter(message);
            continue;
          }
          const data = message.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          const event = JSON.parse(data) as StreamEvent;
          events.push(event);
          for (const waiter of [...waiters]) {
            if (!waiter.predicate(event)) continue;
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(event);
          }
        }
      });
      const closed = new Promise<void>((done) => res.once('close', () => done()));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        comments,
        next: (predicate) => {
          const seen = events.find(predicate);
          if (seen) return Promise.resolve(seen);
          return new Promise((done) => waiters.push({ predicate, resolve: done }));
        },
        nextComment: () => new Promise((done) => commentWaiters.push(done)),
        pause: () => res.pause(),
        close: () => req.destroy(),
        closed,
      });
    });
    req.on('error', reject);
    req.end();
  });
}
