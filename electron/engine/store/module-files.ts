// Module names are free text (a user may call one "<img src=x>"), so they never go into paths as is.
import { createHash } from 'node:crypto';

/** A file-name-safe, stable and collision-free stand-in for a module name. */
export function moduleFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  if (safe === name && safe.length > 0) return safe;
  // Different names can sanitise to the same text; a short hash keeps them apart.
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${safe}-${hash}`;
}
