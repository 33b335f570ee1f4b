// The runner: text + config → model + findings. Pure (no fs, no LSP); every face calls this.
// Parse once, decide whether the document is a postmortem, run each enabled rule with its options (a rule that
// throws becomes one internal-error finding), then apply suppression comments.
import type { Config, Directive, Finding, Fix, LazyFixes, Postmortem, Range, Rule, RuleSetting, Severity } from '../model/types';
import { SEVERITIES } from '../model/types';
import { parseMarkdown, parsePostmortem } from '../model/parse';
import type { Root } from 'mdast';
import type { UnitCache } from '../model/parse-units';
import { isUnfilledTemplate } from '../model/template-text';
import { UNFILLED_TEMPLATE_RULE_ID } from '../rules/unfilled-template';
import { editKeepsHtml } from '../model/html-regions';
import { isIsoDay } from '../model/dates';
import { lineEndAt } from '../model/scan';
import { matchesGlobs } from '../config/globs';
import { detectPostmortem } from './detect';
import { capProblems, formatConfigProblem, validateInlineConfig } from '../config/validate';
import { mergeRuleSetting } from '../config/merge';
import { rules as registry } from '../rules/index';

export interface LintOptions {
  /** Path of the file (absolute or relative); used for postmortem detection by path globs. */
  filePath?: string;
  /** Base folder that path globs are relative to (config file folder or workspace root). */
  rootDir?: string;
  /** Merged configuration (.postmortemrc + editor settings). */
  config?: Config;
  /** "Today" as ISO yyyy-mm-dd. Defaults to the local date. */
  today?: string;
  /** Lint even when the document does not look like a postmortem (CLI --all). */
  all?: boolean;
  /** Rules to run instead of the registry (tests). */
  rules?: Rule<object>[];
  /**
   * The document's parse cache (one per document, kept between its versions): sections whose text did not change are
   * not parsed again. Not serialisable: the lint thread attaches its own.
   */
  parseCache?: UnitCache;
  /** Parse the document in one piece, not section by section (the incremental-parse test compares the two). */
  wholeParse?: boolean;
}

export interface LintResult {
  model: Postmortem;
  /** Whether the document was judged a postmortem (or forced with `all`). */
  isPostmortem: boolean;
  /** Why it is a postmortem: front matter, path or sections; undefined when it is not one. */
  detectedBy?: 'front-matter' | 'path' | 'sections' | 'forced';
  /** The path matches the configuration's `ignore` globs: no findings, whatever the document looks like. */
  ignored?: boolean;
  /**
   * Judged a blank template (rules/unfilled-template.ts): its one finding says so, its model has no action items, and
   * the archive does not list it among the postmortems.
   */
  template?: boolean;
  findings: Finding[];
  /** The markdown tree the model was read from (read-only), so faces such as the reader view don't parse again. */
  tree?: Root;
  /**
   * Set when the document is past a limit (MAX_LINT_CHARS, MAX_NESTING): it was not parsed, and its only finding says
   * so. Faces can read this to skip work of their own on it.
   */
  limited?: { reason: 'size' | 'nesting'; limit: number; actual: number };
}

/**
 * Documents longer than this are not parsed or linted (one finding says so): the markdown parser and the rules on a
 * 10 MB postmortem took over 2 minutes and 3.2 GB. 2 M characters is about 40× the longest postmortem of the corpus.
 */
export const MAX_LINT_CHARS = 2_000_000;
/**
 * Lines nested deeper than this (list markers, `>`, indentation) are not parsed: the parser is superlinear in nesting
 * ('- ' × 5000 on one line took 15 s). Real documents nest a handful of levels.
 */
export const MAX_NESTING = 100;

/** The deepest nesting of container markers (`>`, list markers) and indentation (4 columns a level) on any line. */
export function nestingDepth(text: string, stopAbove = MAX_NESTING): number {
  let max = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let depth = 0;
    let cols = 0;
    for (;;) {
      const c = text[i];
      if (c === ' ') cols++;
      else if (c === '\t') cols += 4;
      else if (c === '>') depth++;
      else if ((c === '-' || c === '*' || c === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) depth++;
      else break;
      i++;
    }
    depth += Math.floor(cols / 4);
    if (depth > max) max = depth;
    if (max > stopAbove) return max;
    const next = lineEndAt(text, i);
    if (next >= n) break;
    i = next;
  }
  return max;
}

const DEEP_LINE_RE = new RegExp(`(?:^|[\\r\\n])[ \\t>*+-]{${MAX_NESTING + 1}}`);

function limitOf(source: string): LintResult['limited'] {
  if (source.length > MAX_LINT_CHARS) return { reason: 'size', limit: MAX_LINT_CHARS, actual: source.length };
  // a line nested deeper than MAX_NESTING starts with more than MAX_NESTING of these characters (each level takes one
  // at least): one native search rules that out on every real document, before a walk over every line
  if (!DEEP_LINE_RE.test(source)) return undefined;
  const depth = nestingDepth(source);
  if (depth > MAX_NESTING) return { reason: 'nesting', limit: MAX_NESTING, actual: depth };
  return undefined;
}

/** Rule id used for problems with the linter's own inputs: inline directives, internal errors. */
export const LINTER_RULE_ID = 'postmortem-lint';

/** Findings one configure-file comment can raise before the rest are summed up in one. */
const MAX_INLINE_PROBLEMS = 5;

export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The file matches the configuration's `ignore` globs (relative to rootDir, like postmortemGlobs). */
export function isIgnored(options: Pick<LintOptions, 'filePath' | 'rootDir' | 'config'>): boolean {
  const globs = options.config?.ignore;
  return !!options.filePath && !!globs?.length && matchesGlobs(options.filePath, globs, options.rootDir);
}

interface Resolved {
  severity: Severity;
  options: Record<string, unknown>;
}

/** Turn a rule setting (off | severity | [severity, options]) into the effective severity and options. */
export function resolveRule(rule: Rule<object>, setting: RuleSetting | undefined): Resolved | undefined {
  const defaults = rule.defaultOptions as Record<string, unknown>;
  let severity: Severity | 'off' = rule.defaultSeverity;
  let options: Record<string, unknown> = { ...defaults };
  if (typeof setting === 'string') severity = setting;
  else if (Array.isArray(setting)) {
    if (typeof setting[0] === 'string') severity = setting[0];
    if (setting[1] && typeof setting[1] === 'object' && !Array.isArray(setting[1])) options = { ...defaults, ...setting[1] };
  }
  if (severity === 'off') return undefined;
  if (!SEVERITIES.includes(severity)) severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
  return { severity, options };
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const source = typeof text === 'string' ? text : String(text ?? '');
  const limited = limitOf(source);
  if (limited) {
    // not parsed: the model has the text and its lines only, and one finding says why
    const tree: Root = { type: 'root', children: [] };
    const model = parsePostmortem(source, tree);
    if (isIgnored(options)) return { model, isPostmortem: false, ignored: true, findings: [], tree, limited };
    const frontMatter = /^\uFEFF?---[ \t]*\r?\n(?:[^\n]{0,200}\n){0,30}?type:[ \t]*['"]?(?:postmortem|post-mortem|incident)/i.test(source.slice(0, 8000));
    const detectedBy: LintResult['detectedBy'] = detectPostmortem(model, options) ?? (frontMatter ? 'front-matter' : options.all ? 'forced' : undefined);
    const looksLike = detectedBy !== undefined;
    const message =
      limited.reason === 'size'
        ? `Too long to lint (${limited.actual.toLocaleString('en')} characters, limit ${limited.limit.toLocaleString('en')}): split the document.`
        : `Nested too deeply to lint (${limited.actual} levels, limit ${limited.limit}): flatten the lists or quotes.`;
    const at = model.lines.positionAt(0);
    const findings: Finding[] = looksLike ? [{ ruleId: LINTER_RULE_ID, severity: 'warning', message, range: { start: at, end: at } }] : [];
    return { model, isPostmortem: looksLike, detectedBy, findings, tree, limited };
  }
  const tree = parseMarkdown(source, options.parseCache, options.wholeParse);
  const model = parsePostmortem(source, tree);
  if (isIgnored(options)) return { model, isPostmortem: false, ignored: true, findings: [], tree };
  const detected = detectPostmortem(model, options);
  const detectedBy = detected ?? (options.all ? 'forced' : undefined);
  if (!detectedBy) return { model, isPostmortem: false, findings: [], tree };

  const today = isIsoDay(options.today) ? options.today : localToday();
  // A Map, not an object: no rule id (not even '__proto__') can reach a prototype.
  const settings = new Map<string, RuleSetting>(Object.entries(options.config?.rules ?? {}));
  const findings: Finding[] = [];

  // <!-- postmortem-lint-configure-file { "rules": { ... } } --> applies on top of the configuration.
  for (const d of model.directives) {
    if (d.kind !== 'configure-file') continue;
    if (d.error) {
      findings.push({ ruleId: LINTER_RULE_ID, severity: 'warning', message: d.error, range: d.range });
      continue;
    }
    // Validated exactly like .postmortemrc: each problem is one finding on the comment naming the key, and only the
    // valid settings apply (merged key by key, so a bare severity keeps the options set below it).
    const v = validateInlineConfig(d.config, options.rules ?? (registry as Rule<object>[]));
    for (const p of capProblems(v.problems, MAX_INLINE_PROBLEMS)) {
      findings.push({ ruleId: LINTER_RULE_ID, severity: 'warning', message: formatConfigProblem(p), range: d.range });
    }
    for (const [id, setting] of Object.entries(v.config.rules ?? {})) {
      const merged = mergeRuleSetting(settings.get(id), setting);
      if (merged !== undefined) settings.set(id, merged);
    }
  }

  const active = options.rules ?? (registry as Rule<object>[]);
  const known = new Set(active.map((r) => r.id));
  for (const d of model.directives) {
    for (const id of d.rules) {
      if (!known.has(id)) {
        findings.push({
          ruleId: LINTER_RULE_ID,
          severity: 'warning',
          message: `Unknown rule id '${id}' in a postmortem-lint comment: it suppresses nothing. Known rules: ${[...known].join(', ')}.`,
          range: d.range,
        });
      }
    }
  }

  // a blank template that the path globs (or its headings) make a postmortem: one finding says so instead of one for
  // every blank (rules/unfilled-template.ts). Front matter naming a postmortem, or --all, lints it as one; so does the
  // rule turned off. Its example rows are no action items: every face (reader view, status bar, code lens, hover, the
  // archive) reads none, as the one finding says. The verdict does not depend on which rules this call runs (the
  // archive runs none).
  const templateRule = active.find((r) => r.id === UNFILLED_TEMPLATE_RULE_ID);
  const verdictRule = templateRule ?? registry.find((r) => r.id === UNFILLED_TEMPLATE_RULE_ID);
  const asTemplate =
    (detectedBy === 'path' || detectedBy === 'sections') && !!verdictRule && !!resolveRule(verdictRule, settings.get(verdictRule.id)) && isUnfilledTemplate(model);
  if (asTemplate) withoutItems(model);
  for (const rule of active) {
    if (asTemplate !== (rule === templateRule)) continue;
    const resolved = resolveRule(rule, settings.get(rule.id));
    if (!resolved) continue;
    const before = findings.length;
    try {
      rule.check({
        model,
        options: resolved.options,
        today,
        report: (f) => findings.push(finding(rule.id, f.severity ?? resolved.severity, f.message, f.range, f.fixes && model.htmlBlocks.length ? keepingHtml(model, f.fixes) : f.fixes)),
      });
    } catch (e) {
      findings.length = before;
      findings.push({
        ruleId: LINTER_RULE_ID,
        severity: 'error',
        message: `Internal error in rule ${rule.id}: ${(e as Error)?.message ?? String(e)}. The other rules still ran; please report this with the document.`,
        range: { start: model.lines.positionAt(0), end: model.lines.positionAt(0) },
      });
    }
  }

  const kept = findings.filter((f) => !isSuppressed(f, model.directives));
  // ties by rule id in localeCompare's order, compared as ranks (a locale comparison per tie was ~2% of a keystroke at 1 MB)
  const rank = ruleRanks(kept);
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || rank.get(a.ruleId)! - rank.get(b.ruleId)!);
  return { model, isPostmortem: true, detectedBy, findings: kept, tree, ...(asTemplate ? { template: true } : {}) };
}

/** Whether the archive lists the document: a postmortem, not ignored, not a blank template. */
export const isArchived = (result: LintResult): boolean => result.isPostmortem && !result.ignored && !result.template;

/** A template's model: no action items, under any heading or label (its sections stay for the outline). */
function withoutItems(model: Postmortem): void {
  model.actionItems = [];
  model.actionItemLabels = model.actionItemLabels.map((l) => ({ ...l, items: [] }));
}

/** Each rule id of the findings with its place in localeCompare's order (ids that compare equal share one). */
function ruleRanks(findings: readonly Finding[]): Map<string, number> {
  const ids = [...new Set(findings.map((f) => f.ruleId))].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  ids.forEach((id, i) => rank.set(id, i > 0 && ids[i - 1].localeCompare(id) === 0 ? rank.get(ids[i - 1])! : i));
  return rank;
}

/**
 * A finding whose `fixes` are built on first read and kept (an own enumerable property, as before: the key order and
 * what a spread or JSON sees are unchanged). A fix builder that throws gives no fixes: a fix is never worth a crash.
 * Every finding shares one getter and setter, and its builder sits in a non-enumerable symbol slot (no spread, JSON,
 * key list or deep comparison sees it): V8 then keeps the findings in one fast shape. A getter closed over each
 * finding's builder gave each its own shape, in dictionary mode: at 1 MB (~7,600 findings) building them took ~3× as
 * long, and the sort, suppression and encoding read them ~4× slower.
 */
function finding(ruleId: string, severity: Severity, message: string, range: Range, fixes: LazyFixes | undefined): Finding {
  const f: Finding = { ruleId, severity, message, range };
  if (!fixes) {
    f.fixes = undefined;
    return f;
  }
  Object.defineProperty(f, BUILD_FIXES, HIDDEN_SLOT);
  (f as Finding & { [BUILD_FIXES]?: LazyFixes })[BUILD_FIXES] = fixes;
  Object.defineProperty(f, 'fixes', LAZY_FIXES);
  return f;
}

const BUILD_FIXES = Symbol('buildFixes');
const HIDDEN_SLOT: PropertyDescriptor = { value: undefined, enumerable: false, configurable: true, writable: true };

/** Replaces the accessor by the fixes as a plain property, and lets the builder go. */
function settleFixes(f: Finding & { [BUILD_FIXES]?: LazyFixes }, value: Fix[] | undefined): void {
  f[BUILD_FIXES] = undefined;
  Object.defineProperty(f, 'fixes', { value, enumerable: true, configurable: true, writable: true });
}

const LAZY_FIXES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Finding & { [BUILD_FIXES]?: LazyFixes }): Fix[] {
    let built: Fix[];
    try {
      built = this[BUILD_FIXES]?.() ?? [];
    } catch {
      built = [];
    }
    settleFixes(this, built);
    return built;
  },
  set(this: Finding & { [BUILD_FIXES]?: LazyFixes }, value: Fix[] | undefined) {
    settleFixes(this, value);
  },
};

/** The fixes that leave the HTML read as structure well formed (model/html-blocks.ts): the others are not offered. */
function keepingHtml(model: Postmortem, fixes: LazyFixes): LazyFixes {
  return () => fixes().filter((fix) => fix.edits.every((e) => editKeepsHtml(model, e)));
}

/** A finding without its fixes (and without building them): what crosses to the editor before anyone asks for a fix. */
export function withoutFixes(f: Finding): Finding {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range };
}

function applies(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** Inline comments: disable-file, disable/enable regions, disable-next-line, disable-line. */
export function isSuppressed(f: Finding, directives: Directive[]): boolean {
  if (f.ruleId === LINTER_RULE_ID) return false;
  const line = f.range.start.line;
  const offset = f.range.start.offset;
  let disabled = false;
  for (const d of directives) {
    if (!applies(d, f.ruleId)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-next-line':
        if (d.range.end.line + 1 === line) return true;
        break;
      case 'disable-line':
        if (d.range.start.line <= line && line <= d.range.end.line) return true;
        break;
      case 'disable':
        if (d.range.start.offset <= offset) disabled = true;
        break;
      case 'enable':
        if (d.range.start.offset <= offset) disabled = false;
        break;
    }
  }
  return disabled;
}
