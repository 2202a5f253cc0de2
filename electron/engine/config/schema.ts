// The config schema: one source for validation, TypeScript types and the published JSON Schema.
import { Cron } from 'croner';
import { z } from 'zod';
import { parseDuration } from './duration.js';

const duration = z
  .union([z.number(), z.string()])
  .refine((value) => parseDuration(value) !== null, {
    message: 'expected a duration such as 30s, 10m or 1h (or a number of seconds)',
  })
  .meta({
    description: 'A duration: "250ms", "30s", "10m", "1h", or a number of seconds.',
    anyOf: [
      { type: 'number', exclusiveMinimum: 0 },
      { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$' },
    ],
  });

const fraction = z.number().gt(0).max(100);
const floors = z
  .object({
    runtime: z.number().min(0).optional(),
    cpu: z.number().min(0).optional(),
    memory: z.number().min(0).optional(),
    apiLatency: z.number().min(0).optional(),
  })
  .strict()
  .meta({ description: 'Absolute deviation a metric must also reach (s, percentage points, MB, s); 0 disables.' });

/** Detector parameters; every field is optional so a module can override just one. */
export const detectorOverridesSchema = z
  .object({
    threshold: fraction.optional().meta({ description: 'Relative deviation that opens an anomaly (0.25 = 25 %).' }),
    lookback: z.number().int().min(1).max(1000).optional().meta({ description: 'Runs in the baseline.' }),
    recoveryWindow: z.number().int().min(1).max(1000).optional().meta({ description: 'Runs an anomaly has to recover.' }),
    floors: floors.optional(),
  })
  .strict();

const cronExpression = z.string().refine(
  (value) => {
    try {
      new Cron(value, { paused: true });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a cron expression such as "0 * * * *"' },
);

export const moduleSchema = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ description: 'Unique name of the module.' }),
    path: z.string().min(1).optional().meta({ description: 'A JS module whose default export is `async run(ctx)`.' }),
    command: z.array(z.string().min(1)).min(1).optional().meta({ description: 'An external command, e.g. ["python3", "app/collector.py"].' }),
    cwd: z.string().min(1).optional().meta({ description: 'Working directory, relative to the config file.' }),
    every: z.number().int().min(1).optional().meta({ description: 'Run every N iterations (default 1).' }),
    cron: cronExpression.optional().meta({ description: 'Run when this cron time has passed since the last run.' }),
    timeout: duration.default('10m'),
    enabled: z.boolean().default(true),
    memoryLimitMB: z.number().positive().nullable().default(null).meta({ description: 'Kill the run when its process tree passes this resident memory.' }),
    env: z.record(z.string(), z.string()).default({}),
    detector: detectorOverridesSchema.optional(),
  })
  .strict()
  .refine((m) => (m.path === undefined) !== (m.command === undefined), {
    message: 'give exactly one of "path" (a JS module) or "command" (an external command)',
  })
  .refine((m) => m.every === undefined || m.cron === undefined, {
    message: 'give at most one of "every" and "cron"',
  });

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    stage: z.string().min(1).max(100).default('development').meta({ description: 'Label shown in the iteration summary.' }),
    interval: duration.default('5m').meta({ description: 'Time between iterations.' }),
    historySize: z.number().int().min(1).max(10_000).default(100).meta({ description: 'Runs kept per module.' }),
    detector: z
      .object({
        threshold: fraction.default(0.25),
        lookback: z.number().int().min(1).max(1000).default(5),
        recoveryWindow: z.number().int().min(1).max(1000).default(3),
        floors: floors.default({}),
      })
      .strict()
      .default({ threshold: 0.25, lookback: 5, recoveryWindow: 3, floors: {} }),
    restart: z
      .object({
        baseDelay: duration.default('1s'),
        maxDelay: duration.default('5m'),
        maxFailures: z.number().int().min(1).max(1000).default(5),
      })
      .strict()
      .default({ baseDelay: '1s', maxDelay: '5m', maxFailures: 5 }),
    git: z
      .object({
        enabled: z.boolean().default(true),
        repository: z.string().min(1).nullable().default(null).meta({ description: 'null: the data folder.' }),
        paths: z.array(z.string().min(1)).min(1).default(['performance.json', 'anomalies.log', 'status.json']),
        okCommitInterval: z.number().int().min(1).default(1).meta({ description: 'Commit on every Nth OK iteration.' }),
        push: z.boolean().default(false),
        remote: z.string().min(1).default('origin'),
      })
      .strict()
      .default({ enabled: true, repository: null, paths: ['performance.json', 'anomalies.log', 'status.json'], okCommitInterval: 1, push: false, remote: 'origin' }),
    notifications: z
      .object({
        enabled: z.boolean().default(true).meta({ description: 'Native notifications in the desktop app.' }),
      })
      .strict()
      .default({ enabled: true }),
    desktop: z
      .object({
        launchAtLogin: z.boolean().default(false).meta({ description: 'Start the desktop app at login (packaged app, macOS and Windows).' }),
      })
      .strict()
      .default({ launchAtLogin: false }),
    modules: z.array(moduleSchema).min(1),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.modules.forEach((module, index) => {
      if (seen.has(module.name)) {
        ctx.addIssue({ code: 'custom', path: ['modules', index, 'name'], message: `duplicate module name "${module.name}"` });
      }
      seen.add(module.name);
    });
  });

/** A validated config, with defaults filled in. */
export type SentinelConfig = z.output<typeof configSchema>;
export type ModuleConfig = SentinelConfig['modules'][number];
export type DetectorOverrides = z.output<typeof detectorOverridesSchema>;

/** The JSON Schema that editors use to check a config file. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
