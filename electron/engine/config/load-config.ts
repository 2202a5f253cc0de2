// Reads and validates a config file. A bad config is a value with one clear message, never a throw.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { configSchema, type SentinelConfig } from './schema.js';

/** A config ready to run: validated, with the folder its relative paths are resolved against. */
export interface LoadedConfig {
  file: string;
  baseDir: string;
  config: SentinelConfig;
}

export type ConfigResult = { ok: true; loaded: LoadedConfig } | { ok: false; message: string };

/** Loads, parses and validates `file`. */
export async function loadConfig(file: string): Promise<ConfigResult> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { ok: false, message: `config error in ${absolute}: ${reason}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `config error in ${absolute}: not valid JSON (${(error as Error).message})` };
  }
  return validateConfig(raw, absolute);
}

/** Validates an already parsed config object; `file` names it in messages and anchors relative paths. */
export function validateConfig(raw: unknown, file: string): ConfigResult {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, message: `config error in ${file}: ${describeIssue(parsed.error.issues, raw)}` };
  }
  return { ok: true, loaded: { file, baseDir: path.dirname(file), config: parsed.data } };
}

function describeIssue(issues: z.core.$ZodIssue[], raw: unknown): string {
  // The first issue is the one to fix first; listing twenty at once buries it.
  const issue = issues[0];
  if (!issue) return 'invalid config';
  const where = formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? '' : ` (got ${truncate(JSON.stringify(value))})`;
  const more = issues.length > 1 ? ` [and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}]` : '';
  return `${where || '(top level)'}: ${issue.message}${got}${more}`;
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

function valueAt(raw: unknown, segments: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function truncate(text: string | undefined): string {
  if (text === undefined) return 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
