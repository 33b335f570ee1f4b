// Output formats of the CLI: text, json, sarif (2.1.0) and github (workflow annotation commands).
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding, Rule, Severity } from '../model/types';

export interface FileResult {
  /** Absolute path. */
  abs: string;
  /** Path as given or relative to the working directory. */
  display: string;
  isPostmortem: boolean;
  /** Matched `--ignore` or the configuration's `ignore` globs: not linted. */
  ignored?: boolean;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface ToolInfo {
  name: string;
  version: string;
  informationUri?: string;
  /** Where a rule's page is: a path people can open (docs/rules/<id>.md in the package). */
  docsPath(ruleId: string): string;
  /** The rule page's markdown, for SARIF's help.markdown (undefined when it is not shipped). */
  docsMarkdown?(ruleId: string): string | undefined;
}

/** Findings in file order, then by position. */
export function sortedFindings(results: FileResult[]): { result: FileResult; finding: Finding }[] {
  const out: { result: FileResult; finding: Finding }[] = [];
  for (const result of results) {
    const fs = [...result.findings].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId),
    );
    for (const finding of fs) out.push({ result, finding });
  }
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// text

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `path:line:col  severity  rule-id  message` lines, then a summary line. */
export function formatText(results: FileResult[], opts: { color?: boolean; all?: boolean } = {}): string {
  const rows = sortedFindings(results).map(({ result, finding }) => ({
    file: result.abs,
    loc: `${result.display}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
    severity: finding.severity,
    rule: finding.ruleId,
    message: oneLine(finding.message),
  }));
  const c = (code: string, s: string) => (opts.color ? code + s + RESET : s);
  // Columns are aligned within each file, so one long path does not push every other file's messages to the right.
  const widths = new Map<string, { loc: number; sev: number; rule: number }>();
  for (const r of rows) {
    const w = widths.get(r.file) ?? { loc: 0, sev: 0, rule: 0 };
    widths.set(r.file, { loc: Math.max(w.loc, r.loc.length), sev: Math.max(w.sev, r.severity.length), rule: Math.max(w.rule, r.rule.length) });
  }
  const lines = rows.map((r) => {
    const w = widths.get(r.file)!;
    return `${r.loc.padEnd(w.loc)}  ${c(COLORS[r.severity], r.severity.padEnd(w.sev))}  ${c(DIM, r.rule.padEnd(w.rule))}  ${r.message}`;
  });

  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of rows) count[r.severity]++;
  const linted = results.filter((r) => r.isPostmortem);
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const skipped = results.filter((r) => !r.isPostmortem && !r.ignored);
  const ignored = results.filter((r) => r.ignored);
  let summary: string;
  if (rows.length === 0) {
    summary = `No problems in ${plural(linted.length, 'postmortem')}.`;
  } else {
    const parts = [plural(count.error, 'error'), plural(count.warning, 'warning'), `${count.information} information`, plural(count.hint, 'hint')];
    summary = `${plural(rows.length, 'problem')} (${parts.join(', ')}) in ${withFindings} of ${plural(linted.length, 'postmortem')}.`;
  }
  if (skipped.length > 0) {
    const names = skipped.length <= 3 ? `: ${skipped.map((s) => s.display).join(', ')}` : '';
    summary += `\n${plural(skipped.length, 'file')} skipped because ${skipped.length === 1 ? 'it does' : 'they do'} not look like ${skipped.length === 1 ? 'a postmortem' : 'postmortems'}${names} (use --all to lint ${skipped.length === 1 ? 'it' : 'them'} anyway).`;
  }
  if (ignored.length > 0) {
    const names = ignored.length <= 3 ? `: ${ignored.map((s) => s.display).join(', ')}` : '';
    summary += `\n${plural(ignored.length, 'file')} ignored because ${ignored.length === 1 ? 'it matches' : 'they match'} an ignore glob${names}.`;
  }
  return (lines.length ? lines.join('\n') + '\n\n' : '') + summary + '\n';
}

// ---------------------------------------------------------------------------------------------
// json

export function toJsonFindings(results: FileResult[]): JsonFinding[] {
  return sortedFindings(results).map(({ result, finding }) => ({
    file: result.display,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
  }));
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(toJsonFindings(results), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// sarif

const SARIF_LEVEL: Record<Severity | 'off', Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
  off: 'none',
};

function sarifUri(result: FileResult, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, result.abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(result.abs).href };
}

function markdownHelp(tool: ToolInfo, ruleId: string): { markdown?: string } {
  const md = tool.docsMarkdown?.(ruleId);
  return md ? { markdown: md } : {};
}

export function toSarif(results: FileResult[], rules: readonly Rule<object>[], tool: ToolInfo, cwd: string): Sarif.Log {
  const ruleIndex = new Map<string, number>();
  const driverRules: Sarif.ReportingDescriptor[] = rules.map((r, i) => {
    ruleIndex.set(r.id, i);
    return {
      id: r.id,
      name: r.id
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(''),
      shortDescription: { text: r.description },
      // no helpUri: SARIF wants an absolute URI and the rule pages have no public address; the page itself goes in help
      help: { text: `${r.description} Documentation: ${tool.docsPath(r.id)}`, ...markdownHelp(tool, r.id) },
      defaultConfiguration: { enabled: r.defaultSeverity !== 'off', level: SARIF_LEVEL[r.defaultSeverity] },
    };
  });
  const sorted = sortedFindings(results);
  // Findings outside the registry (the runner's own "postmortem-lint" problems with inline comments) get a descriptor too.
  for (const { finding } of sorted) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, driverRules.length);
    driverRules.push({
      id: finding.ruleId,
      shortDescription: { text: 'Problems with the linter\'s own inputs: inline postmortem-lint comments, internal errors.' },
      defaultConfiguration: { level: 'warning' },
    });
  }
  const sarifResults: Sarif.Result[] = sorted.map(({ result, finding }) => {
    const index = ruleIndex.get(finding.ruleId);
    const out: Sarif.Result = {
      ruleId: finding.ruleId,
      level: SARIF_LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: sarifUri(result, cwd),
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
        },
      ],
    };
    if (index !== undefined) out.ruleIndex = index;
    return out;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
}

export function formatSarif(results: FileResult[], rules: readonly Rule<object>[], tool: ToolInfo, cwd: string): string {
  return JSON.stringify(toSarif(results, rules, tool, cwd), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// github

/** Escaping of workflow command data (after the `::`), as @actions/core does it. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of workflow command property values (file=…, title=…). */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(results: FileResult[]): string {
  const lines = sortedFindings(results).map(({ result, finding }) => {
    const props = [
      `file=${escapeGithubProperty(result.display.split(path.sep).join('/'))}`,
      `line=${finding.range.start.line + 1}`,
      `col=${finding.range.start.character + 1}`,
      `endLine=${finding.range.end.line + 1}`,
      `endColumn=${finding.range.end.character + 1}`,
      `title=${escapeGithubProperty(finding.ruleId)}`,
    ];
    return `::${GITHUB_COMMAND[finding.severity]} ${props.join(',')}::${escapeGithubData(finding.message)}`;
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}
