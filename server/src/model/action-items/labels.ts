// Bold labels standing in for headings: "**Impact**:" paragraphs, and `- **Review actions**:` list items whose nested
// list holds action items, as in pages without headings.
import { toString } from 'mdast-util-to-string';
import type { List, ListItem, Paragraph, Root, RootContent, Strong, Table } from 'mdast';
import type { ActionItem, LabeledSection, Postmortem, Range, Section, SectionKind } from '../types';
import { matchSection } from '../sections';
import { endOf, plain, startOf, type ParseContext } from './common';
import { listItems } from './lists';
import { pushAll, trimEndChars } from '../scan';
import { memoByText } from '../memo';
import { isLeadIn, paragraphItem } from './paragraphs';
import { markLabelDone } from './status';
import { NAME_LINE_RE, plainLineSections } from '../plain-line-sections';
import { plainLineItems } from './plain-line-items';
import { headingPriority, isTierLead } from './group-priority';

/** "**Impact**:" / "**Review actions**" at the start of a paragraph: the section kind it names. */
export function boldLabelKind(p: Paragraph): SectionKind | undefined {
  const first = labelStrong(p);
  if (!first) return undefined;
  const label = toString(first).trim();
  if (!label || label.length > 40) return undefined;
  const after = p.children[1];
  const next = after && after.type === 'text' ? after.value : '';
  // "**Impact.** Every service was unreachable …": a label closed by a full stop, as some reports set them
  const stopped = /\.$/.test(label) && label.split(/\s+/).length <= 3;
  if (!/[:：]$/.test(label) && !/^\s*[:：]/.test(next) && !stopped && p.children.length > 1) return undefined;
  return labelKind(label.replace(/[:：.]$/, ''));
}

/**
 * The bold run opening a paragraph: "**Impact**", or the bold inside an emphasis that is all it holds ("***Root
 * Cause***:", "_**Impact**_:", bold italics as some reports set their labels).
 */
function labelStrong(p: Paragraph): Strong | undefined {
  const first = p.children[0];
  if (first?.type === 'strong') return first;
  if (first?.type === 'emphasis' && first.children.length === 1 && first.children[0].type === 'strong') return first.children[0];
  return undefined;
}

/** A label's section kind; "Context" in a page of labels is where the cause is told (MoJ's "- **Context**:"). */
function labelKind(label: string): SectionKind | undefined {
  return matchSection(label) ?? (/^\s*context\s*$/i.test(label) ? 'contributing-causes' : undefined) ?? slashedKind(label);
}

/** "**Reason/Cause**": a label naming its section twice, one name known ("Cause"); both parts must agree. */
function slashedKind(label: string): SectionKind | undefined {
  const parts = label.split('/');
  if (parts.length !== 2) return undefined;
  const kinds = new Set(parts.map((p) => matchSection(p) ?? (/^\s*(?:the )?reasons?\s*$/i.test(p) ? 'contributing-causes' : undefined)).filter((k) => k !== undefined));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/**
 * Section kinds named by labels at the start of any line of a paragraph: "**Summary**: …" on the second line of a
 * hard-wrapped paragraph, "**Impact**:" before a list, or a plain "Root cause: …" line, as in reports without headings.
 */
export function paragraphLabelKinds(p: Paragraph, text: string): SectionKind[] {
  const first = boldLabelKind(p);
  const inLines = lineLabelKinds(text.slice(startOf(p), endOf(p)));
  if (!first) return [...inLines];
  return [first, ...inLines.filter((k) => k !== first)];
}

/**
 * The kinds named by labels at the start of the lines of a paragraph's source, each once, in order: a function of the
 * source alone, remembered (asked of every paragraph on every lint; an edit leaves most paragraphs as they were).
 */
const lineLabelKinds = memoByText((source: string): readonly SectionKind[] => {
  const out: SectionKind[] = [];
  const lines = source.split(/\r?\n/);
  const fields = lines.filter((l) => FIELD_LINE_RE.test(l)).length >= 3;
  lines.forEach((line, at) => {
    const m = LINE_LABEL_RE.exec(line);
    if (!m) return;
    const label = m[1] ?? m[2];
    if (label.split(/\s+/).length > 5) return;
    if (!(isSectionLabel(m, line) || (fields && FIELD_LINE_RE.test(line)) || ACTION_LABEL_RE.test(label.trim()) || (at === 0 && toldImpact(m, source)))) return;
    const k = matchSection(label) ?? (m[1] !== undefined && severityTellsImpact(label, line.slice(m[0].length)) ? 'impact' : undefined);
    if (k && !out.includes(k)) out.push(k);
  });
  return out;
});

/**
 * The kinds named by the keys of a list of fields, three bullets or more written "Key: value" ("- Date: 2025-Feb-07",
 * "- Summary: We missed that a patch …", "- Impact: 23 validators …", "- Root Causes: Haste, poor communication"): each key
 * that names a section stands for it, as a bold label does. Only the list's own bullets, not their sub-bullets.
 */
const listFieldKinds = memoByText((source: string): readonly SectionKind[] => {
  const keys = source
    .split(/\r?\n/)
    .map((line) => LIST_FIELD_RE.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);
  if (keys.length < 3) return [];
  const out: SectionKind[] = [];
  for (const key of keys) {
    const k = matchSection(key);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
});
/** A bullet of the list itself (not indented) whose text starts with a key of one to three words, a colon and a value. */
const LIST_FIELD_RE = /^ {0,3}[-*+][ \t]+([\p{L}][\p{L}/&-]*(?: [\p{L}/&-]+){0,2}):[ \t]+\S/u;

/**
 * "Impact: the launcher cannot find the relay script here, so …": a paragraph that opens with a plain "Impact:" and
 * goes on to tell it in a sentence of six words or more is the impact, as a bold label would be. Only this label: a
 * plain "Resolution: 1080p" or "Summary: …" in running text names nothing a reader takes for a section.
 */
function toldImpact(m: RegExpExecArray, paragraph: string): boolean {
  return m[2] !== undefined && matchSection(m[2]) === 'impact' && /^[\p{L}]+$/u.test(m[2].trim()) && paragraph.slice(m[0].length).trim().split(/\s+/).length >= 6;
}

/**
 * "**Severity:** chain halt (liveness), no loss of funds, no safety violation.": a severity label whose value says what
 * happened to users and data, not only a level ("**Severity:** High (site down)", "SEV-2"), is where the impact is told.
 */
function severityTellsImpact(label: string, value: string): boolean {
  if (!/^\s*severity\s*$/i.test(label)) return false;
  // "High (payment flow broken for all users)": a parenthetical that says what broke for whom tells the impact too, and
  // so does one that bounds it ("SEV-2 (AI assistant unavailable, core API unaffected)": what broke, what did not)
  const words = value
    .replace(/\(([^()]*)\)/g, (_, inner: string) => (BROKE_RE.test(inner) && (FOR_WHOM_RE.test(inner) || SPARED_RE.test(inner)) ? ` ${inner} ` : ' '))
    .replace(/^\W*(?:critical|high|medium|low|major|minor|moderate|severe|sev[- ]?\d|s\d|p\d)\b/i, ' ')
    .match(/\p{L}+/gu);
  return (words?.length ?? 0) >= 3;
}

/** "payment flow broken for all users", "checkout down for every customer": what failed, and for whom (two tests, each linear). */
const BROKE_RE = /\b(?:broken|down|unavailable|failing|failed|blocked|degraded|lost)\b/i;
const SPARED_RE = /\b(?:unaffected|not affected|unimpacted|not impacted)\b/i;
const FOR_WHOM_RE = /\b(?:users?|customers?|clients?|members?|visitors?|players?|subscribers?|tenants?|merchants?|everyone)\b/i;

/**
 * A plain (not bold) label stands for a section only alone on its line ("Root cause:" then the text below), and a
 * writer's "TODO:" / "Note:" never does: "TODO: timestamped events …" is a note, not an action-items section.
 */
function isSectionLabel(m: RegExpExecArray, line: string): boolean {
  if (m[1] !== undefined) return true;
  return !/^(?:to ?dos?|tbd|fixme|notes?|nb)$/i.test(m[2].trim()) && line.slice(m[0].length).trim() === '';
}

/**
 * A field of a block of three or more "Key: value" lines ("Description: …<br>", "Duration: 16h 45m<br>", "User impact:
 * Flutter team members were unable to merge …"): each key names what its line holds, as a label alone on its line does.
 */
const FIELD_LINE_RE = /^\s{0,3}[\p{L}][\p{L}/&-]*(?: [\p{L}/&-]+){0,2}:[ \t]+\S/u;
/** "Action point: create a low-volume announcement list …": a follow-up given with its label on its line. */
const ACTION_LABEL_RE = /^action (?:points?|items?)$/i;

/** "**Summary**:", "**Summary:**", "__Impact__:", or a plain "Root cause:" at the start of a line. */
const LINE_LABEL_RE = /^\s{0,3}(?:(?:\*\*\*?|__)([^*_:\n]{2,40}?)\s*(?:[:：]\s*(?:\*\*\*?|__)|(?:\*\*\*?|__)\s*[:：])|([\p{L}][\p{L} ’'/&-]{1,40}?)\s*[:：](?!\/\/))/u;

/** Records the section kinds given as bold labels, and reads the items under an action-items label. */
export function collectLabels(tree: Root, model: Postmortem, ctx: ParseContext, sectionAt: (offset: number) => Section | undefined): void {
  const labeled = new Set<SectionKind>();
  tree.children.forEach((node, index) => {
    const sec = sectionAt(startOf(node));
    if (node.type === 'paragraph') {
      for (const k of paragraphLabelKinds(node, ctx.text)) labeled.add(k);
      const k = boldLabelKind(node);
      if (k) model.labeledSections.push(labeledSection(k, node, [node, ...blocksAfter(tree.children, index)], ctx));
      const after = blocksAfter(tree.children, index);
      // in a document with no heading above the label too (a page of labels): the label stands for the heading
      if ((!sec || (sec.effectiveKind !== 'action-items' && sec.effectiveKind !== 'deferred')) && labelledItems(node, after, sec, model, ctx, false, () => tierLists(tree.children, after), () => leadInLists(tree.children, index))) labeled.add('action-items');
      // "**Action item:** Start incidents earlier. Owner: @lee" inside an action-items section: the paragraph is the
      // item (its list, if any, is read with the section)
      else if (sec?.effectiveKind === 'action-items') labelledItems(node, [], sec, model, ctx, true);
      return;
    }
    if (node.type === 'table') {
      for (const k of fieldTableKinds(node)) labeled.add(k);
      return;
    }
    if (node.type !== 'list') return;
    for (const k of listFieldKinds(ctx.text.slice(startOf(node), endOf(node)))) labeled.add(k);
    // a "Sample Post-mortem Template" outline describes the sections, it does not hold the document's own (a title
    // "Sample Post-mortem" over a real report, the one a standard links to as its sample, names the document)
    const outline = sec?.effectiveKind || (sec && SAMPLE_TITLE_RE.test(sec.title) && (sec.depth > 1 || /template/i.test(sec.title))) ? undefined : outlineKinds(node);
    for (const li of node.children) {
      const p = li.children[0];
      const k = p?.type === 'paragraph' ? (boldLabelKind(p) ?? outline?.get(li)) : undefined;
      if (!k) continue;
      labeled.add(k);
      model.labeledSections.push(labeledSection(k, p as Paragraph, [li], ctx));
      if (k !== 'action-items' || (sec && (sec.effectiveKind === 'action-items' || sec.effectiveKind === 'deferred'))) continue;
      const label = trimEndChars(plain(p), ':', true);
      const strong = (p as Paragraph).children[0];
      const home = sec ?? labelHeading(label, ctx.range(startOf(strong), endOf(strong)), endOf(node), ctx);
      const items: ActionItem[] = [];
      for (const child of li.children) {
        if (child.type === 'list') pushAll(items, listItems(child, ctx, home, false, label));
      }
      // "- **Review actions**:" as the last bullet, its list written flush below it as a list of its own, or its
      // follow-up written as the paragraph below it, as after a label paragraph
      if (!items.length && li === node.children[node.children.length - 1]) {
        for (const n of followingLists(tree.children, index)) pushAll(items, listItems(n, ctx, home, false, label));
        const item = items.length ? undefined : nextParagraphItem(blocksAfter(tree.children, index)[0], home, ctx);
        if (item) items.push(item);
      }
      markLabelDone(items, label, ctx.range(startOf(strong), endOf(strong)));
      pushAll(model.actionItems, items);
      model.actionItemLabels.push({ title: label, range: ctx.range(startOf(strong), endOf(strong)), items });
    }
  });
  // a plain-text report: "Timeline" on a line of its own names the section
  for (const s of plainLineSections(tree, model, ctx)) {
    labeled.add(s.kind);
    model.labeledSections.push(s);
    if (s.kind === 'action-items') {
      const home = sectionAt(s.titleRange.start.offset) ?? labelHeading(s.title, s.titleRange, s.bodyRange.end.offset, ctx);
      pushAll(model.actionItems, plainLineItems(tree, s, model.actionItems, ctx, home));
    }
  }
  model.labeledKinds = [...labeled];
}

/** A heading over a template's or a standard's sample: "Sample Post-mortem Template", "Example report". */
const SAMPLE_TITLE_RE = /\b(?:templates?|samples?|examples?)\b/i;

/**
 * A report written as one numbered outline ("1. Incident Date" / "2. Incident Summary" / … / "7. Preventative
 * Measures", each with its bullets nested below): an item whose first line is only a section's name heads that
 * section, as a heading would. Only where two or more items name different sections and each has content nested
 * below its name (a list of names alone is a list, not an outline).
 */
function outlineKinds(list: List): Map<ListItem, SectionKind> | undefined {
  const found = new Map<ListItem, SectionKind>();
  for (const li of list.children) {
    const p = li.children[0];
    if (li.children.length < 2 || p?.type !== 'paragraph' || p.children.length !== 1 || p.children[0].type !== 'text') continue;
    const name = trimEndChars(p.children[0].value.trim(), ':：', true);
    const k = NAME_LINE_RE.test(name) ? labelKind(name) : undefined;
    if (k) found.set(li, k);
  }
  return new Set(found.values()).size >= 2 ? found : undefined;
}

/**
 * A two-column table of fields ("| Item | Detail |" then "| Occurred | 2026-03-02 |", "| Impact | Label updates … |",
 * "| Root cause | ArgoCD … |"): a key that names a section stands for it, as a bold label does. Only where at least
 * three rows are short keys with a value, so a table of actions or events ("| Impact analysis for EU | @bo |") is not
 * read as fields.
 */
function fieldTableKinds(table: Table): SectionKind[] {
  const rows = table.children.slice(1).filter((r) => r.children.length === 2);
  if (rows.length !== table.children.length - 1 || table.children[0]?.children.length !== 2) return [];
  const fields = rows.map((r) => [trimEndChars(toString(r.children[0]).trim(), ':：', true), toString(r.children[1]).trim()] as const);
  if (fields.filter(([key, value]) => FIELD_KEY_RE.test(key) && value && !PLACEHOLDER_VALUE_RE.test(value)).length < 3) return [];
  const out: SectionKind[] = [];
  for (const [key, value] of fields) {
    const k = FIELD_KEY_RE.test(key) && !PLACEHOLDER_VALUE_RE.test(value) && value ? (labelKind(key) ?? impactField(key, value)) : undefined;
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}
/**
 * "| Severity | medium — throughput stall, not data loss; lanes still produce green work |", "| Scope | 16 open PRs, none
 * landed |": a severity or scope field written out in words says what was hit, i.e. the impact. A bare level ("SEV2",
 * "High", "P1 — major") does not.
 */
function impactField(key: string, value: string): SectionKind | undefined {
  return IMPACT_FIELD_KEY_RE.test(key) && (value.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 5 ? 'impact' : undefined;
}
const IMPACT_FIELD_KEY_RE = /^(?:severity|scope|blast radius)$/i;
/** A field's key: one to three words, no sentence ("Occurred", "Root cause", "Detected"). */
const FIELD_KEY_RE = /^[\p{L}][\p{L}/&-]*(?: [\p{L}/&-]+){0,2}$/u;
const PLACEHOLDER_VALUE_RE = /^(?:tbd|tba|todo|n\/a|-|–|—|\?+|…|\.\.\.)$/i;

/** A label's section: its text inside the emphasis, and what it heads (the list item, or the paragraph and its list). */
function labeledSection(kind: SectionKind, p: Paragraph, blocks: RootContent[], ctx: ParseContext): LabeledSection {
  const strong = labelStrong(p) ?? p.children[0];
  const inner = 'children' in strong && strong.children.length ? strong.children : [strong];
  const title = trimEndChars(plain(strong), ':：', true);
  return {
    kind,
    title,
    titleRange: ctx.range(startOf(inner[0]), endOf(inner[inner.length - 1])),
    bodyRange: ctx.range(endOf(p.children[0]), endOf(blocks[blocks.length - 1])),
  };
}

/**
 * The blocks after a label, past HTML comments: a disable-next-line comment between two list items splits the list
 * in two, and must not change what is read. Either one block, or consecutive lists.
 */
function blocksAfter(nodes: RootContent[], index: number): RootContent[] {
  const after: RootContent[] = [];
  for (let j = index + 1; j < nodes.length; j++) {
    const n = nodes[j];
    if (n.type === 'html') continue;
    if (after.length && (n.type !== 'list' || after[0].type !== 'list')) break;
    after.push(n);
  }
  return after;
}

/**
 * The lists after a sentence that leads in to a list of work, right after a label: "Corrective and Preventative
 * Measures:" on its line, then "To prevent future outages like this one, the following tasks should be completed:"
 * ("We've established guiding criteria for disabling the system:" leads in to criteria, not work).
 */
function leadInLists(nodes: RootContent[], index: number): List[] {
  const after = blocksAfter(nodes, index);
  const lead = after[0];
  if (after.length !== 1 || lead.type !== 'paragraph' || !leadsInToWork(plain(lead))) return [];
  // "Remediation plan:", then "Our immediate action items are:" above the list: that line is a label of its own,
  // which reads the list itself
  const own = LINE_LABEL_RE.exec(plain(lead));
  if (own && matchSection(own[1] ?? own[2]) === 'action-items') return [];
  return blocksAfter(nodes, nodes.indexOf(lead)).filter((n): n is List => n.type === 'list');
}
/** The paragraph's last sentence ends in a colon and names work ("… the following tasks should be completed:"). */
function leadsInToWork(paragraph: string): boolean {
  const t = paragraph.trimEnd();
  if (!/[:：]$/.test(t)) return false;
  return WORK_WORD_RE.test(t.slice(Math.max(t.lastIndexOf('. '), t.lastIndexOf('? '), t.lastIndexOf('! ')) + 1));
}
const WORK_WORD_RE = /\b(?:tasks?|measures?|actions?|steps?|changes?|improvements?|follow[- ]?ups?|items?|fixes)\b/i;

function followingLists(nodes: RootContent[], index: number): List[] {
  return blocksAfter(nodes, index).filter((n): n is List => n.type === 'list');
}

/**
 * "Our immediate action items:" over a list, then "Medium-to-long term initiatives." over another: with no heading,
 * a short line naming a later tier is the next group of the same follow-ups, as "### Long-term" would be. The lists
 * after the label's own, each with its tier line, while the blocks alternate tier line, list.
 */
function tierLists(nodes: RootContent[], after: RootContent[]): [Paragraph, List][] {
  const out: [Paragraph, List][] = [];
  let j = after.length && after[0].type === 'list' ? nodes.indexOf(after[after.length - 1]) + 1 : nodes.length;
  for (;;) {
    while (j < nodes.length && nodes[j].type === 'html') j++;
    const lead = nodes[j];
    if (lead?.type !== 'paragraph' || !isTierLead(plain(lead))) return out;
    let k = j + 1;
    while (k < nodes.length && nodes[k].type === 'html') k++;
    const list = nodes[k];
    if (list?.type !== 'list') return out;
    out.push([lead, list]);
    j = k + 1;
  }
}

/**
 * A paragraph that opens with an action-items label ("Recommendations:", "**Follow-ups**:"): its items are the rest
 * of the paragraph, else the list or the one paragraph right after it.
 */
function labelledItems(p: Paragraph, after: RootContent[], sec: Section | undefined, model: Postmortem, ctx: ParseContext, inlineOnly = false, later = (): [Paragraph, List][] => [], leadIn = (): List[] => []): boolean {
  const next = after[0];
  const s = startOf(p);
  const firstLine = ctx.text.slice(s, endOf(p)).split(/\r?\n/)[0];
  // "Action Items" alone on a line right above its list, with no colon
  const bare = /^\s{0,3}([\p{L}][\p{L} ’'/&-]{1,40})$/u.exec(ctx.text.slice(s, endOf(p)).trimEnd());
  const m = bare && after[0]?.type === 'list' && matchSection(bare[1]) === 'action-items' ? bare : LINE_LABEL_RE.exec(firstLine);
  if (!m || (m !== bare && !isSectionLabel(m, firstLine)) || matchSection(m[1] ?? m[2]) !== 'action-items') return false;
  if (inlineOnly && (m === bare || !/^action items?$/i.test((m[1] ?? m[2]).trim()))) return false;
  const label = (m[1] ?? m[2]).trim();
  const home = sec ?? labelHeading(label, ctx.range(s, s + m[0].length), endOf(after.length ? after[after.length - 1] : p), ctx);
  let from = s + m[0].length;
  while (from < endOf(p) && /[\s*_:：]/.test(ctx.text[from])) from++;
  if (isVerdict(label, ctx.text.slice(from, endOf(p)))) return false;
  const items: ActionItem[] = [];
  let leadLists: List[];
  const rest = ctx.text.slice(from, endOf(p));
  // "**Corrective and Preventative Measures:**" over "To prevent such outages … we will be implementing the following
  // measures:" in the same paragraph, then the list: the sentence leads in to the list, which holds the items
  const leadsIn = next?.type === 'list' && /[:：]\s*$/.test(rest);
  if (!leadsIn && rest.split(/\s+/).filter(Boolean).length >= 4) {
    const item = paragraphItem(p, ctx, home, false, from);
    if (item) items.push(item);
  } else if (inlineOnly) {
    return false;
  } else if (next?.type === 'list') {
    for (const list of after) if (list.type === 'list') pushAll(items, listItems(list, ctx, home, false, label));
    for (const [lead, list] of later()) {
      // the tier line ranks its items as a tier heading does (group-priority.ts)
      const tier = headingPriority(ctx.text.slice(startOf(lead), endOf(lead)), startOf(lead));
      for (const item of listItems(list, ctx, home, false, label)) {
        if (!item.priority && tier) item.priority = { value: tier.value, text: tier.text, range: ctx.range(tier.start, tier.end) };
        items.push(item);
      }
    }
  } else if ((leadLists = next?.type === 'paragraph' ? leadIn() : []).length) {
    // a sentence that leads in to a list of work (leadInLists): the list holds the items
    for (const list of leadLists) pushAll(items, listItems(list, ctx, home, false, label));
  } else {
    const item = nextParagraphItem(next, home, ctx);
    if (item) items.push(item);
  }
  if (!items.length) return false;
  markLabelDone(items, label, ctx.range(s, s + m[0].length));
  pushAll(model.actionItems, items);
  model.actionItemLabels.push({ title: label, range: ctx.range(s, s + m[0].length), items });
  return true;
}

/** The follow-up written as the one paragraph right below a label (not a lead-in, not another label). */
function nextParagraphItem(next: RootContent | undefined, home: Section, ctx: ParseContext): ActionItem | undefined {
  if (next?.type !== 'paragraph' || isLeadIn(next) || paragraphLabelKinds(next, ctx.text).length) return undefined;
  return paragraphItem(next, ctx, home, false);
}

/**
 * "**Recommendation**: DEPLOY IMMEDIATELY - Critical fix with low risk and high impact." in a sign-off block: a verdict
 * on the fix written in capitals, then its reason; not work to assign. One label ("Recommendation"), one to three words
 * in capitals (not a priority or a status: "URGENT - rotate the keys" is work), then a dash, a full stop or the end.
 */
const VERDICT_LABEL_RE = /^(?:final |overall )?recommendation$/i;
const VERDICT_RE = /^(?!(?:URGENT|CRITICAL|HIGH|MEDIUM|LOW|ASAP|TODO|OPEN|P[0-4])\b)\p{Lu}{2,}(?:[ -]\p{Lu}{2,}){0,2}(?:[ \t]*[-–—.!:][ \t]|[ \t]*[.!]?$)/u;
function isVerdict(label: string, rest: string): boolean {
  return VERDICT_LABEL_RE.test(label) && VERDICT_RE.test(rest.trim());
}

/**
 * The heading an action-items label stands for in a document with no heading above it ("**Action items:**" then a
 * list, in a page written with labels only): the items' section, not one of the document's sections (the outline and
 * missing-section read those).
 */
function labelHeading(title: string, titleRange: Range, bodyEnd: number, ctx: ParseContext): Section {
  const body = ctx.range(titleRange.end.offset, Math.max(titleRange.end.offset, bodyEnd));
  return { title, depth: 1, kind: 'action-items', effectiveKind: 'action-items', headingRange: titleRange, titleRange, bodyRange: body, ownContentRange: body, children: [] };
}
