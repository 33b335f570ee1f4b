// Validation of configuration objects (.postmortemrc, editor settings, inline configure-file comments).
// Pure: no fs. Never throws: every problem becomes a ConfigProblem naming the file and the key, and the
// valid parts of the configuration are kept.
import picomatch from 'picomatch';
import type { Config, ConfigProblem, Rule, RuleSetting, Severity } from '../model/types';
import { SEVERITIES } from '../model/types';

export const RULE_LEVELS: readonly (Severity | 'off')[] = ['off', ...SEVERITIES];
/** Top-level keys a configuration may have. `$schema` lets editors find the JSON schema. */
export const CONFIG_KEYS = ['$schema', 'rules', 'postmortemGlobs', 'ignore'] as const;

export interface ValidationResult {
  /** The valid parts of the configuration. */
  config: Config;
  problems: ConfigProblem[];
}

/** A JSON schema fragment, as far as option schemas use it. */
type Schema = Record<string, unknown>;

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

/** Validates `value` against the simple JSON schema types option schemas use. Returns false when a problem was added. */
export function validateAgainstSchema(
  value: unknown,
  schema: Schema,
  key: string,
  add: (key: string | undefined, message: string) => void,
  ruleId?: string,
): boolean {
  if (!isPlainObject(schema)) return true;
  let ok = true;
  const fail = (k: string, m: string) => {
    ok = false;
    add(k, m);
  };

  for (const combinator of ['oneOf', 'anyOf'] as const) {
    const alts = schema[combinator];
    if (Array.isArray(alts) && alts.length > 0) {
      const silent = () => undefined;
      const matches = alts.some((alt) => validateAgainstSchema(value, alt as Schema, key, silent));
      if (!matches) {
        // Report the first alternative's complaint: usually the most useful one.
        validateAgainstSchema(value, alts[0] as Schema, key, (k, m) => fail(k ?? key, m), ruleId);
        if (ok) fail(key, `${describe(value)} does not match any allowed form`);
      }
      if (!matches) return false;
    }
  }

  if ('const' in schema && !deepEqual(value, schema.const)) {
    fail(key, `expected ${safeJson(schema.const)}, found ${describe(value)}`);
    return false;
  }
  if (Array.isArray(schema.enum)) {
    if (!schema.enum.some((e) => deepEqual(e, value))) {
      const hint = typeof value === 'string' ? didYouMean(value, schema.enum.filter((e): e is string => typeof e === 'string')) : '';
      fail(key, `${describe(value)} is not allowed${hint}; use one of ${schema.enum.map((e) => safeJson(e)).join(', ')}`);
      return false;
    }
  }

  const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types && !types.some((t) => hasType(value, t))) {
    fail(key, `expected ${types.map(typeName).join(' or ')}, found ${describe(value)}`);
    return false;
  }

  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) fail(key, `must be at least ${schema.minimum}, found ${value}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) fail(key, `must be at most ${schema.maximum}, found ${value}`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) fail(key, `must be greater than ${schema.exclusiveMinimum}, found ${value}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) fail(key, `must not be empty`);
    if (typeof schema.pattern === 'string') {
      let re: RegExp | undefined;
      try {
        re = new RegExp(schema.pattern, 'u');
      } catch {
        re = undefined;
      }
      if (re && !re.test(value)) fail(key, `${describe(value)} does not have the expected form (${schema.pattern})`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(key, `needs at least ${schema.minItems} entries`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) fail(key, `takes at most ${schema.maxItems} entries`);
    if (isPlainObject(schema.items)) {
      value.forEach((v, i) => {
        if (!validateAgainstSchema(v, schema.items as Schema, `${key}[${i}]`, add, ruleId)) ok = false;
      });
    }
    if (schema.uniqueItems === true) {
      const seen = new Set(value.map((v) => safeJson(v)));
      if (seen.size !== value.length) fail(key, `has duplicate entries`);
    }
  }
  if (isPlainObject(value) && (types?.includes('object') || isPlainObject(schema.properties))) {
    const props = isPlainObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
    const names = Object.keys(props);
    for (const [k, v] of Object.entries(value)) {
      const sub = `${key}.${k}`;
      if (k in props) {
        if (!validateAgainstSchema(v, props[k], sub, add, ruleId)) ok = false;
      } else if (isPlainObject(schema.additionalProperties)) {
        if (!validateAgainstSchema(v, schema.additionalProperties as Schema, sub, add, ruleId)) ok = false;
      } else if (schema.additionalProperties !== true) {
        const where = ruleId ? ` for ${ruleId}` : '';
        const allowed = names.length ? `; options${where} are ${names.join(', ')}` : `; ${ruleId ?? 'this'} takes no options`;
        fail(sub, `unknown option${didYouMean(k, names)}${allowed}`);
      }
    }
    if (Array.isArray(schema.required)) {
      for (const r of schema.required) if (typeof r === 'string' && !(r in value)) fail(`${key}.${r}`, `is required`);
    }
  }
  return ok;
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

// ---------------------------------------------------------------------------------------------
// Helpers

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return isPlainObject(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

function typeName(t: string): string {
  return t === 'integer' ? 'a whole number' : t === 'array' ? 'an array' : t === 'object' ? 'an object' : t === 'null' ? 'null' : `a ${t}`;
}

/** A short description of a value for messages: `"warn"`, `42`, `an array`, `an object`, `null`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  return safeJson(a) === safeJson(b);
}

/** " (did you mean X?)" when a candidate is close enough to `word`, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return '';
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  if (bestD <= limit || (w.length >= 4 && best.toLowerCase().includes(w))) return ` (did you mean ${best}?)`;
  return '';
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** "file: key: message" (or "file: message" without a key), the one-line form used by the CLI and the server. */
export function formatConfigProblem(p: ConfigProblem, displayFile: string = p.file): string {
  return p.key ? `${displayFile}: ${p.key}: ${p.message}` : `${displayFile}: ${p.message}`;
}
