// Action items written as list items: bullets, numbered items, checkboxes, label-only items with nested lists.
import type { List, ListItem, Nodes } from 'mdast';
import type { ActionItem, ActionItemFormat, Priority, Range, Section } from '../types';
import { introducesWays, isLabelOnly, isReaderAdvice } from './list-kinds';
import { isFinishedAmongFinished, isFinishedLabel } from './finished-lists';
import { isPracticeGroup } from './practice-lists';
import { findOwners, findSubjectOwner, findPriority, findStatus, findTickets, type Hit, type OwnerHits, type Segment } from '../fields';
import { findDue, type DueHit } from '../due';
import { dedupe, dueField, endOf, groupOf, isUnfilledPlaceholder, saysNoEntry, linkTickets, maskedSegment, plain, startOf, toField, type ParseContext } from './common';
import { backOver, isSpace, trimEndChars, pushAll } from '../scan';
import { nameLead, roleLead } from './role-leads';
import { committedLead, struckLead } from './struck';
import { markLabelDone } from './status';

export function attachSubList(item: ActionItem, list: List, ctx: ParseContext): void {
  const { text } = ctx;
  for (const sub of list.children) {
    item.subItems.push(ctx.range(startOf(sub), endOf(sub)));
    const seg = maskedSegment(text, sub);
    const o = findOwners(seg);
    if (!item.owners.length && o.owners.length) {
      pushAll(item.owners, o.owners.map((h) => toField(h, ctx)));
      item.ownerPlaceholder = undefined;
    }
    if (!item.due) item.due = dueField(findDue(seg), ctx);
    if (!item.priority) {
      const p = findPriority(seg);
      if (p) item.priority = toField(p, ctx);
    }
    pushAll(item.tickets, findTickets(seg).map((h) => toField(h, ctx)));
  }
}


export function listItems(
  list: List,
  ctx: ParseContext,
  section: Section,
  deferred: boolean,
  labelGroup: string | undefined,
): ActionItem[] {
  const out: ActionItem[] = [];
  const direct: ActionItem[] = [];
  for (const li of list.children) {
    if (isLabelOnly(li)) {
      const label = plain(li.children[0]).replace(/:$/, '');
      // "**Automated Failover System** (in development):" above its design: a label that carries its own status is the
      // item, the details its parts (open, as the status says)
      if (IN_PROGRESS_LABEL_RE.test(label)) {
        const item = listItem(li, list, ctx, section, deferred, labelGroup);
        if (item) {
          out.push(item);
          direct.push(item);
        }
        continue;
      }
      // "**Added to tech.md:**" above its details: the label is the finished item, the details its parts
      if (isFinishedLabel(label, li, ctx.text)) {
        const item = listItem(li, list, ctx, section, deferred, labelGroup);
        if (item) {
          if (item.status === 'open' && !item.statusField) markDoneByFirstWord(item, ctx);
          out.push(item);
          direct.push(item);
        }
        continue;
      }
      const labelDeferred = /^(deferred|not doing|won'?t do|parking lot|out of scope)\b/i.test(label);
      const under: ActionItem[] = [];
      for (const child of li.children) {
        if (child.type === 'list') pushAll(under, listItems(child, ctx, section, deferred || labelDeferred, label));
      }
      // "- **Immediate Actions Taken**:" over its bullets, beside "- **Short-term Corrective Actions**:": the label
      // says they are done, as the same words in a heading do
      markLabelDone(under, label, ctx.range(startOf(li.children[0]), endOf(li.children[0])));
      pushAll(out, under);
      continue;
    }
    // "**Deployment Strategy**" over checks to make from now on: a topic of practice, not a task
    if (isPracticeGroup(li, ctx.text)) continue;
    // "There are two options to …:" over the how-to of each: a choice of ways, not a task
    if (introducesWays(li)) continue;
    const item = listItem(li, list, ctx, section, deferred, labelGroup);
    if (item) {
      out.push(item);
      direct.push(item);
    }
  }
  markFinishedAmongFinished(direct, ctx);
  return out;
}

const IN_PROGRESS_LABEL_RE = /\((?:in (?:development|progress)|planned|wip|ongoing|under ?way)\)$/i;

/** "Improved security check script …" among "Updated `.gitignore` …", "Updated `.gitleaks.toml` …": finished too. */
function markFinishedAmongFinished(items: ActionItem[], ctx: ParseContext): void {
  if (items.length < 3) return;
  const siblings = items.map((i) => ({ text: i.text, done: i.status === 'done' }));
  for (const item of items) {
    if (item.status !== 'open' || item.statusField || item.format === 'checkbox') continue;
    if (isFinishedAmongFinished(item.text, siblings)) markDoneByFirstWord(item, ctx);
  }
}

/** Done, the item's first word ("Improved", "Added") the status source. */
function markDoneByFirstWord(item: ActionItem, ctx: ParseContext): void {
  const s = item.textRange.start.offset;
  const word = /^[*_`]*[^\s*_`]+/.exec(ctx.text.slice(s, item.textRange.end.offset))?.[0] ?? '';
  item.status = 'done';
  item.statusField = { value: 'done', text: word.replace(/^[*_`]+/, ''), range: ctx.range(s, s + word.length) };
}

function listItem(
  li: ListItem,
  list: List,
  ctx: ParseContext,
  section: Section,
  deferred: boolean,
  labelGroup: string | undefined,
): ActionItem | undefined {
  const { text, lines } = ctx;
  const first = li.children[0];
  const s = startOf(li);
  const e = endOf(li);
  let mainStart: number;
  let mainEnd: number;
  let mainNode: Nodes | undefined;
  if (first && first.type === 'paragraph') {
    mainNode = first;
    mainStart = startOf(first);
    mainEnd = endOf(first);
  } else if (first && (first.type === 'heading' || first.type === 'blockquote')) {
    mainNode = first;
    mainStart = startOf(first);
    mainEnd = endOf(first);
  } else {
    return undefined; // empty bullet, code-only or HTML-only item: nothing to act on
  }
  let itemText = plain(mainNode);
  let status: ActionItem['status'] = 'open';
  let statusField: ActionItem['statusField'];
  let format: ActionItemFormat = list.ordered ? 'numbered' : 'bullet';
  if (li.checked === true || li.checked === false) {
    format = 'checkbox';
    if (li.checked) {
      status = 'done';
      const box = text.slice(s, mainStart);
      const bi = box.indexOf('[');
      statusField = { value: 'done', text: '[x]', range: bi >= 0 ? ctx.range(s + bi, s + bi + 3) : ctx.range(s, mainStart) };
    }
  } else if (/^\[\s?\]\s*/.test(text.slice(mainStart, mainEnd))) {
    // "- []" without a space is not GFM, but writers mean an open checkbox
    format = 'checkbox';
    const m = /^\[\s?\]\s*/.exec(text.slice(mainStart, mainEnd))!;
    mainStart += m[0].length;
    itemText = itemText.replace(/^\[\s?\]\s*/, '');
  } else if (/^\[[xX]\]\s*/.test(text.slice(mainStart, mainEnd))) {
    format = 'checkbox';
    status = 'done';
    statusField = { value: 'done', text: '[x]', range: ctx.range(mainStart, mainStart + 3) };
  } else if (NOT_APPLICABLE_BOX_RE.test(text.slice(mainStart, mainEnd))) {
    // "- [N/A] **Replace the mode** — not needed": a box the writer marked as not applying, i.e. let go
    format = 'checkbox';
    status = 'not-doing';
    const m = NOT_APPLICABLE_BOX_RE.exec(text.slice(mainStart, mainEnd))!;
    statusField = { value: 'not-doing', text: m[0].trim(), range: ctx.range(mainStart, mainStart + m[0].trimEnd().length) };
    mainStart += m[0].length;
    itemText = itemText.replace(NOT_APPLICABLE_BOX_RE, '');
  }
  if (!itemText || isUnfilledPlaceholder(itemText) || saysNoEntry(itemText) || isReaderAdvice(itemText)) return undefined;

  const segments: Segment[] = [maskedSegment(text, mainNode, mainStart, mainEnd)];
  const subItems: Range[] = [];
  let childIndent: string | undefined;
  for (const child of li.children.slice(1)) {
    if (child.type === 'list') {
      for (const sub of child.children) {
        subItems.push(ctx.range(startOf(sub), endOf(sub)));
        segments.push(maskedSegment(text, sub));
      }
      if (childIndent === undefined && child.children[0]) {
        const p = lines.positionAt(startOf(child.children[0]));
        childIndent = text.slice(lines.lineStart(p.line), startOf(child.children[0]));
        if (/\S/.test(childIndent)) childIndent = ' '.repeat(p.character);
      }
    } else if (child.type === 'paragraph') {
      segments.push(maskedSegment(text, child));
    }
  }
  if (childIndent === undefined) {
    const p = lines.positionAt(startOf(first));
    const lineStart = lines.lineStart(p.line);
    const prefix = text.slice(lineStart, startOf(first));
    childIndent = ' '.repeat(prefix.replace(/\t/g, '    ').length);
  }

  const owners: Hit<string>[] = [];
  let placeholder: Hit<string> | undefined;
  let due: DueHit | undefined;
  let priority: Hit<Priority> | undefined;
  const tickets: Hit<string>[] = [];
  let statusHit: Hit<ActionItem['status']> | undefined;
  for (const seg of segments) {
    const o: OwnerHits = findOwners(seg);
    pushAll(owners, o.owners);
    placeholder ??= o.placeholder;
    const d = findDue(seg);
    if (d && (!due || (due.kind === 'phrase' && d.kind === 'date'))) due = d;
    priority ??= findPriority(seg);
    pushAll(tickets, findTickets(seg));
    statusHit ??= findStatus(seg);
  }
  if (owners.length === 0) {
    // "**AGENT**: remove the entry" in a checklist split between roles, "ICL to build 22.0.3" in a list handing its
    // items out by name: the role or the name does it
    const subject = findSubjectOwner(segments[0]) ?? roleLead(li, list, text) ?? nameLead(li, list, text);
    if (subject) owners.push(subject);
  }
  // "(Rafael, 2026-03-20)": a name in parentheses next to a date
  if (owners.length === 0 && due?.kind === 'date') {
    const around = text.slice(Math.max(mainStart, due.start - 60), due.start);
    const m = /\(\s*([\p{Lu}][\p{L}\p{M}'’.-]*(?: [\p{Lu}][\p{L}\p{M}'’.-]*){0,2})\s*,\s*$/u.exec(around);
    if (m) {
      const start = due.start - around.length + m.index + m[0].indexOf(m[1]);
      owners.push({ value: m[1], text: m[1], start, end: start + m[1].length });
    }
  }
  if (status === 'open' && statusHit) {
    status = statusHit.value;
    statusField = toField(statusHit, ctx);
  }
  // "- ~~No alert on queue depth~~ — shipped 2026-10-02.": struck off the list
  // or opened by its action linked to the commit that did it: "- [Write tests](…/commit/bdcdd5f) to ensure …"
  const struck = status === 'open' && !statusField ? (struckLead(mainNode, text) ?? committedLead(mainNode)) : undefined;
  if (struck) {
    status = struck.status;
    statusField = { value: struck.status, text: text.slice(struck.start, struck.end), range: ctx.range(struck.start, struck.end) };
  }
  itemText = withoutTrailingMetadata(itemText, owners.length > 0 || due !== undefined || priority !== undefined);
  const linkT = segments.length ? linkTickets(li, ctx) : [];
  return {
    text: itemText,
    range: ctx.range(s, e),
    textRange: ctx.range(mainStart, mainEnd),
    format,
    owners: dedupe(owners).map((h) => toField(h, ctx)),
    ownerPlaceholder: owners.length === 0 && placeholder ? toField(placeholder, ctx) : undefined,
    due: dueField(due, ctx),
    priority: priority ? toField(priority, ctx) : undefined,
    status,
    statusField,
    tickets: [...linkT, ...tickets.map((h) => toField(h, ctx))],
    group: labelGroup ?? groupOf(section),
    section,
    deferred,
    subItems,
    appendAt: lines.positionAt(mainEnd),
    childIndent,
  };
}

/** A box marked "[N/A]" (or "[n/a]", "[NA]") in place of "[ ]" / "[x]": the writer says the item does not apply. */
const NOT_APPLICABLE_BOX_RE = /^\[\s?n\/?a\s?\]\s*/i;

/** "Add a canary — @bo, due 2026-05-01, P1" → "Add a canary": the action without the metadata written after it. */
function withoutTrailingMetadata(t: string, hasMetadata: boolean): string {
  if (!hasMetadata) return t;
  let out = t;
  const dash = /^(.*?\S)\s+(?:[—–]|--?)\s+(.*)$/.exec(out);
  if (dash && /^(@|owners?\b|due\b|by\b|assignee\b|dri\b|p[0-4]\b|\(|priority\b)/i.test(dash[2])) out = dash[1];
  out = withoutTrailingYearParenthetical(out);
  out = trimEndChars(out, ',;', true);
  return out || t;
}

/**
 * "Fix it (alice, 2026-05-01)" → "Fix it": drops a final parenthetical that holds a year. The same as
 * `/\s*\([^()]*\d{4}[^()]*\)\s*$/`, found by looking back from the end instead (that expression backtracked
 * cubically on an unclosed "(1111,1111,…": a 10 KB item took 63 s to lint).
 */
function withoutTrailingYearParenthetical(t: string): string {
  const close = backOver(t, isSpace);
  if (t[close - 1] !== ')') return t;
  const open = t.lastIndexOf('(', close - 2);
  if (open < 0) return t;
  const inner = t.slice(open + 1, close - 1);
  if (inner.includes(')') || !/\d{4}/.test(inner)) return t;
  return t.slice(0, backOver(t, isSpace, open));
}
