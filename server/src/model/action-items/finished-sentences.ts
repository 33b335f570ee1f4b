// "## Follow-up hardening" over one paragraph: "The seed is still influenced by the proposer. To dilute that, we
// implemented an accumulator that … It ships dormant behind a flag. A VRF is the eventual end state." Read as one open
// item, it asks an owner and a date of work the paragraph says is done. When no sentence commits to work or reads as a
// to-do, the sentences told as finished ("we implemented …") are the follow-ups, done, with any that names the goal
// still ahead ("A VRF is the eventual end state."), open; the others explain them.
import type { Paragraph } from 'mdast';
import type { ActionItem, Section } from '../types';
import { completedPrefix, laterCommitment } from '../completed';
import { endOf, startOf, type ParseContext } from './common';
import { holder, paragraphItem } from './paragraphs';
import { blankComments } from '../scan';
import { commitmentItems } from './commitments';

/** A purpose said first: "To dilute that, we implemented …", "To prevent future attacks we installed …" (no comma before "we"). */
const PURPOSE_LEAD_RE = /^to\s[^,.;:!?\n]{1,60}?(?:,\s|\s(?=we\s))/iu;
/** "X is the eventual end state", "… is the next step": what the team means to reach, told as a goal. */
const GOAL_RE = /^(?:an?|the)\s[^.;:!?]{1,80}\s(?:is|are|remains?)\s(?:the|our)\s(?:eventual|long[- ]term|next|intended|planned|final)\s(?:end\s)?(?:state|goal|step|target|fix|solution)\b/i;
/** Sentence ends: terminal punctuation (closers after it) before a blank and a capital letter. */
const SENTENCE_END_RE = /[.!?]["'”’)\]]*(?=\s+\p{Lu})/gu;

/** The finished sentences of a follow-up paragraph as done items; [] when any sentence commits to work. */
export function finishedSentences(run: Paragraph[], ctx: ParseContext, section: Section): ActionItem[] {
  if (commitmentItems(run, ctx, section, 'to-dos').length) return [];
  const s0 = startOf(run[0]);
  const src = blankComments(ctx.text.slice(s0, endOf(run[run.length - 1])));
  const out: ActionItem[] = [];
  const goals: ActionItem[] = [];
  let from = 0;
  const ends = [...src.matchAll(SENTENCE_END_RE)].map((m) => m.index + m[0].length);
  for (const end of [...ends, src.length]) {
    const raw = src.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const at = s0 + from + lead;
    from = end;
    if (!body) continue;
    const purpose = PURPOSE_LEAD_RE.exec(body)?.[0].length ?? 0;
    const told = body.slice(purpose);
    const done = completedPrefix(told);
    // "A VRF is the eventual end state for full unbiasability.": the work still ahead, named as the goal
    if (!done && GOAL_RE.test(told)) {
      const goal = paragraphItem(holder(run, at), ctx, section, false, at, at + body.length);
      if (goal && !goal.statusField) goals.push({ ...goal, status: 'open', fromProse: 'commitment' });
      continue;
    }
    if (!done || laterCommitment(told, done)) continue;
    const item = paragraphItem(holder(run, at), ctx, section, false, at + purpose, at + body.length);
    if (!item || item.owners.length || item.due) continue;
    const doneAt = at + purpose;
    item.status = 'done';
    item.statusField = { value: 'done', text: told.slice(0, done).trim(), range: ctx.range(doneAt, doneAt + told.slice(0, done).trimEnd().length) };
    item.fromProse = 'finished';
    out.push(item);
  }
  return out.length ? [...out, ...goals].sort((a, b) => a.range.start.offset - b.range.start.offset) : [];
}
