// Zod schemas of every input the service takes from outside (HTTP now, IPC later): one place to validate.
import { z } from 'zod';
import { METRICS } from '../shared/contract.js';

/** Most log lines one request may ask for (also the default). */
export const MAX_LOG_LINES = 100_000;

/** A module name as it arrives (already URL-decoded); free text, like the config's names. */
export const moduleNameSchema = z.string().min(1, 'module name is empty').max(1000, 'module name is too long');

/** A run's 1-based sequence number, as a path segment. */
export const runSeqSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'run number must be a positive integer')
  .transform(Number);

/** Body of acceptBaseline. */
export const acceptBaselineSchema = z.object({ module: moduleNameSchema, metric: z.enum(METRICS) }).strict();

/** Body of setEnabled. */
export const setEnabledSchema = z.object({ enabled: z.boolean() }).strict();

/** Body of saveSettings: any JSON object; the config schema judges its fields. */
export const saveSettingsSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected the config as a JSON object',
);

/** Query of logs: a source id and an optional line count. */
export const logsQuerySchema = z.object({
  source: z.union([z.enum(['anomalies', 'supervisor']), z.templateLiteral(['module:', z.string().min(1)])], {
    error: 'source must be "anomalies", "supervisor" or "module:<name>"',
  }),
  limit: z
    .string()
    .regex(/^\d{1,9}$/, 'limit must be a positive integer')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(MAX_LOG_LINES, `limit must be at most ${MAX_LOG_LINES}`))
    .optional(),
});

/** The first problem of a failed parse, as one line naming the field. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}
