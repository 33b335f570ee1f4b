// "Follow-up: a prod-shaped smoke job running the real image …" written inside a lesson: the lesson says what was
// learned, the label names the work it leads to. Read as one open item, from the label to the end of its sentence.
import type { Paragraph, Root } from 'mdast';
import type { ActionItem, Postmortem } from '../types';
import { endOf, startOf, type ParseContext } from './common';
import { paragraphItem } from './paragraphs';
import { sectionAt } from '../facts';

/**
 * In a lessons-learned section, a sentence of a bullet's first paragraph (or of a paragraph) that opens with
 * "Follow-up:" / "Follow up:" (or "Filed as a follow-up:") and names the work in three words or more: an open item of its own. Not "Follow-up:
 * none", "done", "n/a", "TBD"; not where an item already holds the words (a lessons list read as items).
 */
export function followUpLabels(tree: Root, model: Postmortem, ctx: ParseContext): ActionItem[] {
  const out: ActionItem[] = [];
  // asked on every lint: a document without a lessons section is not walked
  if (!model.allSections.some((s) => s.effectiveKind === 'lessons-learned')) return out;
  const read = (p: Paragraph) => {
    const sec = sectionAt(model, startOf(p));
    if (sec?.effectiveKind !== 'lessons-learned') return;
    const words = ctx.text.slice(startOf(p), endOf(p));
    for (const m of words.matchAll(LABEL_RE)) {
      const from = startOf(p) + m.index + m[0].length;
      const rest = ctx.text.slice(from, endOf(p));
      const stop = SENTENCE_END_RE.exec(rest);
      const to = from + (stop ? stop.index + 1 : rest.trimEnd().length);
      const named = ctx.text.slice(from, to).trim();
      if (named.split(/\s+/).length < 3 || NOTHING_RE.test(named)) continue;
      if (model.actionItems.some((i) => i.range.start.offset < to && i.range.end.offset > from)) continue;
      const item = paragraphItem(p, ctx, sec, false, from, to);
      if (item && item.status === 'open') {
        // the item holds its label (the status source); its words start after it
        const at = from - m[0].trimStart().length;
        const label = m[0].trim();
        out.push({ ...item, range: ctx.range(at, to), statusField: { value: 'open', text: label, range: ctx.range(at, at + label.length) }, fromProse: 'commitment' });
      }
    }
  };
  for (const node of tree.children) {
    if (node.type === 'paragraph') read(node);
    else if (node.type === 'list')
      for (const li of node.children) if (li.checked == null && li.children[0]?.type === 'paragraph') read(li.children[0]);
  }
  return out;
}
// at the paragraph's start or after a sentence's end; the label's own emphasis allowed ("**Follow-up:**"), and the
// label told as filed ("Filed as a small follow-up: extend the analyzer …": tracked, not done)
const LABEL_RE = /(?:^|(?<=[.!?)])\s+)(?:\*\*|__)?(?:(?:filed|logged|tracked|opened|raised) as an? (?:[a-z]+ )?)?follow[- ]?up(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t\n]+/gi;
const SENTENCE_END_RE = /[.!?](?=\s+[\p{Lu}*_`]|\s*$)/u;
const NOTHING_RE = /^(?:none|nothing|done|n\/?a|tbd|no further)\b/i;
