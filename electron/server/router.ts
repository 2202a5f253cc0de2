// The API routes of HTTP_ROUTES: matching, input validation with zod, and the service call behind each.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { HTTP_ROUTES, MUTATION_HEADER } from '../shared/api.js';
import {
  acceptBaselineSchema,
  describeZodError,
  logsQuerySchema,
  moduleNameSchema,
  runSeqSchema,
  saveSettingsSchema,
  setEnabledSchema,
  toApiResult,
  type FailureKind,
  type SentinelService,
  type ServiceResult,
} from '../service/index.js';
import { readJsonBody } from './body.js';
import { sendError, sendJson } from './reply.js';
import type { EventHub } from './sse.js';

type RouteName = keyof typeof HTTP_ROUTES;

interface Call {
  request: IncomingMessage;
  url: URL;
  params: Record<string, string>;
}

/** A handler's outcome: a service reply to send, or the stream (already taken over). */
type Outcome = ServiceResult<unknown> | 'streaming';

class BadInput extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const FAILURE_STATUS: Record<FailureKind, number> = { invalid: 400, 'not-found': 404, conflict: 409, internal: 500 };

function parse<T>(schema: z.ZodType<T, unknown>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadInput(`${what}: ${describeZodError(result.error)}`);
  return result.data;
}

async function body<T>(request: IncomingMessage, schema: z.ZodType<T, unknown>): Promise<T> {
  const read = await readJsonBody(request);
  if (!read.ok) throw new BadInput(read.error, read.status);
  return parse(schema, read.value, 'body');
}

const name = (call: Call): string => parse(moduleNameSchema, call.params.name, 'module name');

function handlers(service: SentinelService, hub: EventHub, response: ServerResponse): Record<RouteName, (call: Call) => Promise<Outcome>> {
  return {
    state: () => service.state(),
    moduleHistory: (call) => service.moduleHistory(name(call)),
    runDetail: (call) => service.runDetail(name(call), parse(runSeqSchema, call.params.seq, 'run number')),
    anomalies: () => service.anomalies(),
    acceptBaseline: async (call) => {
      const input = await body(call.request, acceptBaselineSchema);
      return service.acceptBaseline(input.module, input.metric);
    },
    runNow: (call) => service.runNow(name(call)),
    setEnabled: async (call) => {
      const module = name(call);
      return service.setEnabled(module, (await body(call.request, setEnabledSchema)).enabled);
    },
    logSources: () => service.logSources(),
    logs: (call) => {
      const query = parse(logsQuerySchema, Object.fromEntries(call.url.searchParams), 'query');
      return service.logs(query.source, query.limit);
    },
    settings: () => service.settings(),
    saveSettings: async (call) => service.saveSettings(await body(call.request, saveSettingsSchema)),
    events: async () => {
      hub.connect(response);
      return 'streaming';
    },
  };
}

interface RouteSpec {
  name: RouteName;
  method: string;
  segments: string[];
}

// Parsed once from the contract, so the server serves exactly the routes the clients are told of.
const ROUTES: RouteSpec[] = (Object.entries(HTTP_ROUTES) as Array<[RouteName, string]>).map(([routeName, spec]) => {
  const [method = '', target = ''] = spec.split(' ');
  return { name: routeName, method, segments: (target.split('?')[0] ?? '').split('/').slice(1) };
});

function match(route: RouteSpec, segments: string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of route.segments.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        throw new BadInput(`malformed URL encoding in ${JSON.stringify(actual)}`);
      }
    } else if (expected !== actual) return null;
  }
  return params;
}

/** Answers one /api request (auth already passed). Never throws: every fault becomes an envelope. */
export async function handleApi(service: SentinelService, hub: EventHub, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  try {
    const segments = url.pathname.split('/').slice(1);
    const matches = ROUTES.flatMap((route) => {
      const params = match(route, segments);
      return params ? [{ route, params }] : [];
    });
    if (matches.length === 0) return sendError(response, 404, `no API route ${request.method ?? ''} ${url.pathname}`);
    const found = matches.find((candidate) => candidate.route.method === request.method);
    if (!found) {
      const allow = [...new Set(matches.map((candidate) => candidate.route.method))].join(', ');
      return sendError(response, 405, `${request.method ?? ''} is not allowed here; use ${allow}`, { Allow: allow });
    }
    if (found.route.method !== 'GET' && request.headers[MUTATION_HEADER] !== '1') {
      return sendError(response, 403, `a ${found.route.method} request needs the header ${MUTATION_HEADER}: 1`);
    }
    const outcome = await handlers(service, hub, response)[found.route.name]({ request, url, params: found.params });
    if (outcome === 'streaming') return;
    if (!outcome.ok) return sendJson(response, FAILURE_STATUS[outcome.kind], toApiResult(outcome));
    sendJson(response, found.route.name === 'runNow' ? 202 : 200, outcome);
  } catch (error) {
    if (error instanceof BadInput) {
      sendError(response, error.status, error.message, error.status === 413 ? { Connection: 'close' } : {});
    } else {
      sendError(response, 500, 'internal error');
    }
  }
}
