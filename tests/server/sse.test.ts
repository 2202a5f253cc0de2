import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../../electron/server/sse.js';
import type { StreamEvent } from '../../electron/shared/api.js';
import { waitFor } from '../cli/cli-harness.js';
import { mutate, openEvents, serve, type ServerHarness } from './server-harness.js';

let harness: ServerHarness;
beforeAll(async () => {
  harness = await serve();
});
afterAll(() => harness.close());

describe('GET /api/events', () => {
  it('says hello, then delivers the run-finished event of a run started over the API', async () => {
    const stream = await openEvents(harness.port);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const hello = await stream.next(() => true);
      expect(hello.type).toBe('hello');
      expect((await mutate(harness.port, 'POST', '/api/modules/alpha/run')).status).toBe(202);
      const finished = await stream.next((event) => event.type === 'run-finished');
      expect(finished.type === 'run-finished' && finished.run.module).toBe('alpha');
      expect(stream.events.some((event) => event.type === 'run-started')).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('ends the streams when the server closes', async () => {
    const other = await serve();
    const stream = await openEvents(other.port);
    await stream.next((event) => event.type === 'hello');
    await other.close();
    await stream.closed;
  });
});

describe('the event hub', () => {
  // A bare server over a hub with a hand-driven source, so tests decide what is emitted and when.
  async function hubServer(options: { heartbeatMs?: number; maxBufferBytes?: number }) {
    let listener: ((event: StreamEvent) => void) | null = null;
    let subscriptions = 0;
    const hub = createEventHub(
      {
        subscribe(next) {
          subscriptions += 1;
          listener = next;
          return () => {
            listener = null;
          };
        },
      },
      options,
    );
    const server = createServer((_, response) => hub.connect(response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      hub,
      port,
      emit: (event: StreamEvent) => listener?.(event),
      subscribed: () => listener !== null,
      subscriptions: () => subscriptions,
      close: () => {
        hub.closeAll();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it('sends heartbeat comments, and shares one subscription that ends with the last client', async () => {
    const bench = await hubServer({ heartbeatMs: 20 });
    const first = await openEvents(bench.port, '/');
    const second = await openEvents(bench.port, '/');
    await first.next((event) => event.type === 'hello');
    await second.next((event) => event.type === 'hello');
    expect(bench.subscriptions()).toBe(1);
    bench.emit({ type: 'status', line: 'Performance OK' });
    await first.next((event) => event.type === 'status');
    await second.next((event) => event.type === 'status');
    expect(await first.nextComment()).toMatch(/^: heartbeat/);
    first.close();
    second.close();
    await Promise.all([first.closed, second.closed]);
    await waitFor(() => (bench.hub.clientCount() === 0 ? true : undefined), 5000, 'the hub to see both clients leave');
    expect(bench.subscribed()).toBe(false);
    await bench.close();
  });

  it('drops a client that stops reading once its buffer passes the limit', async () => {
    const bench = await hubServer({ maxBufferBytes: 256 * 1024 });
    const stream = await openEvents(bench.port, '/');
    await stream.next((event) => event.type === 'hello');
    expect(bench.hub.clientCount()).toBe(1);
    // The client reads nothing more, so the kernel's buffers fill and then the server's.
    stream.pause();
    const big = 'x'.repeat(100 * 1024);
    let sent = 0;
    for (; sent < 2000 && bench.hub.clientCount() > 0; sent += 1) bench.emit({ type: 'problem', source: 'test', message: big });
    expect(bench.hub.clientCount()).toBe(0);
    expect(sent).toBeLessThan(2000);
    await bench.close();
  });
});
