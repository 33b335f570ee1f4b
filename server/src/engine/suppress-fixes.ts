// "Disable <rule> for this line" / "Disable <rule> for this file": fixes that insert the inline suppression comments
// the runner understands. Pure: works on the model and the finding only.
//
// For this line the comment goes on its own line above the finding (`disable-next-line`), indented like that line so
// that it stays inside the same list item. Where a line of its own would break the markdown (a table row: an HTML line
// ends the table; the continuation line of a paragraph: it would split the paragraph) it goes at the end of the line
// instead (`disable-line`). A comment that already disables other rules for that line gets the rule added to it.
// For this file the comment goes at the top, after the front matter.
import type { Directive, Finding, Fix, Postmortem, Position, Range } from './types';

const PREFIX = 'postmortem-lint-';

function comment(kind: Directive['kind'], rules: string[]): string {
  return `<!-- ${PREFIX}${kind} ${rules.join(', ')} -->`;
}

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function pos(model: Postmortem, offset: number): Position {
  return model.lines.positionAt(offset);
}

function emptyRange(model: Postmortem, offset: number): Range {
  const p = pos(model, offset);
  return { start: p, end: p };
}

function lineText(model: Postmortem, line: number): string {
  return model.text.slice(model.lines.lineStart(line), model.lines.lineEnd(line));
}

function inRange(r: Range, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

/** A directive whose rule list can take one more rule (an empty list already means every rule). */
function extend(model: Postmortem, d: Directive, ruleId: string, title: string): Fix | undefined {
  if (d.rules.length === 0 || d.rules.includes(ruleId)) return undefined;
  return { title, safe: false, edits: [{ range: d.range, newText: comment(d.kind, [...d.rules, ruleId]) }] };
}

const BLOCK_START = /^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|>|```|~~~|<)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/** Whether a line of its own can go above `line` without changing how the markdown around it parses. */
function canInsertAbove(model: Postmortem, line: number): boolean {
  if (line === 0) return true;
  const cur = lineText(model, line);
  if (LIST_ITEM.test(cur) || BLOCK_START.test(cur)) return true;
  const prev = lineText(model, line - 1);
  if (prev.trim() === '') return true;
  if (/^\s{0,3}#{1,6}(?:\s|$)/.test(prev) || /-->\s*$/.test(prev)) return true;
  // Otherwise `line` continues the paragraph above it.
  return false;
}

/**
 * Document-level findings (e.g. a missing section) point at the first line with text when there is no heading; a
 * comment inserted above would become that first line and carry the finding. Such a line gets the comment at its end.
 */
function anchorsOnFirstText(model: Postmortem, line: number): boolean {
  const cur = lineText(model, line);
  if (/^\s{0,3}#{1,6}(?:\s|$)/.test(cur)) return false;
  const from = model.frontMatter ? model.frontMatter.range.end.offset : 0;
  return model.text.slice(from, model.lines.lineStart(line)).trim() === '';
}

function isTableRow(model: Postmortem, line: number): boolean {
  if (model.actionItems.some((a) => a.format === 'table-row' && inRange(a.range, line))) return true;
  return /^\s{0,3}\|/.test(lineText(model, line));
}

export function disableLineFix(model: Postmortem, finding: Finding): Fix | undefined {
  const ruleId = finding.ruleId;
  const line = finding.range.start.line;
  const title = `Disable ${ruleId} for this line`;
  if (line < 0 || line >= model.lines.lineCount) return undefined;
  // Inside front matter a comment would be YAML: only "for this file" makes sense there.
  if (model.frontMatter && inRange(model.frontMatter.range, line) && model.frontMatter.range.end.offset > model.lines.lineStart(line)) {
    return undefined;
  }
  // A comment that already disables rules on this line.
  for (const d of model.directives) {
    if (d.kind === 'disable-next-line' && d.range.end.line + 1 === line) {
      if (d.rules.length === 0 || d.rules.includes(ruleId)) return undefined;
      return extend(model, d, ruleId, title);
    }
    if (d.kind === 'disable-line' && inRange(d.range, line)) {
      if (d.rules.length === 0 || d.rules.includes(ruleId)) return undefined;
      return extend(model, d, ruleId, title);
    }
  }
  if (isTableRow(model, line) || !canInsertAbove(model, line) || anchorsOnFirstText(model, line)) {
    const end = model.lines.lineEnd(line);
    const text = lineText(model, line);
    const sep = text === '' || /\s$/.test(text) ? '' : ' ';
    return { title, safe: false, edits: [{ range: emptyRange(model, end), newText: `${sep}${comment('disable-line', [ruleId])}` }] };
  }
  const start = model.lines.lineStart(line);
  const indent = /^[ \t]*(?:>[ \t]?)*[ \t]*/.exec(lineText(model, line))?.[0] ?? '';
  return {
    title,
    safe: false,
    edits: [{ range: emptyRange(model, start), newText: `${indent}${comment('disable-next-line', [ruleId])}${eolOf(model.text)}` }],
  };
}

export function disableFileFix(model: Postmortem, finding: Finding): Fix | undefined {
  const ruleId = finding.ruleId;
  const title = `Disable ${ruleId} for this file`;
  const existing = model.directives.filter((d) => d.kind === 'disable-file');
  if (existing.some((d) => d.rules.length === 0 || d.rules.includes(ruleId))) return undefined;
  if (existing.length > 0) return extend(model, existing[0], ruleId, title);
  const eol = eolOf(model.text);
  const fm = model.frontMatter;
  if (!fm) return { title, safe: false, edits: [{ range: emptyRange(model, 0), newText: `${comment('disable-file', [ruleId])}${eol}` }] };
  const fmEndLine = fm.range.end.line;
  // The front matter node ends at its closing `---`; the comment goes on the line after it.
  if (fmEndLine + 1 < model.lines.lineCount) {
    const at = model.lines.lineStart(fmEndLine + 1);
    return { title, safe: false, edits: [{ range: emptyRange(model, at), newText: `${comment('disable-file', [ruleId])}${eol}` }] };
  }
  const at = model.lines.lineEnd(fmEndLine);
  return { title, safe: false, edits: [{ range: emptyRange(model, at), newText: `${eol}${comment('disable-file', [ruleId])}${eol}` }] };
}

/** The suppression fixes for one finding: this line (when possible), then this file. */
export function suppressionFixes(model: Postmortem, finding: Finding): Fix[] {
  const out: Fix[] = [];
  try {
    const line = disableLineFix(model, finding);
    if (line) out.push(line);
    const file = disableFileFix(model, finding);
    if (file) out.push(file);
  } catch {
    // A suppression offer is never worth a failed code-action request.
  }
  return out;
}
