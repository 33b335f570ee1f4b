// The one place a file's configuration is resolved, for the CLI and the language server alike:
// (--config file | nearest .postmortemrc upward) ← editor settings, with the folder path globs are relative to.
import * as path from 'node:path';
import type { Config, ConfigProblem, Rule } from '../model/types';
import { rules as registry } from '../rules/index';
import { loadConfigFile, loadConfigForFile, type LoadedConfig } from './load';
import { applyEditorSettings, type EditorLintSettings } from './merge';

export interface ResolvedConfig {
  config: Config;
  /** The folder `postmortemGlobs` and `ignore` are relative to (undefined: none known). */
  rootDir?: string;
  /** Every problem met on the way (config file and editor settings), uncapped; show them with capProblems. */
  problems: ConfigProblem[];
}

export interface ResolveOptions {
  /** A config file given explicitly (CLI --config): used for every file instead of searching upward. */
  configFile?: string;
  /** The folder globs are relative to when there is no config file, or for --config (CLI: the working directory). */
  fallbackRoot?: string;
  /** Editor settings layered over the file's configuration (the language server). */
  editor?: EditorLintSettings;
  rules?: readonly Rule<object>[];
}

const explicitCache = new Map<string, LoadedConfig>();

/** The configuration for `filePath` (undefined for documents that are not files, e.g. untitled). Never throws. */
export function resolveConfig(filePath: string | undefined, options: ResolveOptions = {}): ResolvedConfig {
  const rules = options.rules ?? (registry as readonly Rule<object>[]);
  let loaded: LoadedConfig;
  let rootDir: string | undefined;
  if (options.configFile !== undefined) {
    const abs = path.resolve(options.configFile);
    loaded = explicitCache.get(abs) ?? loadConfigFile(abs, rules);
    explicitCache.set(abs, loaded);
    rootDir = options.fallbackRoot ?? loaded.rootDir;
  } else {
    loaded = filePath ? loadConfigForFile(filePath, rules) : { config: {}, problems: [] };
    rootDir = loaded.rootDir ?? options.fallbackRoot;
  }
  if (!options.editor) return { config: loaded.config, rootDir, problems: [...loaded.problems] };
  const merged = applyEditorSettings(loaded.config, options.editor, rules, 'settings');
  return { config: merged.config, rootDir, problems: [...loaded.problems, ...merged.problems] };
}

/** Forget explicitly given config files (tests; the CLI runs once per process). */
export function clearExplicitConfigCache(): void {
  explicitCache.clear();
}
