// Friendly checks before a save, in words, each tied to the field it is about. The server checks
// everything again and its message (which names the field) is shown as it is.
import { METRIC_LABELS, METRICS } from '../../lib/metrics';
import { parseCommand } from './command-line';
import type { DetectorDraft, SettingsDraft } from './settings-draft';

export interface FieldError {
  /** The field's id in the form. */
  field: string;
  message: string;
}

const DURATION = /^\s*\d+(\.\d+)?\s*(ms|s|m|h)\s*$/;
const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/** The DOM id of a field, e.g. `field-modules-m3-name`. */
export const fieldId = (field: string): string => `field-${field.replace(/[^a-zA-Z0-9_-]+/g, '-')}`;

const isWhole = (n: number): boolean => Number.isInteger(n);

function checkDetector(detector: DetectorDraft, prefix: string, where: string, required: boolean, errors: FieldError[]): void {
  const add = (field: string, message: string): void => void errors.push({ field: `${prefix}.${field}`, message: `${where}: ${message}` });
  const { thresholdPct, lookback, recoveryWindow } = detector;
  if (thresholdPct === null) {
    if (required) add('threshold', 'enter a threshold, e.g. 25 (%).');
  } else if (!(thresholdPct > 0) || thresholdPct > 10_000) {
    add('threshold', 'the threshold must be a percentage above 0, e.g. 25.');
  }
  if (lookback === null) {
    if (required) add('lookback', 'enter how many runs form the baseline, e.g. 5.');
  } else if (!isWhole(lookback) || lookback < 1 || lookback > 1000) {
    add('lookback', 'the lookback must be a whole number of runs from 1 to 1000.');
  }
  if (recoveryWindow === null) {
    if (required) add('recoveryWindow', 'enter the recovery window in runs, e.g. 3.');
  } else if (!isWhole(recoveryWindow) || recoveryWindow < 1 || recoveryWindow > 1000) {
    add('recoveryWindow', 'the recovery window must be a whole number of runs from 1 to 1000.');
  }
  for (const metric of METRICS) {
    const floor = detector.floors[metric];
    if (floor !== null && !(floor >= 0)) add(`floors.${metric}`, `the ${METRIC_LABELS[metric].toLowerCase()} floor cannot be negative (0 turns it off).`);
  }
}

/** Every problem found in the form; empty when it may be saved. */
export function validateDraft(draft: SettingsDraft): FieldError[] {
  const errors: FieldError[] = [];
  checkDetector(draft.detector, 'detector', 'Detector', true, errors);

  if (draft.modules.length === 0) errors.push({ field: 'modules', message: 'Keep at least one module: Sentinel needs something to run.' });
  const seen = new Map<string, number>();
  draft.modules.forEach((module, index) => {
    const name = module.name.trim();
    const where = name ? `Module “${name}”` : `Module ${index + 1}`;
    const add = (field: string, message: string): void => void errors.push({ field: `modules.${module.key}.${field}`, message: `${where}: ${message}` });
    if (!name) add('name', 'give it a name.');
    else if (name.length > 100) add('name', 'the name can have at most 100 characters.');
    else if (seen.has(name)) add('name', `another module (number ${(seen.get(name) ?? 0) + 1}) already has this name.`);
    if (name) seen.set(name, index);
    if (module.kind === 'js' && !module.path.trim()) add('path', 'enter the path of the JS module, e.g. modules/collector.mjs.');
    if (module.kind === 'command' && parseCommand(module.command).length === 0) add('command', 'enter the command to run, e.g. python3 app/collector.py.');
    if (module.schedule === 'every') {
      if (module.every === null || !isWhole(module.every) || module.every < 1) add('every', 'run it every 1 or more whole iterations.');
    } else {
      const fields = module.cron.trim().split(/\s+/).filter(Boolean).length;
      if (fields < 5 || fields > 6) add('cron', 'a cron schedule has 5 fields (minute hour day month weekday), e.g. 0 * * * *.');
    }
    if (!DURATION.test(module.timeout) && !(SECONDS.test(module.timeout) && Number(module.timeout) > 0)) {
      add('timeout', 'the timeout must be a duration such as 30s, 10m or 1h (or a number of seconds).');
    }
    checkDetector(module.override, `modules.${module.key}.detector`, where, false, errors);
  });

  const interval = draft.git.okCommitInterval;
  if (interval === null || !isWhole(interval) || interval < 1) {
    errors.push({ field: 'git.okCommitInterval', message: 'Git: commit every 1 or more whole OK iterations.' });
  }
  return errors;
}

/**
 * The form field a server message names, e.g. `…: modules[3].cron: expected a cron expression` → the
 * cron field of the fourth module; null when the message names no field the form shows.
 */
export function fieldOfServerError(message: string, draft: SettingsDraft): FieldError | null {
  const match = /(?:^|:\s)((?:detector|git|modules\[\d+\])(?:\.[A-Za-z]+|\[\d+\])*):\s*/.exec(message);
  if (!match?.[1]) return null;
  // The words after the path ("expected a cron expression …") are what the field needs to say.
  const detail = `Sentinel: ${message.slice(match.index + match[0].length)}`;
  const path = match[1].replace(/\[(\d+)\]$/, '').replace(/(\.command)\[\d+\]/, '$1');
  const moduleMatch = /^modules\[(\d+)\](.*)$/.exec(path);
  if (!moduleMatch) return { field: path, message: detail };
  const module = draft.modules[Number(moduleMatch[1])];
  if (!module) return null;
  return { field: `modules.${module.key}${moduleMatch[2] ?? ''}`, message: detail };
}
