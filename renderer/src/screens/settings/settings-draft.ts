// The settings form's model: the config turned into editable fields, and back. Pure.
// Fields the form does not show (cwd, env, memoryLimitMB, git.paths, restart, …) are carried over untouched.
import type { MetricName } from '$shared/contract';
import { METRICS } from '../../lib/metrics';
import { formatCommand, parseCommand } from './command-line';

/** Detector fields; null means "not set": the default globally, the global value in a module override. */
export interface DetectorDraft {
  thresholdPct: number | null;
  lookback: number | null;
  recoveryWindow: number | null;
  floors: Record<MetricName, number | null>;
}

export interface ModuleDraft {
  /** Stable identity for the list, also for modules not saved yet. */
  key: string;
  /** The module's config as loaded ({} for a new one), so unshown fields survive a save. */
  original: Readonly<Record<string, unknown>>;
  name: string;
  kind: 'js' | 'command';
  path: string;
  command: string;
  schedule: 'every' | 'cron';
  every: number | null;
  cron: string;
  timeout: string;
  enabled: boolean;
  override: DetectorDraft;
}

export interface SettingsDraft {
  detector: DetectorDraft;
  modules: ModuleDraft[];
  git: { enabled: boolean; okCommitInterval: number | null; push: boolean };
  /** Present only when the config schema knows `notifications.enabled`. */
  notifications: { enabled: boolean } | null;
  /** Present only when the config schema knows `desktop.launchAtLogin`. */
  desktop: { launchAtLogin: boolean } | null;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const asString = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** A fraction as a percentage without float noise: 0.29 → 29, not 28.999999999999996. */
export const toPercent = (fraction: number): number => Math.round(fraction * 100 * 1e6) / 1e6;

function detectorDraft(raw: unknown): DetectorDraft {
  const detector = asObject(raw);
  const floors = asObject(detector.floors);
  const threshold = asNumber(detector.threshold);
  return {
    thresholdPct: threshold === null ? null : toPercent(threshold),
    lookback: asNumber(detector.lookback),
    recoveryWindow: asNumber(detector.recoveryWindow),
    floors: Object.fromEntries(METRICS.map((m) => [m, asNumber(floors[m])])) as Record<MetricName, number | null>,
  };
}

let nextKey = 0;
/** A key for a module row that is unique for this page's life. */
export const newModuleKey = (): string => `m${(nextKey += 1)}`;

function moduleDraft(raw: unknown): ModuleDraft {
  const module = asObject(raw);
  const command = Array.isArray(module.command) ? module.command.map(String) : null;
  return {
    key: newModuleKey(),
    original: module,
    name: asString(module.name),
    kind: command ? 'command' : 'js',
    path: asString(module.path),
    command: command ? formatCommand(command) : '',
    schedule: typeof module.cron === 'string' ? 'cron' : 'every',
    every: asNumber(module.every) ?? 1,
    cron: asString(module.cron),
    timeout: asString(module.timeout) || '10m',
    enabled: module.enabled !== false,
    override: detectorDraft(module.detector),
  };
}

/** A blank module for "Add module". */
export function newModuleDraft(): ModuleDraft {
  return { ...moduleDraft({}), name: '', timeout: '10m' };
}

/** Whether the schema has `notifications.enabled` (the field may not exist yet). */
export function schemaHasNotifications(schema: Json): boolean {
  const notifications = asObject(asObject(schema.properties).notifications);
  return 'enabled' in asObject(notifications.properties);
}

/** Whether the schema has `desktop.launchAtLogin`. */
export function schemaHasLaunchAtLogin(schema: Json): boolean {
  const desktop = asObject(asObject(schema.properties).desktop);
  return 'launchAtLogin' in asObject(desktop.properties);
}

export function draftFromConfig(config: Json, schema: Json): SettingsDraft {
  const git = asObject(config.git);
  return {
    detector: detectorDraft(config.detector),
    modules: (Array.isArray(config.modules) ? config.modules : []).map(moduleDraft),
    git: { enabled: git.enabled !== false, okCommitInterval: asNumber(git.okCommitInterval) ?? 1, push: git.push === true },
    notifications: schemaHasNotifications(schema) ? { enabled: asObject(config.notifications).enabled === true } : null,
    desktop: schemaHasLaunchAtLogin(schema) ? { launchAtLogin: asObject(config.desktop).launchAtLogin === true } : null,
  };
}

/** The detector fields as config: only the fields that are set; null when none is. */
function detectorConfig(draft: DetectorDraft, base: Json): Json | null {
  const out: Json = { ...base };
  const set = (key: string, value: number | null): void => {
    if (value === null) delete out[key];
    else out[key] = value;
  };
  set('threshold', draft.thresholdPct === null ? null : draft.thresholdPct / 100);
  set('lookback', draft.lookback);
  set('recoveryWindow', draft.recoveryWindow);
  const floors: Json = { ...asObject(base.floors) };
  for (const metric of METRICS) {
    const value = draft.floors[metric];
    if (value === null) delete floors[metric];
    else floors[metric] = value;
  }
  if (Object.keys(floors).length > 0 || 'floors' in base) out.floors = floors;
  else delete out.floors;
  return Object.keys(out).length > 0 ? out : null;
}

/** "30s" stays a string; "30" becomes the number 30 (seconds), as the config allows both. */
function durationValue(text: string): string | number {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function moduleConfig(draft: ModuleDraft): Json {
  const out: Json = { ...draft.original };
  out.name = draft.name.trim();
  delete out.path;
  delete out.command;
  if (draft.kind === 'js') out.path = draft.path.trim();
  else out.command = parseCommand(draft.command);
  const hadEvery = 'every' in draft.original;
  delete out.every;
  delete out.cron;
  if (draft.schedule === 'cron') out.cron = draft.cron.trim();
  else if (hadEvery || draft.every !== 1) out.every = draft.every;
  out.timeout = durationValue(draft.timeout);
  out.enabled = draft.enabled;
  const detector = detectorConfig(draft.override, asObject(draft.original.detector));
  if (detector) out.detector = detector;
  else delete out.detector;
  return out;
}

/** The full config to save: `base` with the form's fields written over it. */
export function configFromDraft(draft: SettingsDraft, base: Json): Json {
  const config: Json = structuredClone(base);
  config.detector = detectorConfig(draft.detector, asObject(base.detector)) ?? {};
  config.modules = draft.modules.map(moduleConfig);
  config.git = { ...asObject(base.git), enabled: draft.git.enabled, okCommitInterval: draft.git.okCommitInterval, push: draft.git.push };
  if (draft.notifications) config.notifications = { ...asObject(base.notifications), enabled: draft.notifications.enabled };
  if (draft.desktop) config.desktop = { ...asObject(base.desktop), launchAtLogin: draft.desktop.launchAtLogin };
  return config;
}

/** JSON with sorted keys, to tell whether the form differs from the saved config. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
