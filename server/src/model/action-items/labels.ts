// Bold labels standing in for headings: "**Impact**:" paragraphs, and `- **Review actions**:` list items whose nested
// list holds action items, as in pages without headings.
import type { List, Paragraph, Root, RootContent } from 'mdast';
import type { ActionItem, LabeledSection, Postmortem, Range, Section, SectionKind } from '../types';
import { matchSection } from '../sections';
import { endOf, plain, startOf, type ParseContext } from './common';
import { listItems } from './lists';
import { pushAll, trimEndChars } from '../scan';
import { isLeadIn, itemLines, lineItems, paragraphItem } from './paragraphs';
import { markLabelDone } from './status';
import { plainLineSections } from '../plain-line-sections';
import { plainLineItems } from './plain-line-items';
import { headingPriority, isTierLead } from './group-priority';
import { LINE_LABEL_RE, boldLabelKind, isSectionLabel, fieldTableKinds, labelStrong, listFieldKinds, outlineKinds, paragraphLabelKinds } from './label-kinds';

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
      if ((!sec || (sec.effectiveKind !== 'action-items' && sec.effectiveKind !== 'deferred')) && labelledItems(node, after, sec, model, ctx, false, () => tierLists(tree.children, after), () => leadInLists(tree.children, index, ctx.text))) labeled.add('action-items');
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
      const items = plainLineItems(tree, s, model.actionItems, ctx, home);
      pushAll(model.actionItems, items);
      // the line stands for the items' heading, as a label does (code lens, tree view)
      if (items.length) model.actionItemLabels.push({ title: s.title, range: s.titleRange, items });
    }
  }
  model.labeledKinds = [...labeled];
}

/** A heading over a template's or a standard's sample: "Sample Post-mortem Template", "Example report". */
const SAMPLE_TITLE_RE = /\b(?:templates?|samples?|examples?)\b/i;


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
function leadInLists(nodes: RootContent[], index: number, text: string): (List | Paragraph)[] {
  const after = blocksAfter(nodes, index);
  const lead = after[0];
  if (after.length !== 1 || lead.type !== 'paragraph') return [];
  const words = plain(lead);
  // "Remediation plan:", then "Our immediate action items are:" above the list: that line is a label of its own,
  // which reads the list itself
  const own = LINE_LABEL_RE.exec(words);
  if (own && matchSection(own[1] ?? own[2]) === 'action-items') return [];
  const below = blocksAfter(nodes, nodes.indexOf(lead));
  if (leadsInToWork(words)) return below.filter((n): n is List => n.type === 'list');
  // "After a review, we've compiled a list of tasks that can be done to prevent such a failure in the future." over
  // the tasks written one to a line, without bullets: the paragraph of lines holds them
  const lines = below[0];
  return lines?.type === 'paragraph' && ANNOUNCES_LIST_RE.test(words) && itemLines([lines], text) ? [lines] : [];
}
const ANNOUNCES_LIST_RE = /\b(?:a list of|the following|these|the below)\s(?:[\w-]+\s)?(?:tasks|measures|actions|steps|changes|improvements|follow[- ]?ups|items|fixes)\b[^.!?:\n]{0,80}[.:]\s*$/i;
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
function labelledItems(p: Paragraph, after: RootContent[], sec: Section | undefined, model: Postmortem, ctx: ParseContext, inlineOnly = false, later = (): [Paragraph, List][] => [], leadIn = (): (List | Paragraph)[] => []): boolean {
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
  let leadLists: (List | Paragraph)[];
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
    for (const block of leadLists) pushAll(items, block.type === 'list' ? listItems(block, ctx, home, false, label) : lineItems([block], ctx, home, false));
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
