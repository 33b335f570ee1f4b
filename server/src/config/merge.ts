// Merging configuration layers: rule defaults ← .postmortemrc ← editor settings. Pure: no fs.
import type { Config, ConfigProblem, Rule, RuleSetting, Severity } from '../model/types';
import { validateConfig } from './validate';
import { isPlainObject } from './schema';

type Level = Severity | 'off';

function split(setting: RuleSetting | undefined): { level?: Level; options?: Record<string, unknown> } {
  if (setting === undefined) return {};
  if (typeof setting === 'string') return { level: setting };
  if (Array.isArray(setting)) return { level: setting[0], options: isPlainObject(setting[1]) ? setting[1] : undefined };
  return {};
}

/**
 * Merges one rule setting over another. A bare severity keeps the options set below it
 * (`["warning", { max: 3 }]` then `"error"` gives `["error", { max: 3 }]`); options are merged key by key.
 */
export function mergeRuleSetting(base: RuleSetting | undefined, over: RuleSetting | undefined): RuleSetting | undefined {
  if (over === undefined) return base;
  if (base === undefined) return over;
  const b = split(base);
  const o = split(over);
  const level = o.level ?? b.level;
  if (level === undefined) return base;
  const options = b.options || o.options ? { ...(b.options ?? {}), ...(o.options ?? {}) } : undefined;
  return options ? [level, options] : level;
}

/** Merges configuration layers, later ones winning. `postmortemGlobs` and `ignore` are replaced, not concatenated. */
export function mergeConfig(...layers: (Config | undefined)[]): Config {
  const out: Config = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) {
      const rules: Record<string, RuleSetting> = { ...(out.rules ?? {}) };
      for (const [id, s] of Object.entries(layer.rules)) {
        const merged = mergeRuleSetting(rules[id], s);
        if (merged !== undefined) rules[id] = merged;
      }
      out.rules = rules;
    }
    if (layer.postmortemGlobs) out.postmortemGlobs = [...layer.postmortemGlobs];
    if (layer.ignore) out.ignore = [...layer.ignore];
  }
  return out;
}

/** The configuration the rule registry implies: every rule at its default severity with its default options. */
export function defaultConfig(rules: readonly Rule<object>[]): Config {
  const out: Record<string, RuleSetting> = {};
  for (const r of rules) out[r.id] = [r.defaultSeverity, { ...(r.defaultOptions as Record<string, unknown>) }];
  return { rules: out };
}

/** The effective severity and options of one rule under a configuration (defaults filled in). */
export function resolveRule(config: Config | undefined, rule: Rule<object>): { severity: Level; options: Record<string, unknown> } {
  const s = split(config?.rules?.[rule.id]);
  return {
    severity: s.level ?? rule.defaultSeverity,
    options: { ...(rule.defaultOptions as Record<string, unknown>), ...(s.options ?? {}) },
  };
}

/** The `postmortemLint.*` editor settings that affect linting (as pulled from `workspace/configuration`). */
export interface EditorLintSettings {
  rules?: unknown;
  /** Empty or missing: keep the .postmortemrc globs (or the defaults). */
  postmortemGlobs?: unknown;
  /** Empty or missing: keep the .postmortemrc ignore globs. */
  ignore?: unknown;
  /** Overrides `action-items-too-many`'s `max`; null or missing: keep it. */
  maxActionItems?: unknown;
}

export const MAX_ITEMS_RULE = 'action-items-too-many';

/**
 * Layers editor settings over a configuration (usually the one loaded from .postmortemrc).
 * Problems name the setting, e.g. `settings: postmortemLint.rules.action-item-ownr: unknown rule id …`.
 */
export function applyEditorSettings(
  base: Config | undefined,
  settings: EditorLintSettings | undefined,
  rules: readonly Rule<object>[],
  file = 'settings',
): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (!settings) return { config: mergeConfig(base), problems };
  const raw: Record<string, unknown> = {};
  if (settings.rules !== undefined && settings.rules !== null) raw.rules = settings.rules;
  if (Array.isArray(settings.postmortemGlobs) ? settings.postmortemGlobs.length > 0 : settings.postmortemGlobs !== undefined && settings.postmortemGlobs !== null) {
    raw.postmortemGlobs = settings.postmortemGlobs;
  }
  if (Array.isArray(settings.ignore) ? settings.ignore.length > 0 : settings.ignore !== undefined && settings.ignore !== null) raw.ignore = settings.ignore;
  const v = validateConfig(raw, file, rules);
  for (const p of v.problems) problems.push({ ...p, key: p.key ? `postmortemLint.${p.key}` : 'postmortemLint' });
  let config = mergeConfig(base, v.config);

  const max = settings.maxActionItems;
  if (max !== undefined && max !== null) {
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
      problems.push({ file, key: 'postmortemLint.maxActionItems', message: `expected a whole number of at least 1 (or null), found ${JSON.stringify(max)}` });
    } else {
      const rule = rules.find((r) => r.id === MAX_ITEMS_RULE);
      const current = resolveRule(config, rule ?? ({ id: MAX_ITEMS_RULE, defaultSeverity: 'warning', defaultOptions: {} } as unknown as Rule<object>));
      config = mergeConfig(config, { rules: { [MAX_ITEMS_RULE]: [current.severity, { max }] } });
    }
  }
  return { config, problems };
}
