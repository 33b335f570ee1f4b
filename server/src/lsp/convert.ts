// Engine ↔ LSP conversions: positions (the engine's carry an extra absolute offset), severities, findings → diagnostics.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Finding, Range, Severity, TextEdit } from '../model/types';
import type { DiagnosticData } from '../protocol';
import { isRuleId, ruleDocsPath } from '../docs';

export const SOURCE = 'postmortem-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Warning;
}

export function toLspRange(r: Range): LspRange {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

export function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: toLspRange(e.range), newText: e.newText };
}

export { isRuleId, rulesDocsDir } from '../docs';

const docsUris = new Map<string, string>();

/** file:// URI of the rule's docs page (remembered: a 1 MB document has ~7,600 findings, each converted). */
export function ruleDocsUri(ruleId: string): string {
  let uri = docsUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(ruleDocsPath(ruleId)).href;
    if (docsUris.size < 1000) docsUris.set(ruleId, uri);
  }
  return uri;
}

export function toDiagnostic(f: Finding, version: number): Diagnostic {
  // no fixes: code actions build them from the analysis of `version` when asked (lsp/code-actions.ts); the rule is `code`
  const d: Diagnostic = {
    range: toLspRange(f.range),
    severity: toLspSeverity(f.severity),
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
    data: version,
  };
  if (isRuleId(f.ruleId) && f.ruleId !== SOURCE) d.codeDescription = { href: ruleDocsUri(f.ruleId) };
  return d;
}

/**
 * The version and rule of a diagnostic of ours as sent back by the client, checked (clients may send anything):
 * Diagnostic.data is the version, `code` the rule. `{ version, ruleId }` (what servers before perf36 sent) reads too.
 */
export function readDiagnosticData(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as number | Partial<DiagnosticData> | undefined;
  if (typeof data === 'number') return typeof d.code === 'string' ? { version: data, ruleId: d.code } : undefined;
  if (!data || typeof data !== 'object') return undefined;
  if (typeof data.version !== 'number' || typeof data.ruleId !== 'string') return undefined;
  return data as DiagnosticData;
}

/** VS Code keeps at most this many diagnostics per file and drops the rest without saying which. */
export const MAX_DIAGNOSTICS = 1000;

/**
 * At most `max` diagnostics: past it, the most severe first (document order within a severity) and, last, one
 * information diagnostic on the first line saying how many were left out and where to see them all.
 */
export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  return capped(diagnostics, (d) => d.severity ?? 1, (d) => d, max);
}

/** `capDiagnostics` of the findings' diagnostics, converting only those kept (a 1 MB document has ~7,600 findings). */
export function findingDiagnostics(findings: readonly Finding[], version: number, max = MAX_DIAGNOSTICS): Diagnostic[] {
  return capped(findings, (f) => toLspSeverity(f.severity), (f) => toDiagnostic(f, version), max);
}

function capped<T>(items: readonly T[], severity: (x: T) => number, convert: (x: T) => Diagnostic, max: number): Diagnostic[] {
  if (items.length <= max) return items.map(convert);
  const kept = items
    .map((x, i) => ({ s: severity(x), i }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, max - 1)
    .sort((a, b) => a.i - b.i)
    .map((x) => convert(items[x.i]));
  const left = items.length - kept.length;
  kept.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `${left} more findings not shown (editor limit ${max}): run postmortem-lint on this file.`,
  });
  return kept;
}
