// Reading a JSON request body with a size limit: a client cannot make the server buffer without bound.
import type { IncomingMessage } from 'node:http';

/** Largest body the API accepts; a config is a few KB. */
export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

const isJson = (type: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(type?.trim() ?? '');

/** Reads and parses the JSON body of `request`; 415 when it is not JSON, 413 past the limit, 400 when malformed. */
export function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (!isJson(request.headers['content-type'])) {
    return Promise.resolve({ ok: false, status: 415, error: 'expected a JSON body (Content-Type: application/json)' });
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ ok: false, status: 413, error: `request body over ${limit / 1024} KB` });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      // What is left of an oversized body is read and dropped until the reply closes the connection.
      if (!result.ok) request.resume();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, status: 413, error: `request body over ${limit / 1024} KB` });
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('error', () => finish({ ok: false, status: 400, error: 'the request body could not be read' }));
    request.once('aborted', () => finish({ ok: false, status: 400, error: 'the request was aborted' }));
    request.once('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return finish({ ok: false, status: 400, error: 'the request body is empty; expected JSON' });
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch (error) {
        finish({ ok: false, status: 400, error: `malformed JSON in the request body: ${(error as Error).message}` });
      }
    });
  });
}
