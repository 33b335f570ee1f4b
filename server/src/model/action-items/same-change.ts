// "**Production:** … was exposed by the same code path and is fixed by the same change": an entry of a follow-up list
// that says the change already made covers it too. Done, as its words say; without it, an entry written as a plain
// bullet among checked boxes asked an owner and a date for work already shipped.
import type { ActionItem } from '../types';
import type { ParseContext } from './common';
import { commitsToWork } from './commit-sentence';

/** Marks done the open items, with no status of their own, whose words say the same change already fixed them. */
export function markFixedBySameChange(items: readonly ActionItem[], ctx: ParseContext): void {
  for (const item of items) {
    if (item.status !== 'open' || item.statusField || item.deferred) continue;
    const s = item.textRange.start.offset;
    const words = ctx.text.slice(s, item.textRange.end.offset);
    const m = SAME_CHANGE_RE.exec(words);
    if (!m || commitsToWork(words.replace(/[*_`]+/g, '').replace(/\s+/g, ' '))) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: m[0], range: ctx.range(s + m.index, s + m.index + m[0].length) };
  }
}

const SAME_CHANGE_RE =
  /\b(?:is|are|was|were|(?:has|have)\s+been)\s+(?:also\s+|already\s+)?(?:fixed|covered|resolved|addressed|closed|mitigated)\s+by\s+(?:the\s+same|this|that)\s+(?:change|fix|commit|patch|PR|pull\s+request|release)\b/i;
