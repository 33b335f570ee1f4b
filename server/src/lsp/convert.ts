// Engine ↔ LSP conversions: positions (the engine's carry an extra absolute offset), severities, findings → diagnostics.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Finding, Range, Severity, TextEdit } from '../engine/types';
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

/** file:// URI of the rule's docs page. */
export function ruleDocsUri(ruleId: string): string {
  return pathToFileURL(ruleDocsPath(ruleId)).href;
}

export function toDiagnostic(f: Finding, version: number): Diagnostic {
  const data: DiagnosticData = { version, ruleId: f.ruleId, fixes: f.fixes ?? [] };
  const d: Diagnostic = {
    range: toLspRange(f.range),
    severity: toLspSeverity(f.severity),
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
    data,
  };
  if (isRuleId(f.ruleId) && f.ruleId !== SOURCE) d.codeDescription = { href: ruleDocsUri(f.ruleId) };
  return d;
}

/** Diagnostic.data as sent back by the client, checked (clients may send anything). */
export function readDiagnosticData(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object') return undefined;
  if (typeof data.version !== 'number' || typeof data.ruleId !== 'string' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}
