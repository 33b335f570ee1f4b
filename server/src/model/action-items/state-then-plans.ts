// "SSH is no longer exposed to the internet. We are rolling out a VPN …": one paragraph under a follow-up heading that
// first states what a change already put in place, then commits to the work still to come. Read as one open item it
// asks an owner for work that is done; read as two, the state is a done follow-up and the plan an open one.
import type { Paragraph } from 'mdast';
import type { ActionItem, Section } from '../types';
import { endOf, startOf, type ParseContext, bareWords } from './common';
import { commitmentItems } from './commitments';
import { commitsToWork } from './commit-sentence';
import { paragraphItem } from './paragraphs';
import { blankComments } from '../scan';
import { startsImperative } from '../verbs';

/**
 * The state sentence as a done item, then each committing sentence as an open one; [] unless the paragraph is exactly
 * that: one state sentence first, every later sentence committing, no owner, date or priority written in it.
 */
export function stateThenPlans(run: Paragraph[], item: ActionItem, ctx: ParseContext, section: Section): ActionItem[] {
  if (item.owners.length || item.due?.kind === 'date' || item.priority) return [];
  const plans = commitmentItems(run, ctx, section);
  if (!plans.length || plans.some((p) => p.status !== 'open')) return [];
  const s0 = startOf(run[0]);
  const e0 = endOf(run[run.length - 1]);
  const first = plans[0].textRange.start.offset;
  // the words before the first plan: the state sentence, and nothing else
  const stated = bareWords(blankComments(ctx.text.slice(s0, first)));
  if (!STATE_RE.test(stated) || /[.!?]\s+\p{Lu}/u.test(stated.replace(/[.!?]$/, '')) || startsImperative(stated) || commitsToWork(stated)) return [];
  // the plans cover the rest of the paragraph (the words between and after them are not words)
  let rest = ctx.text.slice(first, e0);
  for (const p of [...plans].reverse()) rest = rest.slice(0, p.textRange.start.offset - first) + rest.slice(p.textRange.end.offset - first);
  if (/[\p{L}\p{N}]/u.test(blankComments(rest))) return [];
  const end = s0 + ctx.text.slice(s0, first).trimEnd().length;
  const done = paragraphItem(run[0], ctx, section, false, s0, end);
  if (!done || done.owners.length) return [];
  const m = STATE_WORDS_RE.exec(ctx.text.slice(s0, end));
  const at = m ? s0 + m.index : s0;
  const to = m ? at + m[0].length : end;
  done.status = 'done';
  done.statusField = { value: 'done', text: ctx.text.slice(at, to), range: ctx.range(at, to) };
  done.fromProse = 'finished';
  return [done, ...plans];
}

/** "SSH is no longer exposed …", "Port 22 is now closed …", "The old VM remains powered down …". */
const STATE_RE = /^(?:[^.;:!?]|\.(?=\S)){3,160}?\b(?:remains?|(?:is|are)\s+no\s+longer|(?:is|are)\s+now\s+(?!(?:being|going|in|under|on|waiting|pending|blocked|tracked|planned|scheduled|proposed|open|needed|required|ready)\b))\s*\p{L}/u;
const STATE_WORDS_RE = /\b(?:remains?|(?:is|are)\s+no\s+longer|(?:is|are)\s+now)\b/;
