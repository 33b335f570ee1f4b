// Markdown → postmortem model. Parses once with unified + remark-parse (+ gfm, frontmatter); every field keeps its
// source range. Pure: no fs, no LSP.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import YAML from 'yaml';
import type { Root, RootContent, List, ListItem, Table, TableRow, Nodes, Heading, Paragraph } from 'mdast';
import type {
  ActionItem,
  ActionItemFormat,
  Directive,
  Field,
  FrontMatter,
  LineIndex,
  Postmortem,
  Priority,
  Range,
  Section,
  SectionKind,
  TableInfo,
} from './types';
import { createLineIndex, rangeOf } from './lines';
import { dateToIsoDay, isIsoDay } from './dates';
import { completedPrefix } from './completed';
import { matchSection } from './sections';
import {
  findDue,
  findOwners,
  findPriority,
  findStatus,
  findTickets,
  parseDueCell,
  parseOwnerCell,
  parsePriorityCell,
  statusOfWord,
  type DueHit,
  type Hit,
  type OwnerHits,
  type Segment,
} from './fields';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parse markdown into mdast; never throws (a parser failure yields an empty tree). */
export function parseMarkdown(text: string): Root {
  try {
    return processor.parse(text) as Root;
  } catch {
    return { type: 'root', children: [] };
  }
}

const startOf = (n: { position?: { start: { offset?: number } } }) => n.position?.start.offset ?? 0;
const endOf = (n: { position?: { end: { offset?: number } } }) => n.position?.end.offset ?? 0;

export function parsePostmortem(text: string, tree: Root = parseMarkdown(text)): Postmortem {
  const lines = createLineIndex(text);
  const R = (s: number, e: number) => rangeOf(lines, s, e);
  const model: Postmortem = {
    text,
    sections: [],
    allSections: [],
    actionItems: [],
    actionItemSections: [],
    actionItemLabels: [],
    labeledKinds: [],
    directives: [],
    opaqueRanges: [],
    lines,
  };

  collectOpaque(tree, model, R);
  readFrontMatter(tree, model, R);
  buildSections(tree, text, model, lines, R);

  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const fmTitle = model.frontMatter?.data?.title;
  if (typeof fmTitle === 'string' && fmTitle.trim() && model.frontMatter) {
    model.title = { value: fmTitle.trim(), text: fmTitle, range: model.frontMatter.range };
  } else if (h1) {
    const t = toString(h1).trim();
    if (t) model.title = { value: t, text: t, range: R(startOf(h1), endOf(h1)) };
  }

  collectActionItems(tree, text, model, lines, R);
  return model;
}

// ------------------------------------------------------------------------------------------------

type R = (s: number, e: number) => Range;

function collectOpaque(tree: Root, model: Postmortem, R: R): void {
  const visit = (n: Nodes) => {
    if (n.type === 'code' || n.type === 'html' || n.type === 'yaml') {
      model.opaqueRanges.push(R(startOf(n), endOf(n)));
      if (n.type === 'html') readDirectives(n.value, startOf(n), model, R);
      return;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(tree);
}

const DIRECTIVE_RE =
  /<!--\s*postmortem-lint-(disable-next-line|disable-line|disable-file|disable|enable|configure-file)\b([\s\S]*?)-->/g;

function readDirectives(value: string, base: number, model: Postmortem, R: R): void {
  for (const m of value.matchAll(DIRECTIVE_RE)) {
    const kind = m[1] as Directive['kind'];
    const body = m[2].trim();
    const range = R(base + m.index, base + m.index + m[0].length);
    if (kind === 'configure-file') {
      try {
        model.directives.push({ kind, rules: [], config: JSON.parse(body || '{}'), range });
      } catch (e) {
        model.directives.push({ kind, rules: [], range, error: `postmortem-lint-configure-file needs a JSON object: ${(e as Error).message}` });
      }
      continue;
    }
    const rules = body.split(/[\s,]+/).filter(Boolean);
    model.directives.push({ kind, rules, range });
  }
}

function readFrontMatter(tree: Root, model: Postmortem, R: R): void {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return;
  const fm: FrontMatter = { range: R(startOf(first), endOf(first)) };
  try {
    const doc = YAML.parse(first.value, { strict: false, uniqueKeys: false, maxAliasCount: 50 });
    if (doc && typeof doc === 'object' && !Array.isArray(doc)) fm.data = doc as Record<string, unknown>;
    else if (doc !== null && doc !== undefined) fm.error = 'front matter is not a mapping of keys to values';
  } catch (e) {
    fm.error = (e as Error).message.split('\n')[0];
  }
  model.frontMatter = fm;
  const d = fm.data;
  if (!d) return;
  const str = (v: unknown) => (v instanceof Date ? dateToIsoDay(v) : typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined);
  const date = str(d.date ?? d.incident_date ?? d['incident-date'] ?? d.incidentDate);
  // an ISO-looking date must name a real day: 2026-13-05 is a typo, not a date (nothing downstream may compute with it)
  if (date) model.date = /^\d{4}-\d{2}-\d{2}/.test(date) ? (isIsoDay(date.slice(0, 10)) ? date.slice(0, 10) : undefined) : date;
  model.severity = str(d.severity ?? d.sev);
  model.status = str(d.status);
  const audience = str(d.audience);
  if (audience) model.audience = audience.toLowerCase();
}

function buildSections(tree: Root, text: string, model: Postmortem, lines: LineIndex, R: R): void {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const stack: Section[] = [];
  const end = text.length;
  headings.forEach((h, i) => {
    const hs = startOf(h);
    const he = endOf(h);
    const next = headings[i + 1];
    const ownEnd = next ? startOf(next) : end;
    let bodyEnd = end;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth) {
        bodyEnd = startOf(headings[j]);
        break;
      }
    }
    // title range: after the #s and spaces (ATX) or the first line (setext)
    const line = lines.positionAt(hs).line;
    const lineText = text.slice(hs, Math.min(he, lines.lineEnd(line)));
    const atx = /^(#{1,6})[ \t]*/.exec(lineText);
    const ts = atx ? hs + atx[0].length : hs;
    let te = atx ? hs + lineText.replace(/[ \t]+#+[ \t]*$/, '').replace(/[ \t]+$/, '').length : Math.min(he, lines.lineEnd(line));
    if (te < ts) te = ts;
    const title = toString(h).trim();
    const section: Section = {
      title,
      depth: h.depth,
      kind: matchSection(title),
      headingRange: R(hs, he),
      titleRange: R(ts, te),
      bodyRange: R(he, bodyEnd),
      ownContentRange: R(he, ownEnd),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else {
      model.sections.push(section);
    }
    section.effectiveKind = section.kind ?? parent?.effectiveKind;
    // A document title (H1) that happens to match a kind must not swallow the whole document.
    if (h.depth === 1 && section.kind && headings.filter((x) => x.depth === 1).length === 1 && headings.some((x) => x.depth > 1)) {
      section.effectiveKind = undefined;
      section.kind = undefined;
    }
    stack.push(section);
    model.allSections.push(section);
  });
  for (const s of model.allSections) {
    if (s.kind === 'action-items' && s.parent?.effectiveKind !== 'action-items') model.actionItemSections.push(s);
  }
}

// ------------------------------------------------------------------------------------------------
// Action items

/** The section whose heading is the last one at or before `offset` (binary search: sections are in document order). */
function sectionAt(model: Postmortem, offset: number): Section | undefined {
  const all = model.allSections;
  let lo = 0;
  let hi = all.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].headingRange.start.offset <= offset) {
      found = all[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The item's sub-heading group inside an action items section ("Detect", "Prevent"), if any. */
function groupOf(section: Section): string | undefined {
  let s: Section | undefined = section;
  while (s) {
    if (s.kind === 'action-items' || s.kind === 'deferred') return s === section ? undefined : section.title;
    s = s.parent;
  }
  return section.title;
}

function collectActionItems(tree: Root, text: string, model: Postmortem, lines: LineIndex, R: R): void {
  // Blocks grouped by their section; only sections whose effective kind is action-items or deferred.
  const bySection = new Map<Section, RootContent[]>();
  for (const node of tree.children) {
    if (node.type === 'heading') continue;
    const sec = sectionAt(model, startOf(node));
    if (!sec || (sec.effectiveKind !== 'action-items' && sec.effectiveKind !== 'deferred')) continue;
    const arr = bySection.get(sec) ?? [];
    arr.push(node);
    bySection.set(sec, arr);
  }
  for (const [section, nodes] of bySection) {
    const deferred = section.effectiveKind === 'deferred';
    const hasTable = nodes.some((n) => n.type === 'table');
    let lastNumbered: ActionItem | undefined;
    for (const node of nodes) {
      if (node.type === 'table') {
        for (const item of tableItems(node, text, section, deferred, lines, R)) model.actionItems.push(item);
        lastNumbered = undefined;
      } else if (node.type === 'list' && !(hasTable && isLegendList(node))) {
        if (!node.ordered && lastNumbered) {
          // Bullets written flush under "1. Item" (no indent) are that item's sub-bullets, not new items.
          attachSubList(lastNumbered, node, text, R);
          continue;
        }
        const items = listItems(node, text, section, deferred, lines, R, undefined);
        model.actionItems.push(...items);
        lastNumbered = node.ordered ? items[items.length - 1] : undefined;
      } else if (node.type !== 'paragraph') {
        lastNumbered = undefined;
      }
    }
  }
  // Bold-label "sections" (`- **Review actions**:` with a nested list; `**Timeline:**`), as in pages without headings.
  const labeled = new Set<SectionKind>();
  for (const node of tree.children) {
    const sec = sectionAt(model, startOf(node));
    if (node.type === 'paragraph') {
      const k = boldLabelKind(node);
      if (k) labeled.add(k);
      continue;
    }
    if (node.type !== 'list') continue;
    for (const li of node.children) {
      const p = li.children[0];
      const k = p?.type === 'paragraph' ? boldLabelKind(p) : undefined;
      if (!k) continue;
      labeled.add(k);
      if (k !== 'action-items' || !sec || sec.effectiveKind === 'action-items' || sec.effectiveKind === 'deferred') continue;
      const label = plain(p).replace(/[:\s]+$/, '');
      const items: ActionItem[] = [];
      for (const child of li.children) {
        if (child.type === 'list') items.push(...listItems(child, text, sec, false, lines, R, label));
      }
      model.actionItems.push(...items);
      const strong = (p as Paragraph).children[0];
      model.actionItemLabels.push({ title: label, range: R(startOf(strong), endOf(strong)), items });
    }
  }
  model.labeledKinds = [...labeled];
  // "### Immediate actions (completed)" / "Actions taken": items under such a heading are done.
  for (const item of model.actionItems) {
    if (item.status !== 'open' || item.statusField) continue;
    for (let s: Section | undefined = item.section; s; s = s.parent) {
      if (COMPLETED_HEADING_RE.test(s.title)) {
        item.status = 'done';
        item.statusField = { value: 'done', text: s.title, range: s.titleRange };
        break;
      }
      if (s.kind === 'action-items') break;
    }
    if (item.status !== 'open' || item.statusField) continue; // an explicit status ("| Open |", "Status: in progress") wins
    // "Reverted the deploy", "The team then raised a ticket": written as done
    const start = item.textRange.start.offset;
    const done = completedPrefix(text.slice(start, item.textRange.end.offset));
    if (done) {
      item.status = 'done';
      item.statusField = { value: 'done', text: text.slice(start, start + done).trim(), range: R(start, start + done) };
    }
  }
  model.actionItems.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** The source slice of a node with code spans, HTML, images and link destinations blanked out. */
function maskedSegment(text: string, node: Nodes, from = startOf(node), to = endOf(node)): Segment {
  const chars = text.slice(from, to).split('');
  const blank = (s: number, e: number) => {
    for (let i = Math.max(s, from); i < Math.min(e, to); i++) if (chars[i - from] !== '\n' && chars[i - from] !== '\r') chars[i - from] = ' ';
  };
  const visit = (n: Nodes) => {
    const s = startOf(n);
    const e = endOf(n);
    if (n.type === 'inlineCode' || n.type === 'html' || n.type === 'image' || n.type === 'imageReference' || n.type === 'code') {
      blank(s, e);
      return;
    }
    if (n.type === 'link' || n.type === 'linkReference') {
      // keep the link text, blank the brackets and the destination
      let cursor = s;
      for (const c of n.children) {
        blank(cursor, startOf(c));
        cursor = endOf(c);
      }
      blank(cursor, e);
      if (n.children.length === 0) blank(s, e);
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return { text: chars.join(''), offset: from };
}

function linkTickets(node: Nodes, R: R): Field<string>[] {
  const out: Field<string>[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'link' && /^(https?:|mailto:)/i.test(n.url)) {
      out.push({ value: n.url, text: n.url, range: R(startOf(n), endOf(n)) });
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return out;
}

const toField = <T>(h: Hit<T>, R: R): Field<T> => ({ value: h.value, text: h.text, range: R(h.start, h.end) });

function dueField(h: DueHit | undefined, R: R): ActionItem['due'] {
  if (!h) return undefined;
  return h.kind === 'date'
    ? { kind: 'date', iso: h.iso, ambiguous: h.ambiguous, value: h.value, text: h.text, range: R(h.start, h.end) }
    : { kind: 'phrase', value: h.value, text: h.text, range: R(h.start, h.end) };
}

function plain(node: Nodes): string {
  return toString(node, { includeImageAlt: false }).replace(/\s+/g, ' ').trim();
}

const COMPLETED_HEADING_RE = /\((?:completed?|done|finished)\)|\b(?:actions? taken|completed actions?|already (?:done|taken))\b|^(?:done|completed)$/i;

/** "**Impact**:" / "**Review actions**" at the start of a paragraph: the section kind it names. */
function boldLabelKind(p: Paragraph): SectionKind | undefined {
  const first = p.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const label = toString(first).trim();
  if (!label || label.length > 40) return undefined;
  const after = p.children[1];
  const next = after && after.type === 'text' ? after.value : '';
  if (!/[:：]$/.test(label) && !/^\s*[:：]/.test(next) && p.children.length > 1) return undefined;
  return matchSection(label.replace(/[:：]$/, ''));
}

function attachSubList(item: ActionItem, list: List, text: string, R: R): void {
  for (const sub of list.children) {
    item.subItems.push(R(startOf(sub), endOf(sub)));
    const seg = maskedSegment(text, sub);
    const o = findOwners(seg);
    if (!item.owners.length && o.owners.length) {
      item.owners.push(...o.owners.map((h) => toField(h, R)));
      item.ownerPlaceholder = undefined;
    }
    if (!item.due) item.due = dueField(findDue(seg), R);
    if (!item.priority) {
      const p = findPriority(seg);
      if (p) item.priority = toField(p, R);
    }
    item.tickets.push(...findTickets(seg).map((h) => toField(h, R)));
  }
}

/** A key list next to an action-item table ("P0: must fix", "Prevent: …"): not items. */
function isLegendList(list: List): boolean {
  return list.children.every((li) => {
    const p = li.children[0];
    return p?.type === 'paragraph' && li.checked == null && /^[\p{L}\p{N}/]{1,12}(?:\s*[:=]|\s+[-–—])\s/u.test(plain(p));
  });
}

function isLabelOnly(item: ListItem): boolean {
  const p = item.children[0];
  const nested = item.children.some((c) => c.type === 'list');
  if (!nested || !p || p.type !== 'paragraph') return false;
  const t = plain(p);
  return t.length > 0 && t.length <= 60 && /:$/.test(t) && !/[.!?]\s/.test(t);
}

function listItems(
  list: List,
  text: string,
  section: Section,
  deferred: boolean,
  lines: LineIndex,
  R: R,
  labelGroup: string | undefined,
): ActionItem[] {
  const out: ActionItem[] = [];
  for (const li of list.children) {
    if (isLabelOnly(li)) {
      const label = plain(li.children[0]).replace(/:$/, '');
      const labelDeferred = /^(deferred|not doing|won'?t do|parking lot|out of scope)\b/i.test(label);
      for (const child of li.children) {
        if (child.type === 'list') out.push(...listItems(child, text, section, deferred || labelDeferred, lines, R, label));
      }
      continue;
    }
    const item = listItem(li, list, text, section, deferred, lines, R, labelGroup);
    if (item) out.push(item);
  }
  return out;
}

function listItem(
  li: ListItem,
  list: List,
  text: string,
  section: Section,
  deferred: boolean,
  lines: LineIndex,
  R: R,
  labelGroup: string | undefined,
): ActionItem | undefined {
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
      statusField = { value: 'done', text: '[x]', range: bi >= 0 ? R(s + bi, s + bi + 3) : R(s, mainStart) };
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
    statusField = { value: 'done', text: '[x]', range: R(mainStart, mainStart + 3) };
  }
  if (!itemText) return undefined;

  const segments: Segment[] = [maskedSegment(text, mainNode, mainStart, mainEnd)];
  const subItems: Range[] = [];
  let childIndent: string | undefined;
  for (const child of li.children.slice(1)) {
    if (child.type === 'list') {
      for (const sub of child.children) {
        subItems.push(R(startOf(sub), endOf(sub)));
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
    owners.push(...o.owners);
    placeholder ??= o.placeholder;
    const d = findDue(seg);
    if (d && (!due || (due.kind === 'phrase' && d.kind === 'date'))) due = d;
    priority ??= findPriority(seg);
    tickets.push(...findTickets(seg));
    statusHit ??= findStatus(seg);
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
    statusField = toField(statusHit, R);
  }
  itemText = withoutTrailingMetadata(itemText, owners.length > 0 || due !== undefined || priority !== undefined);
  const linkT = segments.length ? linkTickets(li, R) : [];
  return {
    text: itemText,
    range: R(s, e),
    textRange: R(mainStart, mainEnd),
    format,
    owners: dedupe(owners).map((h) => toField(h, R)),
    ownerPlaceholder: owners.length === 0 && placeholder ? toField(placeholder, R) : undefined,
    due: dueField(due, R),
    priority: priority ? toField(priority, R) : undefined,
    status,
    statusField,
    tickets: [...linkT, ...tickets.map((h) => toField(h, R))],
    group: labelGroup ?? groupOf(section),
    section,
    deferred,
    subItems,
    appendAt: lines.positionAt(mainEnd),
    childIndent,
  };
}

/** "Add a canary — @bo, due 2026-05-01, P1" → "Add a canary": the action without the metadata written after it. */
function withoutTrailingMetadata(t: string, hasMetadata: boolean): string {
  if (!hasMetadata) return t;
  let out = t;
  const dash = /^(.*?\S)\s+(?:[—–]|--?)\s+(.*)$/.exec(out);
  if (dash && /^(@|owners?\b|due\b|by\b|assignee\b|dri\b|p[0-4]\b|\(|priority\b)/i.test(dash[2])) out = dash[1];
  out = out.replace(/\s*\((?:[^()]*?,\s*)?[^()]*\d{4}[^()]*\)\s*$/, '');
  out = out.replace(/[\s,;]+$/, '');
  return out || t;
}

function dedupe(hits: Hit<string>[]): Hit<string>[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const k = h.value.toLowerCase().replace(/^@/, '');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const COLUMN_ROLES: [keyof TableInfo['columns'], RegExp][] = [
  ['owner', /\b(owners?|assignees?|dri|who|responsible|lead|assigned)\b/i],
  ['due', /\b(due( date)?|deadline|target( date)?|eta|when|by|date)\b/i],
  ['priority', /\b(priority|prio|pri|importance)\b/i],
  ['status', /\b(status|state|done|progress)\b/i],
  ['ticket', /\b(tickets?|issues?|bugs?|links?|references?|ref|jira|prs?|tracking|tracker)\b/i],
  ['action', /\b(action( items?)?|items?|tasks?|what|descriptions?|todo|follow[- ]?ups?|remediation|fix)\b/i],
];

/** Content ranges of each cell of a table row, computed from the source so empty cells get a place too. */
function cellRanges(text: string, row: TableRow): [number, number][] {
  const s = startOf(row);
  const e = endOf(row);
  const out: [number, number][] = [];
  for (const cell of row.children) {
    let cs = startOf(cell);
    let ce = endOf(cell);
    if (text[cs] === '|') cs++;
    if (ce > cs && text[ce - 1] === '|' && text[ce - 2] !== '\\') ce--;
    const raw = text.slice(cs, ce);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push([cs + lead, cs + lead + trimmed.length]);
    else {
      const mid = Math.min(cs + 1, ce);
      out.push([mid, mid]);
    }
  }
  void s;
  void e;
  return out;
}

function tableItems(table: Table, text: string, section: Section, deferred: boolean, lines: LineIndex, R: R): ActionItem[] {
  const [headerRow, ...rows] = table.children;
  if (!headerRow) return [];
  const header = headerRow.children.map((c) => plain(c));
  const columns: TableInfo['columns'] = {};
  header.forEach((h, i) => {
    for (const [role, re] of COLUMN_ROLES) {
      if (columns[role] === undefined && re.test(h)) {
        columns[role] = i;
        return;
      }
    }
  });
  if (columns.action === undefined) {
    const used = new Set(Object.values(columns));
    const free = header.findIndex((_, i) => !used.has(i));
    columns.action = free >= 0 ? free : 0;
  }
  const out: ActionItem[] = [];
  for (const row of rows) {
    const cells = cellRanges(text, row);
    const cellText = row.children.map((c) => plain(c));
    if (cellText.every((t) => !t || /^[-–—.…]+$/.test(t))) continue;
    const actionIdx = columns.action;
    const actionCell = row.children[actionIdx];
    const itemText = cellText[actionIdx] ?? '';
    if (!actionCell || !itemText) continue;
    const seg = (i: number | undefined): Segment | undefined => {
      if (i === undefined || !row.children[i]) return undefined;
      const [a, b] = cells[i];
      return maskedSegment(text, row.children[i], a, b);
    };
    const actionSeg = seg(actionIdx)!;
    const owners: Hit<string>[] = [];
    let placeholder: Hit<string> | undefined;
    const ownerSeg = seg(columns.owner);
    if (ownerSeg) {
      const o = parseOwnerCell(ownerSeg);
      owners.push(...o.owners);
      placeholder = o.placeholder;
      if (!o.owners.length && !o.placeholder && !ownerSeg.text.trim()) placeholder = undefined;
    }
    const inlineOwners = findOwners(actionSeg);
    if (!owners.length) owners.push(...inlineOwners.owners);
    placeholder ??= inlineOwners.placeholder;
    const dueSeg = seg(columns.due);
    let due = dueSeg ? parseDueCell(dueSeg) : undefined;
    if (!due) due = findDue(actionSeg);
    const prSeg = seg(columns.priority);
    const priority = (prSeg ? parsePriorityCell(prSeg) : undefined) ?? findPriority(actionSeg);
    const stSeg = seg(columns.status);
    let status: ActionItem['status'] = 'open';
    let statusField: ActionItem['statusField'];
    if (stSeg && stSeg.text.trim()) {
      const st = statusOfWord(stSeg.text);
      if (st) {
        status = st;
        statusField = { value: st, text: stSeg.text.trim(), range: R(cells[columns.status!][0], cells[columns.status!][1]) };
      }
    }
    if (!statusField) {
      const h = findStatus(actionSeg);
      if (h) {
        status = h.value;
        statusField = toField(h, R);
      }
    }
    const tSeg = seg(columns.ticket);
    const tickets = [
      ...linkTickets(row, R),
      ...findTickets(actionSeg).map((h) => toField(h, R)),
      ...(tSeg ? findTickets(tSeg).map((h) => toField(h, R)) : []),
    ];
    if (tSeg && tSeg.text.trim() && !tickets.length && !/^(n\/a|none|-|tbd)$/i.test(tSeg.text.trim())) {
      const [a, b] = cells[columns.ticket!];
      tickets.push({ value: tSeg.text.trim(), text: tSeg.text.trim(), range: R(a, b) });
    }
    const [as, ae] = cells[actionIdx];
    out.push({
      text: itemText,
      range: R(startOf(row), endOf(row)),
      textRange: R(as, ae),
      format: 'table-row',
      owners: dedupe(owners).map((h) => toField(h, R)),
      ownerPlaceholder: owners.length === 0 && placeholder ? toField(placeholder, R) : undefined,
      due: dueField(due, R),
      priority: priority ? toField(priority, R) : undefined,
      status,
      statusField,
      tickets,
      group: groupOf(section),
      section,
      deferred,
      subItems: [],
      table: {
        columns,
        cells: cells.map(([a, b]) => R(a, b)),
        headerRange: R(startOf(headerRow), endOf(headerRow)),
        header,
      },
      appendAt: lines.positionAt(ae),
    });
  }
  return out;
}
