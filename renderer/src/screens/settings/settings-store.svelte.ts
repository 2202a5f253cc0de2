// The settings screen's state: the saved view, the draft being edited, checks and the save itself.
import type { SentinelClient, SettingsView, StreamEvent } from '$shared/api';
import { canonicalJson, configFromDraft, draftFromConfig, newModuleDraft, type SettingsDraft } from './settings-draft';
import { fieldOfServerError, validateDraft, type FieldError } from './validate-draft';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'refused'; message: string };

export class SettingsStore {
  view = $state.raw<SettingsView | null>(null);
  /** The form: deep state, edited in place by the inputs. */
  draft = $state<SettingsDraft | null>(null);
  loadError = $state<string | null>(null);
  save = $state.raw<SaveState>({ kind: 'idle' });
  /** The config changed elsewhere (dashboard switch, another window) while this form had edits. */
  changedElsewhere = $state(false);

  readonly #client: SentinelClient;
  readonly #now: () => number;

  constructor(client: SentinelClient, now: () => number = () => Date.now()) {
    this.#client = client;
    this.#now = now;
  }

  /** The config the form would save now. */
  pending = $derived.by((): Record<string, unknown> | null => {
    if (!this.view || !this.draft) return null;
    return configFromDraft($state.snapshot(this.draft) as SettingsDraft, this.view.config);
  });

  /** Whether the form differs from the saved config. */
  dirty = $derived.by((): boolean => this.pending !== null && this.view !== null && canonicalJson(this.pending) !== canonicalJson(this.view.config));

  /**
   * Problems to show beside the fields: the form's own checks once a save has been tried (so a
   * half-typed form is not shouted at), or the server's refusal on the field it names.
   */
  errors = $derived.by((): FieldError[] => {
    if (!this.draft) return [];
    if (this.save.kind === 'invalid') return validateDraft(this.draft);
    if (this.save.kind === 'refused') {
      const named = fieldOfServerError(this.save.message, this.draft);
      return named ? [named] : [];
    }
    return [];
  });

  start(): () => void {
    void this.load();
    return this.#client.subscribe((event) => this.onEvent(event));
  }

  onEvent(event: StreamEvent): void {
    if (event.type !== 'config') return;
    if (this.save.kind === 'saving') return;
    if (this.dirty) this.changedElsewhere = true;
    else void this.load();
  }

  async load(): Promise<void> {
    const result = await this.#client.settings();
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.#adopt(result.data);
  }

  /** Throws the edits away and shows the saved settings again. */
  async discard(): Promise<void> {
    this.save = { kind: 'idle' };
    await this.load();
  }

  addModule(): string {
    const module = newModuleDraft();
    this.draft?.modules.push(module);
    return module.key;
  }

  removeModule(key: string): void {
    if (!this.draft) return;
    this.draft.modules = this.draft.modules.filter((m) => m.key !== key);
  }

  /** Checks the form, then saves the full config; the server applies it at once. */
  async submit(): Promise<boolean> {
    if (!this.draft || !this.view) return false;
    const errors = validateDraft(this.draft);
    if (errors.length > 0) {
      this.save = { kind: 'invalid', errors };
      return false;
    }
    const config = this.pending;
    if (!config) return false;
    this.save = { kind: 'saving' };
    const result = await this.#client.saveSettings(config);
    if (!result.ok) {
      this.save = { kind: 'refused', message: result.error };
      return false;
    }
    this.#adopt(result.data);
    this.save = { kind: 'saved', at: this.#now() };
    return true;
  }

  #adopt(view: SettingsView): void {
    this.view = view;
    this.draft = draftFromConfig(view.config, view.schema);
    this.loadError = null;
    this.changedElsewhere = false;
  }
}
