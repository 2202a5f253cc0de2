import { describe, expect, it } from 'vitest';
import { formatCommand, parseCommand } from '../../../../renderer/src/screens/settings/command-line';
import { canonicalJson, configFromDraft, draftFromConfig, newModuleDraft } from '../../../../renderer/src/screens/settings/settings-draft';
import { fieldOfServerError, validateDraft } from '../../../../renderer/src/screens/settings/validate-draft';

// The config as `settings()` returns it: defaults filled in.
const config = () => ({
  stage: 'demo',
  interval: '10s',
  historySize: 100,
  detector: { threshold: 0.29, lookback: 5, recoveryWindow: 3, floors: { cpu: 2 } },
  restart: { baseDelay: '1s', maxDelay: '5m', maxFailures: 5 },
  git: { enabled: true, repository: null, paths: ['performance.json'], okCommitInterval: 1, push: false, remote: 'origin' },
  modules: [
    { name: 'collector', path: 'modules/collector.mjs', every: 1, timeout: '2m', enabled: true, memoryLimitMB: null, env: { A: '1' } },
    { name: 'py', command: ['python3', 'my script.py'], cron: '0 * * * *', cwd: '..', timeout: 600, enabled: false, memoryLimitMB: 2048, env: {}, detector: { threshold: 0.5 } },
    { name: 'plain', path: 'p.mjs', timeout: '10m', enabled: true, memoryLimitMB: null, env: {} },
  ],
});
const schema = { properties: { notifications: { properties: { enabled: { type: 'boolean' } } } } };

describe('the settings draft', () => {
  it('saves back exactly the config it was made from when nothing is edited', () => {
    const draft = draftFromConfig(config(), {});
    expect(canonicalJson(configFromDraft(draft, config()))).toBe(canonicalJson(config()));
  });

  it('shows the threshold as a percentage without float noise', () => {
    expect(draftFromConfig(config(), {}).detector.thresholdPct).toBe(29);
  });

  it('writes edits over the config and keeps the fields the form does not show', () => {
    const draft = draftFromConfig(config(), schema);
    draft.detector.thresholdPct = 30;
    draft.detector.floors.memory = 10;
    const [collector, py] = draft.modules;
    collector!.kind = 'command';
    collector!.command = 'node  collector.mjs  --fast';
    py!.schedule = 'every';
    py!.every = 3;
    py!.override.thresholdPct = null;
    py!.override.lookback = 8;
    draft.git.push = true;
    draft.notifications!.enabled = true;
    const saved = configFromDraft(draft, config()) as ReturnType<typeof config> & { notifications: { enabled: boolean } };
    expect(saved.detector).toEqual({ threshold: 0.3, lookback: 5, recoveryWindow: 3, floors: { cpu: 2, memory: 10 } });
    expect(saved.modules[0]).toEqual({ name: 'collector', command: ['node', 'collector.mjs', '--fast'], every: 1, timeout: '2m', enabled: true, memoryLimitMB: null, env: { A: '1' } });
    expect(saved.modules[1]).toMatchObject({ every: 3, cwd: '..', memoryLimitMB: 2048, detector: { lookback: 8 } });
    expect(saved.modules[1]).not.toHaveProperty('cron');
    expect(saved.modules[1]?.detector).not.toHaveProperty('threshold');
    expect(saved.git).toMatchObject({ push: true, paths: ['performance.json'], remote: 'origin' });
    expect(saved.notifications).toEqual({ enabled: true });
  });

  it('offers notifications only when the schema has the field', () => {
    expect(draftFromConfig(config(), {}).notifications).toBeNull();
    expect(draftFromConfig(config(), schema).notifications).toEqual({ enabled: false });
  });

  it('offers launch at login only when the schema has it, and saves it under desktop', () => {
    const withDesktop = { properties: { desktop: { properties: { launchAtLogin: { type: 'boolean' } } } } };
    expect(draftFromConfig(config(), {}).desktop).toBeNull();
    const draft = draftFromConfig(config(), withDesktop);
    expect(draft.desktop).toEqual({ launchAtLogin: false });
    draft.desktop!.launchAtLogin = true;
    expect(configFromDraft(draft, config())).toMatchObject({ desktop: { launchAtLogin: true } });
  });

  it('adds a new module with sensible defaults', () => {
    const draft = draftFromConfig(config(), {});
    const module = { ...newModuleDraft(), name: 'new one', path: 'n.mjs' };
    draft.modules.push(module);
    const saved = configFromDraft(draft, config()) as ReturnType<typeof config>;
    expect(saved.modules[3]).toEqual({ name: 'new one', path: 'n.mjs', timeout: '10m', enabled: true });
  });
});

describe('command lines', () => {
  it('splits one line on spaces and several lines per line', () => {
    expect(parseCommand('python3  app/collector.py -v')).toEqual(['python3', 'app/collector.py', '-v']);
    expect(parseCommand('python3\nmy script.py\n\n')).toEqual(['python3', 'my script.py']);
    expect(parseCommand('   ')).toEqual([]);
  });

  it('round-trips argv, also with spaces inside an argument', () => {
    for (const argv of [['python3', 'a.py'], ['python3', 'my script.py', '--x']]) expect(parseCommand(formatCommand(argv))).toEqual(argv);
  });
});

describe('validateDraft', () => {
  it('accepts the loaded config', () => {
    expect(validateDraft(draftFromConfig(config(), {}))).toEqual([]);
  });

  it('explains each problem in words, tied to its field', () => {
    const draft = draftFromConfig(config(), {});
    draft.detector.thresholdPct = 0;
    draft.detector.lookback = 2.5;
    const [collector, py, plain] = draft.modules;
    plain!.name = ' collector ';
    collector!.path = '';
    py!.cron = '* *';
    py!.timeout = 'later';
    py!.override.floors.cpu = -1;
    draft.git.okCommitInterval = null;
    const errors = validateDraft(draft);
    expect(errors.map((e) => e.field)).toEqual([
      'detector.threshold',
      'detector.lookback',
      `modules.${collector!.key}.path`,
      `modules.${py!.key}.cron`,
      `modules.${py!.key}.timeout`,
      `modules.${py!.key}.detector.floors.cpu`,
      `modules.${plain!.key}.name`,
      'git.okCommitInterval',
    ]);
    expect(errors[0]?.message).toBe('Detector: the threshold must be a percentage above 0, e.g. 25.');
    expect(errors[6]?.message).toContain('already has this name');
  });
});

describe('fieldOfServerError', () => {
  it('finds the field a server message names', () => {
    const draft = draftFromConfig(config(), {});
    const key = draft.modules[1]!.key;
    expect(fieldOfServerError('config error in /x/sentinel.json: modules[1].cron: expected a cron expression', draft)).toEqual({
      field: `modules.${key}.cron`,
      message: 'Sentinel: expected a cron expression',
    });
    expect(fieldOfServerError('config error in /x: detector.floors.cpu: too small', draft)?.field).toBe('detector.floors.cpu');
    expect(fieldOfServerError('config error in /x: modules[0].command[2]: empty', draft)?.field).toBe(`modules.${draft.modules[0]!.key}.command`);
    expect(fieldOfServerError('disk full', draft)).toBeNull();
  });
});
