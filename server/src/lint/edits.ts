// Applying fix data: text edits to text, and fix-all (every safe fix of every finding, in one non-overlapping pass).
// Pure: no fs, no LSP.
import type { Finding, Fix, TextEdit } from '../model/types';
import { lint, type LintOptions } from './lint';
import { pushAll } from '../model/scan';

export class OverlappingEditsError extends Error {}

/** Edits sorted by start offset; insertions at the same offset keep their given order. */
function sorted(edits: TextEdit[]): TextEdit[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start.offset - b.e.range.start.offset || a.e.range.end.offset - b.e.range.end.offset || a.i - b.i)
    .map((x) => x.e);
}

/** True when two edits touch the same text (two insertions at one point, or an insertion at a range's edge, do not). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  const [as, ae, bs, be] = [a.range.start.offset, a.range.end.offset, b.range.start.offset, b.range.end.offset];
  if (as === ae || bs === be) return as > bs && as < be || bs > as && bs < ae;
  return as < be && bs < ae;
}

/** Apply edits (offsets relative to `text`). Throws OverlappingEditsError when two edits replace the same text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const list = sorted(edits);
  for (let i = 1; i < list.length; i++) {
    for (let j = i - 1; j >= 0 && list[j].range.end.offset > list[i].range.start.offset - 1; j--) {
      if (editsOverlap(list[j], list[i])) throw new OverlappingEditsError(`edits overlap at offset ${list[i].range.start.offset}`);
    }
  }
  let out = '';
  let cursor = 0;
  for (const e of list) {
    const s = Math.max(cursor, Math.min(text.length, e.range.start.offset));
    const end = Math.max(s, Math.min(text.length, e.range.end.offset));
    out += text.slice(cursor, s) + e.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** A fix with its prompt answered: every occurrence of the placeholder replaced by the answer. */
export function answerFix(fix: Fix, answer: string): TextEdit[] {
  if (!fix.prompt) return fix.edits;
  const ph = fix.prompt.placeholder;
  return fix.edits.map((e) => ({ range: e.range, newText: e.newText.split(ph).join(answer) }));
}

/** The safe fixes of these findings that can be applied together, and the findings they fix. */
export function safeFixes(findings: Finding[]): { edits: TextEdit[]; fixed: Finding[] } {
  const taken: TextEdit[] = [];
  const fixed: Finding[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe && !x.prompt);
    if (!fix || !fix.edits.length) continue;
    if (fix.edits.some((e) => taken.some((t) => editsOverlap(e, t)))) continue;
    if (fix.edits.some((e, i) => fix.edits.some((o, j) => i !== j && editsOverlap(e, o)))) continue;
    pushAll(taken, fix.edits);
    fixed.push(f);
  }
  return { edits: taken, fixed };
}

/** The safe fixes of these findings that can be applied together: the first safe fix of each finding, skipping any that overlaps one already taken. */
export function safeEdits(findings: Finding[]): TextEdit[] {
  return safeFixes(findings).edits;
}

/**
 * `--fix`: lint, apply every fix that needs no answer, and again on the result (a fix can make room for another)
 * until nothing changes, at most `passes` times. Returns the text and the findings fixed, pass by pass.
 */
export function fixUntilStable(text: string, options: LintOptions = {}, passes = 10): { text: string; fixed: Finding[] } {
  const fixed: Finding[] = [];
  let current = text;
  for (let i = 0; i < passes; i++) {
    const r = safeFixes(lint(current, options).findings);
    if (!r.edits.length) break;
    const next = applyEdits(current, r.edits);
    if (next === current) break;
    pushAll(fixed, r.fixed);
    current = next;
  }
  return { text: current, fixed };
}

/** Lint, then apply every safe fix in one pass. Returns the text unchanged when nothing is safe to fix. */
export function fixAll(text: string, options: LintOptions = {}): string {
  const { findings } = lint(text, options);
  const edits = safeEdits(findings);
  return edits.length ? applyEdits(text, edits) : text;
}
