// Validation of configuration objects (.postmortemrc, editor settings, inline configure-file comments).
// Pure: no fs. Never throws: every problem becomes a ConfigProblem naming the file and the key, and the
// valid parts of the configuration are kept.
import picomatch from 'picomatch';
import type { Config, ConfigProblem, Rule, RuleSetting, Severity } from '../model/types';
import { SEVERITIES } from '../model/types';
import { describe, isPlainObject, safeJson, validateAgainstSchema, type Schema } from './schema';
import { didYouMean } from './suggest';

export const RULE_LEVELS: readonly (Severity | 'off')[] = ['off', ...SEVERITIES];
/** Top-level keys a configuration may have. `$schema` lets editors find the JSON schema. */
export const CONFIG_KEYS = ['$schema', 'rules', 'postmortemGlobs', 'ignore'] as const;

export interface ValidationResult {
  /** The valid parts of the configuration. */
  config: Config;
  problems: ConfigProblem[];
}

/** A JSON schema fragment, as far as option schemas use it. */

/**
 * Validates a parsed configuration object.
 * @param raw the parsed JSON/YAML value
 * @param file the file name to put in problems (e.g. ".postmortemrc.json" or a full path)
 * @param rules the rule registry to check rule ids and options against
 */
export function validateConfig(raw: unknown, file: string, rules: readonly Rule<object>[]): ValidationResult {
  const problems: ConfigProblem[] = [];
  const config: Config = {};
  // Past MAX_LISTED problems they are only counted: a file with a million unknown keys must not cost a million messages.
  let omitted = 0;
  const add = (key: string | undefined, message: string) => {
    if (problems.length < MAX_LISTED) problems.push({ file, key, message });
    else omitted++;
  };
  try {
    if (raw === undefined || raw === null) return { config, problems };
    if (!isPlainObject(raw)) {
      add(undefined, `expected an object such as { "rules": { "action-item-owner": "error" } }, found ${describe(raw)}`);
      return { config, problems };
    }
    for (const key of Object.keys(raw)) {
      if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
      add(key, `unknown key${didYouMean(key, CONFIG_KEYS)}; allowed keys are ${CONFIG_KEYS.filter((k) => k !== '$schema').join(', ')}`);
    }
    if ('$schema' in raw && typeof raw.$schema !== 'string') add('$schema', `expected a string, found ${describe(raw.$schema)}`);
    if ('rules' in raw && raw.rules !== undefined && raw.rules !== null) {
      const r = validateRules(raw.rules, rules, add);
      if (r) config.rules = r;
    }
    if ('postmortemGlobs' in raw && raw.postmortemGlobs !== undefined && raw.postmortemGlobs !== null) {
      const g = validateGlobs(raw.postmortemGlobs, 'postmortemGlobs', add);
      if (g) config.postmortemGlobs = g;
    }
    if ('ignore' in raw && raw.ignore !== undefined && raw.ignore !== null) {
      const g = validateGlobs(raw.ignore, 'ignore', add, '["postmortems/template.md"]');
      if (g) config.ignore = g;
    }
  } catch (e) {
    // Defensive: a validator bug must not take the linter down.
    add(undefined, `could not validate the configuration (${e instanceof Error ? e.message : String(e)})`);
  }
  if (omitted > 0) problems.push(moreProblems(file, omitted));
  return { config, problems };
}

/** Problems kept per validated object; the rest are counted. */
const MAX_LISTED = 100;
/** Problems shown to a person at once (CLI stderr, editor messages); the rest become one "… and N more" line. */
export const MAX_PROBLEMS_SHOWN = 10;

function moreProblems(file: string, n: number): ConfigProblem {
  return { file, message: `… and ${n} more problem${n === 1 ? '' : 's'}`, omitted: n };
}

/** The first `max` problems, then one "… and N more" entry per file for the rest (counting entries that stand for many). */
export function capProblems(problems: readonly ConfigProblem[], max = MAX_PROBLEMS_SHOWN): ConfigProblem[] {
  const listed = problems.filter((p) => !p.omitted);
  const count = (ps: readonly ConfigProblem[]) => ps.reduce((n, p) => n + (p.omitted ?? 1), 0);
  if (count(problems) <= max && listed.length === problems.length) return [...problems];
  const shown = listed.slice(0, max);
  const rest = new Map<string, number>();
  for (const p of [...listed.slice(max), ...problems.filter((q) => q.omitted)]) rest.set(p.file, (rest.get(p.file) ?? 0) + (p.omitted ?? 1));
  return [...shown, ...[...rest].map(([file, n]) => moreProblems(file, n))];
}

/** Keys a `postmortem-lint-configure-file` comment may set: only rules (path globs are decided before it is read). */
const INLINE_KEYS = ['rules'];

/**
 * Validates the JSON of an inline `<!-- postmortem-lint-configure-file { "rules": { … } } -->` comment exactly like
 * a .postmortemrc's `rules`, and says so when it sets anything else.
 */
export function validateInlineConfig(raw: unknown, rules: readonly Rule<object>[], file = 'postmortem-lint-configure-file'): ValidationResult {
  if (!isPlainObject(raw)) {
    return { config: {}, problems: [{ file, message: `expected an object such as { "rules": { "action-item-owner": "error" } }, found ${describe(raw)}` }] };
  }
  const ids = new Set(rules.map((r) => r.id));
  const problems: ConfigProblem[] = [];
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (INLINE_KEYS.includes(key)) rest[key] = raw[key];
    else if (ids.has(key)) problems.push({ file, key, message: `rule settings go under "rules": { "rules": { "${key}": … } }` });
    else if (key === 'postmortemGlobs' || key === 'ignore') problems.push({ file, key, message: 'has no effect in a comment; set it in .postmortemrc' });
    else problems.push({ file, key, message: `unknown key${didYouMean(key, INLINE_KEYS)}; a comment can only set "rules"` });
  }
  const v = validateConfig(rest, file, rules);
  return { config: v.config, problems: [...problems, ...v.problems] };
}

function validateRules(
  value: unknown,
  rules: readonly Rule<object>[],
  add: (key: string | undefined, message: string) => void,
): Record<string, RuleSetting> | undefined {
  if (!isPlainObject(value)) {
    add('rules', `expected an object mapping rule ids to a severity, found ${describe(value)}`);
    return undefined;
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value)) {
    const key = `rules.${id}`;
    const rule = byId.get(id);
    if (!rule) {
      const hint = didYouMean(id, [...byId.keys()]);
      add(key, `unknown rule id${hint || '; run postmortem-lint --help for the list of rules'}`);
      continue;
    }
    const s = validateRuleSetting(setting, rule, key, add);
    if (s !== undefined) out[id] = s;
  }
  return out;
}

const LEVEL_LIST = RULE_LEVELS.map((l) => `"${l}"`).join(', ');
const LEVEL_ALIASES: Record<string, string> = { warn: 'warning', info: 'information', err: 'error', none: 'off', disable: 'off', disabled: 'off' };

function checkLevel(value: unknown, key: string, add: (key: string | undefined, message: string) => void): Severity | 'off' | undefined {
  if (typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value)) return value as Severity | 'off';
  let hint = '';
  if (typeof value === 'string') {
    const alias = LEVEL_ALIASES[value.toLowerCase()];
    hint = alias ? ` (did you mean "${alias}"?)` : didYouMean(value.toLowerCase(), RULE_LEVELS);
  } else if (typeof value === 'number' && [0, 1, 2].includes(value)) {
    hint = ` (numeric levels are not used here: write "${['off', 'warning', 'error'][value]}")`;
  } else if (typeof value === 'boolean') {
    hint = ` (write "off" to turn the rule off, or a severity to turn it on)`;
  }
  add(key, `bad severity ${describe(value)}${hint}; use one of ${LEVEL_LIST}`);
  return undefined;
}

function validateRuleSetting(
  setting: unknown,
  rule: Rule<object>,
  key: string,
  add: (key: string | undefined, message: string) => void,
): RuleSetting | undefined {
  if (Array.isArray(setting)) {
    if (setting.length === 0 || setting.length > 2) {
      add(key, `expected [severity] or [severity, { options }], found an array of ${setting.length} elements`);
      return undefined;
    }
    const level = checkLevel(setting[0], `${key}[0]`, add);
    if (setting.length === 1) return level === undefined ? undefined : [level];
    const options = setting[1];
    if (!isPlainObject(options)) {
      add(`${key}[1]`, `expected an options object, found ${describe(options)}`);
      return undefined;
    }
    const ok = validateAgainstSchema(options, rule.optionsSchema as Schema, `${key}[1]`, add, rule.id);
    if (level === undefined || !ok) return undefined;
    return [level, options];
  }
  if (isPlainObject(setting)) {
    add(key, `options go in an array: ["warning", ${safeJson(setting)}]`);
    return undefined;
  }
  return checkLevel(setting, key, add);
}

function validateGlobs(
  value: unknown,
  key: string,
  add: (key: string | undefined, message: string) => void,
  example = '["docs/postmortems/**/*.md"]',
): string[] | undefined {
  if (!Array.isArray(value)) {
    add(key, `expected an array of globs such as ${example}, found ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((g, i) => {
    if (typeof g !== 'string' || g.trim() === '') {
      add(`${key}[${i}]`, `expected a non-empty glob string, found ${describe(g)}`);
      return;
    }
    try {
      picomatch.makeRe(g);
      out.push(g);
    } catch (e) {
      add(`${key}[${i}]`, `invalid glob "${g}" (${e instanceof Error ? e.message : String(e)})`);
    }
  });
  return out;
}

/** "file: key: message" (or "file: message" without a key), the one-line form used by the CLI and the server. */
export function formatConfigProblem(p: ConfigProblem, displayFile: string = p.file): string {
  return p.key ? `${displayFile}: ${p.key}: ${p.message}` : `${displayFile}: ${p.message}`;
}
