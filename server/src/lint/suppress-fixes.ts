// "Disable <rules> for this line" / "Disable <rules> for this file": fixes that insert the inline suppression comments
// the runner understands, one comment for every rule that fires there. Pure: works on the model and the findings only.
//
// For this line the comment goes on its own line above the finding (`disable-next-line`), indented like that line so
// that it stays inside the same list item. Where a line of its own would break the markdown (a table row: an HTML line
// ends the table; the continuation line of a paragraph: it would split the paragraph) it goes at the end of the line
// instead (`disable-line`); so does a list item after another item of its list (an HTML line between two items ends
// the list in CommonMark, and the rendered list splits in two). A comment that already disables other rules for that
// line gets the rules added to it.
// For this file the comment goes at the top, after the front matter.
import type { Directive, Finding, Fix, Postmortem, Position, Range } from '../model/types';
import { opensComment } from '../model/scan';

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

/** Where text inserted at the start of `line` goes: after a leading byte-order mark, which must stay first. */
function insertionStart(model: Postmortem, line: number): number {
  const start = model.lines.lineStart(line);
  return start === 0 && model.text.charCodeAt(0) === 0xfeff ? 1 : start;
}

function inRange(r: Range, line: number): boolean {
  return r.start.line <= line && line <= r.end.line;
}

/** A directive whose rule list can take more rules (an empty list already means every rule). */
function extend(d: Directive, ruleIds: string[], title: string): Fix | undefined {
  const missing = ruleIds.filter((r) => !d.rules.includes(r));
  if (d.rules.length === 0 || missing.length === 0) return undefined;
  return { title, safe: false, edits: [{ range: d.range, newText: comment(d.kind, [...d.rules, ...missing]) }] };
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

/**
 * Whether `line` is a list item that follows an earlier item of the same list (loose lists have blank lines between
 * items). A comment on a line of its own there would end the list: CommonMark lets an HTML block at the list's
 * indentation interrupt it, so the rendered list splits in two. A first item (after a heading, a blank line, or as
 * the first child of a parent item) can take the comment above it.
 */
function followsListItem(model: Postmortem, line: number): boolean {
  const cur = lineText(model, line);
  if (!LIST_ITEM.test(cur)) return false;
  const width = (t: string) => (/^[ \t]*/.exec(t)?.[0] ?? '').replace(/\t/g, '    ').length;
  const ci = width(cur);
  let blank = false;
  for (let l = line - 1; l >= 0; l--) {
    const t = lineText(model, l);
    if (t.trim() === '') {
      blank = true;
      continue;
    }
    // the parent item (this item starts at or past its content column): the comment, indented like this item, stays
    // inside the parent; a list item further left is an earlier list this one follows ("1. x" then " - y": the
    // bullets are read as the numbered item's details, and a comment line between them would part them)
    if (LIST_ITEM.test(t)) {
      const m = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]*)/.exec(t)!;
      const content = width(m[1]) + m[2].length + Math.max(1, Math.min(4, m[3].length));
      return width(t) >= ci || ci < content;
    }
    if (/^\s{0,3}#{1,6}(?:\s|$)/.test(t) || /-->\s*$/.test(t)) return false;
    // an earlier item's own content, or a paragraph running into the list: the end of the line is the safe place
    if (width(t) > ci || !blank) return true;
    return false;
  }
  return false;
}

/** Title of the line suppression: the rule, or the rules when several fire on the line. */
function lineTitle(ruleIds: string[]): string {
  return ruleIds.length === 1 ? `Disable ${ruleIds[0]} for this line` : `Disable postmortem-lint rules for this line (${ruleIds.join(', ')})`;
}

function fileTitle(ruleIds: string[]): string {
  return ruleIds.length === 1 ? `Disable ${ruleIds[0]} for this file` : `Disable postmortem-lint rules for this file (${ruleIds.join(', ')})`;
}

/** "Disable <rules> for this line": one comment that silences every given rule on `line`. */
export function disableRulesForLineFix(model: Postmortem, line: number, ruleIds: string[]): Fix | undefined {
  const rules = [...new Set(ruleIds)];
  const title = lineTitle(rules);
  if (!rules.length || line < 0 || line >= model.lines.lineCount) return undefined;
  // Inside front matter a comment would be YAML: only "for this file" makes sense there.
  if (model.frontMatter && inRange(model.frontMatter.range, line) && model.frontMatter.range.end.offset > model.lines.lineStart(line)) {
    return undefined;
  }
  // Inside a code block or an HTML block (past its first line) a comment is code or markup, not a directive: no place
  // on the line can hold it, so only "for this file" is offered.
  // HTML read as structure is still an HTML block: a comment inside it would be markup, as before
  if (model.opaqueRanges.some((r) => r.start.line < line && line <= r.end.line) || model.htmlBlocks.some((r) => r.start.line < line && line <= r.end.line)) return undefined;
  // A comment that already disables rules on this line.
  for (const d of model.directives) {
    if ((d.kind === 'disable-next-line' && d.range.end.line + 1 === line) || (d.kind === 'disable-line' && inRange(d.range, line))) {
      return extend(d, rules, title);
    }
  }
  if (isTableRow(model, line) || !canInsertAbove(model, line) || anchorsOnFirstText(model, line) || followsListItem(model, line)) {
    const end = model.lines.lineEnd(line);
    const text = lineText(model, line);
    // a comment the line leaves open ("checkout<!--human error …") would swallow one written at its end: the `-->`
    // of ours would close theirs, and what ran on as text becomes a comment. No place on the line holds it.
    if (opensComment(text)) return undefined;
    const sep = text === '' || /\s$/.test(text) ? '' : ' ';
    return { title, safe: false, edits: [{ range: emptyRange(model, end), newText: `${sep}${comment('disable-line', rules)}` }] };
  }
  const start = insertionStart(model, line);
  const indent = /^[ \t]*(?:>[ \t]?)*[ \t]*/.exec(model.text.slice(start, model.lines.lineEnd(line)))?.[0] ?? '';
  return {
    title,
    safe: false,
    edits: [{ range: emptyRange(model, start), newText: `${indent}${comment('disable-next-line', rules)}${eolOf(model.text)}` }],
  };
}

export function disableLineFix(model: Postmortem, finding: Finding): Fix | undefined {
  return disableRulesForLineFix(model, finding.range.start.line, [finding.ruleId]);
}

/** "Disable <rules> for this file": one comment at the top (after the front matter). */
export function disableRulesForFileFix(model: Postmortem, ruleIds: string[]): Fix | undefined {
  const existing = model.directives.filter((d) => d.kind === 'disable-file');
  if (existing.some((d) => d.rules.length === 0)) return undefined;
  const rules = [...new Set(ruleIds)].filter((r) => !existing.some((d) => d.rules.includes(r)));
  if (!rules.length) return undefined;
  const title = fileTitle(rules);
  if (existing.length > 0) return extend(existing[0], rules, title);
  const eol = eolOf(model.text);
  const text = comment('disable-file', rules);
  const fm = model.frontMatter;
  if (!fm) return { title, safe: false, edits: [{ range: emptyRange(model, insertionStart(model, 0)), newText: `${text}${eol}` }] };
  const fmEndLine = fm.range.end.line;
  // The front matter node ends at its closing `---`; the comment goes on the line after it.
  if (fmEndLine + 1 < model.lines.lineCount) {
    const at = model.lines.lineStart(fmEndLine + 1);
    return { title, safe: false, edits: [{ range: emptyRange(model, at), newText: `${text}${eol}` }] };
  }
  const at = model.lines.lineEnd(fmEndLine);
  return { title, safe: false, edits: [{ range: emptyRange(model, at), newText: `${eol}${text}${eol}` }] };
}

export function disableFileFix(model: Postmortem, finding: Finding): Fix | undefined {
  return disableRulesForFileFix(model, [finding.ruleId]);
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
