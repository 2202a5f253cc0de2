// Who may talk to the server: loopback binds check the Host header (DNS rebinding), other binds
// require the serve token on every API call.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';

/** The token file in the data folder. */
export const TOKEN_FILE = 'serve-token';

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * Whether a request's Host header names this loopback server. A page on evil.example whose name
 * re-resolves to 127.0.0.1 still sends `Host: evil.example`, so it is refused.
 */
export function hostHeaderAllowed(header: string | undefined, port: number): boolean {
  if (header === undefined) return false;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const allowed = names.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
  return allowed.includes(header.toLowerCase());
}

/** The token a request carries: `Authorization: Bearer <token>`, or `?token=` (EventSource cannot set headers). */
export function requestToken(request: IncomingMessage, url: URL): string | null {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? url.searchParams.get('token');
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Constant-time comparison; hashing first gives equal lengths, so not even the length leaks. */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The serve token of `dataDir`: read from `serve-token`, or generated and stored there with mode 0600. */
export async function loadOrCreateToken(dataDir: string): Promise<{ token: string; file: string; created: boolean }> {
  const file = path.join(dataDir, TOKEN_FILE);
  const stored = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    },
  );
  if (stored.length >= 32) {
    // A copied or restored file may have lost its mode; the token is as good as a password.
    await chmod(file, 0o600);
    return { token: stored, file, created: false };
  }
  const token = randomBytes(32).toString('base64url');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  // The mode of writeFile applies only to a new file (and passes through the umask); make sure.
  await chmod(file, 0o600);
  return { token, file, created: true };
}
