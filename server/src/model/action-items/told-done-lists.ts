// Steps already taken, listed after "We have:" in any section but the timeline and the follow-ups. Read by index.ts.
import type { Root } from 'mdast';
import type { ActionItem, Postmortem } from '../types';
import { endOf, plain, startOf, type ParseContext } from './common';
import { paragraphItem } from './paragraphs';
import { sectionAt } from '../facts';
import { completedPrefix } from '../completed';

/**
 * "We have:" above "- deleted all account data for the three affected users …", "- contacted each affected user
 * directly …", "- asked all unintended recipients to permanently delete the emails, and": the sentence runs on into
 * its bullets, each a step the team has taken. A reader counts them as done follow-ups, wherever the blog post puts
 * them (here under "Impact"). Only a lead-in that ends in "we have:" / "we've already:", every bullet (two or more,
 * no checkbox) continuing it with a past participle, and none already read as an item.
 */
export function doneSoFarItems(tree: Root, model: Postmortem, ctx: ParseContext): ActionItem[] {
  const out: ActionItem[] = [];
  const kids = tree.children;
  for (let i = 1; i < kids.length; i++) {
    const list = kids[i];
    const lead = kids[i - 1];
    if (list.type !== 'list' || lead.type !== 'paragraph' || list.children.length < 2) continue;
    const leadText = ctx.text.slice(startOf(lead), endOf(lead));
    const m = LEAD_RE.exec(leadText);
    if (!m) continue;
    const sec = sectionAt(model, startOf(list));
    if (!sec || sec.effectiveKind === 'timeline' || sec.effectiveKind === 'action-items' || sec.effectiveKind === 'deferred') continue;
    const s = startOf(list);
    const e = endOf(list);
    if (model.actionItems.some((it) => it.range.start.offset < e && it.range.end.offset > s)) continue;
    const paragraphs = list.children.map((li) => (li.checked == null && li.children[0]?.type === 'paragraph' ? li.children[0] : undefined));
    if (!paragraphs.every((p) => p && continuesAsDone(plain(p)))) continue;
    const at = startOf(lead) + m.index;
    const said = m[0].slice(0, m[0].lastIndexOf(':'));
    for (const p of paragraphs) {
      const item = p && paragraphItem(p, ctx, sec, false);
      if (!item) continue;
      item.status = 'done';
      item.statusField = { value: 'done', text: said.trim(), range: ctx.range(at, at + said.length) };
      out.push({ ...item, fromProse: 'finished' });
    }
  }
  return out;
}
const LEAD_RE = /\bwe(?:'ve|’ve| have)(?: (?:already|now|also|since))?:\s*$/i;

/** "deleted all account data …", "asked all recipients to …": the bullet goes on from "we have" with a participle. */
function continuesAsDone(words: string): boolean {
  const t = words.replace(/[*_`]+/g, '').trim();
  return PARTICIPLE_RE.test(t) || completedPrefix(`We have ${t}`) > 0;
}
const PARTICIPLE_RE = /^(?:[a-z]{3,}ed|made|sent|built|written|taken|given|begun|found|held|kept|told|shut|paid|brought|put|set|run|done)\s+\p{L}/u;
