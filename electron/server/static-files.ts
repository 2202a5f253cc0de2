// The dashboard's built files (Vite output). Hash routing, so only `/` and the asset files exist.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './reply.js';

/** Where `vite build` puts the renderer. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The content type of a file name; unknown kinds are served as opaque bytes. */
export const contentTypeOf = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` that a URL path names, or null. Decoded segments that are empty, `.`, `..`,
 * hidden, or hold a separator or NUL are refused outright rather than normalised, and the real path
 * (after symlinks) must stay inside the real root.
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | null> {
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  let segments: string[];
  try {
    segments = relative.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
  if (segments.some((segment) => segment === '' || segment.startsWith('.') || /[\\/\0:]/.test(segment))) return null;
  try {
    const realRoot = await realpath(root);
    const file = await realpath(path.join(realRoot, ...segments));
    if (!file.startsWith(realRoot + path.sep)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Serves a GET or HEAD of a static file; 503 when the dashboard has not been built. */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, url: URL, root: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Method not allowed\n');
    return;
  }
  const file = await resolveStaticFile(root, url.pathname);
  if (file === null) {
    if (url.pathname === '/') sendText(response, 503, 'The dashboard is not built yet: run `npm run build`, then reload.\n');
    else sendText(response, 404, 'Not found\n');
    return;
  }
  const { size } = await stat(file);
  response.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Content-Length': size, 'Cache-Control': 'no-cache' });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  stream.once('error', () => response.destroy());
  stream.pipe(response);
}
