// The follow-ups under a section named on a plain line ("Corrective and Preventative Measures" typed on a line of its
// own, the prose below it in the same paragraph: the ALX / Holberton postmortem shape). The section's prose is read as
// under a heading: the sentences that commit to work are the items ("… server life expectancy will be cut from 5 years
// to 4 years …", "Additional server side monitoring measures will be put in place by 04-04-17 …").
import type { Paragraph, Root } from 'mdast';
import type { ActionItem, LabeledSection, Section } from '../types';
import { commitmentItems } from './commitments';
import { endOf, startOf, type ParseContext } from './common';
import { holder, paragraphItem } from './paragraphs';

/** The open follow-ups told in the prose of an action-items section named on a plain line; [] when none. */
export function plainLineItems(tree: Root, s: LabeledSection, taken: readonly ActionItem[], ctx: ParseContext, home: Section): ActionItem[] {
  const from = s.titleRange.end.offset;
  const to = s.bodyRange.end.offset;
  // read by another reader already (a list below the name line)
  if (taken.some((i) => i.range.start.offset >= from && i.range.start.offset < to)) return [];
  const run = tree.children.filter((n): n is Paragraph => n.type === 'paragraph' && endOf(n) > from && startOf(n) < to);
  if (!run.length) return [];
  const out: ActionItem[] = [];
  for (const item of commitmentItems(run, ctx, home)) {
    const start = item.textRange.start.offset;
    const end = item.textRange.end.offset;
    if (end <= from || start >= to) continue;
    if (start >= from) {
      out.push(item);
      continue;
    }
    // the sentence read from the paragraph's start holds the name line: read it from the line below
    let at = from;
    while (at < end && /\s/.test(ctx.text[at])) at++;
    const own = paragraphItem(holder(run, at), ctx, home, false, at, end);
    if (own) out.push({ ...own, fromProse: 'commitment' });
  }
  return out;
}
