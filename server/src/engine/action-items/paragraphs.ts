// Action items written as paragraphs: `**TODO**: Sam suggests we add …` / `**DOING**: …` (status from the label),
// and the only follow-up of a "Corrective and Preventative Measures" or "Recommendations:" section written as one
// paragraph. The label gives the status; a proposer ("Sam suggests") is not an owner (fields.ts#findOwners).
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem, ActionItemStatus, Section } from '../types';
import { findDue, findOwners, findSubjectOwner, findPriority, findStatus, findTickets, statusOfWord } from '../fields';
import { dedupe, dueField, endOf, groupOf, linkTickets, maskedSegment, plain, startOf, toField, type ParseContext } from './common';

const STATUS_LABEL_RE = /^(?:todo|to do|doing|done|in progress|wip|blocked|open|ongoing|won'?t do|not doing|completed?|fixed)$/i;

/** The status a `**TODO**:` / `**DOING**:` paragraph label gives, with the label's end offset; undefined otherwise. */
export function statusLabel(p: Paragraph): { status: ActionItemStatus; text: string; start: number; end: number } | undefined {
  const first = p.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const raw = toString(first).trim();
  const label = raw.replace(/[:：]$/, '').trim();
  if (!STATUS_LABEL_RE.test(label)) return undefined;
  const after = p.children[1];
  const colon = /[:：]$/.test(raw) || (after?.type === 'text' && /^\s*[:：-]/.test(after.value));
  if (!colon) return undefined;
  const status = /^doing$/i.test(label) ? 'open' : statusOfWord(label);
  if (!status) return undefined;
  return { status, text: raw, start: startOf(first), end: endOf(first) };
}

/**
 * One paragraph read as one action item; `status` comes from a label when there is one. `from`: where the action
 * starts when a section label opens the paragraph ("Recommendations:⏎Keep the backup schedule …").
 */
export function paragraphItem(p: Paragraph, ctx: ParseContext, section: Section, deferred: boolean, from?: number): ActionItem | undefined {
  const s = from ?? startOf(p);
  const e = endOf(p);
  const seg = maskedSegment(ctx.text, p);
  const label = statusLabel(p);
  // the action starts after the label and its colon: "**TODO**: Add …" → "Add …"
  let ts = s;
  if (label && from === undefined) {
    ts = label.end;
    while (ts < e && /[\s:：–—-]/.test(ctx.text[ts])) ts++;
  }
  const itemText = ctx.text.slice(ts, e).replace(/[*_`]+/g, '').replace(/\s+/g, ' ').trim();
  if (!itemText) return undefined;
  const o = findOwners(seg);
  const due = findDue(seg);
  const priority = findPriority(seg);
  let status: ActionItemStatus = 'open';
  let statusField: ActionItem['statusField'];
  if (label) {
    status = label.status;
    statusField = { value: label.status, text: label.text, range: ctx.range(label.start, label.end) };
  } else {
    const h = findStatus(seg);
    if (h) {
      status = h.value;
      statusField = toField(h, ctx);
    }
  }
  const subject = o.owners.length ? undefined : findSubjectOwner({ text: seg.text.slice(ts - s), offset: ts });
  const owners = dedupe(subject ? [subject] : o.owners);
  return {
    text: itemText,
    range: ctx.range(s, e),
    textRange: ctx.range(ts, e),
    format: 'paragraph',
    owners: owners.map((h) => toField(h, ctx)),
    ownerPlaceholder: owners.length === 0 && o.placeholder ? toField(o.placeholder, ctx) : undefined,
    due: dueField(due, ctx),
    priority: priority ? toField(priority, ctx) : undefined,
    status,
    statusField,
    tickets: [...linkTickets(p, ctx), ...findTickets(seg).map((h) => toField(h, ctx))],
    group: groupOf(section),
    section,
    deferred,
    subItems: [],
    appendAt: ctx.lines.positionAt(e),
  };
}

/**
 * A paragraph that is not itself a follow-up: a lead-in ("We will:"), "None.", a template's guidance ("Each action
 * item should be a JIRA ticket", "<Include the agreed solutions here>").
 */
export function isLeadIn(p: Paragraph): boolean {
  const t = plain(p);
  return /[:：]$/.test(t) || /^(?:none|n\/a|tbd|nothing|no action items?|todo)\.?$/i.test(t) || /^(?:todo|tbd|fixme)\b/i.test(t) || t.split(/\s+/).length < 4 || /^</.test(t) || /\baction items?\b/i.test(t);
}
