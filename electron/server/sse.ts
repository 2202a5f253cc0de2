// GET /api/events: the engine's events as server-sent events, one JSON object per message.
import type { ServerResponse } from 'node:http';
import type { StreamEvent } from '../shared/api.js';
import type { SentinelService } from '../service/index.js';

/** A client whose unsent output passes this is dropped: a stalled tab must not grow the server's memory. */
export const MAX_CLIENT_BUFFER_BYTES = 1024 * 1024;
/** Comment lines keep proxies and idle timeouts from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;

export interface EventHub {
  /** Takes over `response` as an event stream until the client leaves. */
  connect(response: ServerResponse): void;
  /** Ends every stream (server shutdown). */
  closeAll(): void;
  clientCount(): number;
}

/** One engine subscription shared by all clients, taken while at least one is connected. */
export function createEventHub(service: Pick<SentinelService, 'subscribe'>, options: { heartbeatMs?: number; maxBufferBytes?: number } = {}): EventHub {
  const maxBuffer = options.maxBufferBytes ?? MAX_CLIENT_BUFFER_BYTES;
  const clients = new Set<ServerResponse>();
  let unsubscribe: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const drop = (client: ServerResponse): void => {
    if (!clients.delete(client)) return;
    if (!client.destroyed) client.destroy();
    if (clients.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
    }
  };
  const write = (client: ServerResponse, text: string): void => {
    if (client.destroyed || client.writableLength > maxBuffer) {
      drop(client);
      return;
    }
    client.write(text);
  };
  const broadcast = (text: string): void => {
    for (const client of [...clients]) write(client, text);
  };
  const message = (event: StreamEvent): string => `data: ${JSON.stringify(event)}\n\n`;

  return {
    connect(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.flushHeaders();
      clients.add(response);
      response.once('close', () => drop(response));
      write(response, message({ type: 'hello', serverTime: new Date().toISOString() }));
      unsubscribe ??= service.subscribe((event) => broadcast(message(event)));
      heartbeat ??= setInterval(() => broadcast(`: heartbeat ${Date.now()}\n\n`), options.heartbeatMs ?? HEARTBEAT_MS);
      heartbeat.unref();
    },
    closeAll() {
      for (const client of [...clients]) drop(client);
    },
    clientCount: () => clients.size,
  };
}
