// Editor settings (section `postmortemLint`), pulled per resource with workspace/configuration when the client
// supports it, cached per URI and cleared on workspace/didChangeConfiguration. Never held as one global.
import type { Connection } from 'vscode-languageserver';
import type { LintWorkspaceSetting, ServerSettings } from './context';

export const SETTINGS_SECTION = 'postmortemLint';

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = Object.freeze({
  enable: true,
  rules: {},
  postmortemGlobs: [],
  ignore: [],
  maxActionItems: undefined,
  codeLens: true,
  loadRemoteImages: false,
  lintWorkspace: 'auto',
});

/** "auto" | "on" | "off", and true / false for on / off; anything else is the default. */
function lintWorkspaceOf(v: unknown): LintWorkspaceSetting {
  if (v === true || v === 'on') return 'on';
  if (v === false || v === 'off') return 'off';
  return 'auto';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whatever the client sent, as ServerSettings (unknown shapes fall back to the defaults; validation reports them). */
export function normalizeSettings(raw: unknown): ServerSettings {
  const s = isObject(raw) ? raw : {};
  return {
    enable: typeof s.enable === 'boolean' ? s.enable : DEFAULT_SETTINGS.enable,
    rules: isObject(s.rules) ? s.rules : {},
    postmortemGlobs: Array.isArray(s.postmortemGlobs) ? s.postmortemGlobs.filter((g): g is string => typeof g === 'string') : [],
    ignore: Array.isArray(s.ignore) ? s.ignore.filter((g): g is string => typeof g === 'string') : [],
    maxActionItems: typeof s.maxActionItems === 'number' ? s.maxActionItems : undefined,
    codeLens: typeof s.codeLens === 'boolean' ? s.codeLens : DEFAULT_SETTINGS.codeLens,
    loadRemoteImages: s.loadRemoteImages === true,
    lintWorkspace: lintWorkspaceOf(s.lintWorkspace),
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  /** Raw settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private global: ServerSettings = normalizeSettings(undefined);
  /** Raw values as received, to validate them (key names, rule ids) against the registry. */
  private readonly raw = new Map<string, unknown>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  /** Bumped whenever settings may have changed; cached lint results keyed by it go stale. */
  get version(): number {
    return this.generation;
  }

  get(uri: string): Promise<ServerSettings> {
    if (!this.canPull()) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      const generation = this.generation;
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(
          (v: unknown) => {
            // An answer that arrives after a change notification must not overwrite the newer values.
            if (generation === this.generation) this.raw.set(uri, v);
            return normalizeSettings(v);
          },
          (e: unknown) => {
            this.connection.console.warn(`postmortem-lint: could not read settings for ${uri}: ${String(e)}`);
            return normalizeSettings(undefined);
          },
        );
      this.cache.set(uri, p);
    }
    return p;
  }

  /** The settings object as the client sent it (undefined before the first pull), for validation messages. */
  rawFor(uri: string): unknown {
    return this.canPull() ? this.raw.get(uri) : this.globalRaw;
  }

  private globalRaw: unknown;

  /** workspace/didChangeConfiguration: forget everything; push-only clients send the new values along. */
  changed(settings: unknown): void {
    this.generation++;
    this.cache.clear();
    this.raw.clear();
    if (isObject(settings) && SETTINGS_SECTION in settings) {
      this.globalRaw = settings[SETTINGS_SECTION];
      this.global = normalizeSettings(this.globalRaw);
    }
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.raw.delete(uri);
  }
}
