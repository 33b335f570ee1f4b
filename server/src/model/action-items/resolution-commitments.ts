// A report with no follow-up section tells its follow-ups in the prose of its Resolution, its lessons or its
// conclusion ("Chia plans to have a third party assess …"), in a "- **Resolution**:" label's sub-bullets, in a
// footnote, or as "We have begun …" bullets of "Our Response": read only when nothing else in the document is an item.
import type { Root, RootContent } from 'mdast';
import type { ActionItem, Postmortem, Section } from '../types';
import { endOf, isCommentNode, startOf, type ParseContext } from './common';
import type { NodeSections } from './node-sections';
import { listItems } from './lists';
import { boldLabelKind } from './label-kinds';
import { paragraphItem, paragraphRuns, statusLabel } from './paragraphs';
import { commitmentItems } from './commitments';
import { pushAll } from '../scan';
import { completedPrefix } from '../completed';
import { normalizeHeading } from '../sections';
import { proseText } from '../facts';
import { toldAsStory } from '../genre';

/**
 * A report with no follow-up section often tells its follow-ups in "Resolution and recovery" prose: "Chia plans to
 * have a third party assess …", "All secrets are being rotated.", or in its conclusion. Read only when nothing else in the document is an
 * action item (so a commitment is never counted twice), and only sentences that commit to work.
 */
export function collectResolutionCommitments(tree: Root, sections: NodeSections, model: Postmortem, ctx: ParseContext): void {
  const bySection = new Map<Section, RootContent[]>();
  // the explanatory sections of a post with no place for follow-ups (a blog post told as a story): read only for
  // the team's own plans told in the first person ("We're also looking at ways of monitoring for corruption")
  const explaining = new Map<Section, RootContent[]>();
  const noPlace = !model.allSections.some((s) => s.effectiveKind === 'action-items' || s.effectiveKind === 'deferred') && toldAsStory(model, proseText(model));
  tree.children.forEach((node, at) => {
    const sec = sections[at];
    if (node.type === 'heading' || !sec) return;
    if (sec.effectiveKind === 'resolution' || sec.effectiveKind === 'lessons-learned' || closing(sec)) addTo(bySection, sec, node);
    else if (noPlace && sec.effectiveKind !== 'timeline') addTo(explaining, sec, node);
  });
  const reading = noPlace ? 'commitments-or-told' : 'commitments';
  // "- **Resolution**:" in a page of bold labels: its sub-bullets are the prose ("We and AWS are still investigating
  // longer-term fixes"), one sentence or more each
  tree.children.forEach((node, at) => {
    const sec = sections[at];
    if (node.type !== 'list' || !sec || sec.effectiveKind === 'timeline') return;
    for (const li of node.children) {
      const p = li.children[0];
      if (p?.type !== 'paragraph' || boldLabelKind(p) !== 'resolution') continue;
      for (const sub of li.children) {
        if (sub.type !== 'list') continue;
        for (const entry of sub.children) {
          const first = entry.children[0];
          if (first?.type === 'paragraph') pushAll(model.actionItems, commitmentItems([first], ctx, sec));
        }
      }
    }
  });
  // a footnote holds what did not fit the story: "[^3]: Another thing to work on moving forward."
  tree.children.forEach((node, at) => {
    const sec = node.type === 'footnoteDefinition' ? sections[at] : undefined;
    if (!sec || sec.effectiveKind === 'timeline') return;
    for (const p of node.type === 'footnoteDefinition' ? node.children : []) if (p.type === 'paragraph') pushAll(model.actionItems, commitmentItems([p], ctx, sec));
  });
  // "## Our Response" written as bullets: "- We have begun systematically invalidating old tokens, …" commits as a
  // sentence of a paragraph does, and "- We immediately turned off all builds …" is a step already taken (done); not
  // those that describe the system to come ("- The sequencer will have a private mempool."): only the team's own,
  // told in the first person
  for (const [sec, nodes] of bySection) {
    for (const node of nodes) {
      if (node.type !== 'list') continue;
      for (const entry of node.children) {
        const first = entry.children[0];
        if (first?.type !== 'paragraph' || boldLabelKind(first) || statusLabel(first)) continue;
        const told = ctx.text.slice(startOf(first), endOf(first));
        if (!FIRST_PERSON_RE.test(told)) continue;
        const items = commitmentItems([first], ctx, sec);
        // "- We immediately turned off all builds …": a step already taken is a done follow-up
        const done = completedPrefix(told);
        const item = items.length || !done ? undefined : paragraphItem(first, ctx, sec, false);
        if (item) {
          const at = startOf(first);
          item.status = 'done';
          item.statusField = { value: 'done', text: told.slice(0, done).trim(), range: ctx.range(at, at + told.slice(0, done).trimEnd().length) };
          item.fromProse = 'finished';
          items.push(item);
        }
        pushAll(model.actionItems, items);
      }
    }
  }
  for (const [sec, nodes] of explaining) {
    for (const run of paragraphRuns(nodes, (n) => !boldLabelKind(n) && !statusLabel(n))) pushAll(model.actionItems, commitmentItems(run, ctx, sec, 'told'));
  }
  for (const [sec, nodes] of bySection) {
    for (const run of paragraphRuns(nodes, (n) => !boldLabelKind(n) && !statusLabel(n))) {
      const items = commitmentItems(run, ctx, sec, reading);
      // "Going forward, we will do the following:" above a list: the sentence hands over to the bullets after it
      const last = run[run.length - 1];
      // a comment between them ("<!-- postmortem-lint-disable-next-line … -->") does not break the hand-over
      let at = nodes.indexOf(last) + 1;
      while (isCommentNode(nodes[at])) at++;
      const next = nodes[at];
      const intro = items[items.length - 1];
      if (intro && next?.type === 'list' && introducesList(intro, endOf(last), ctx.text)) {
        items.pop();
        pushAll(items, listItems(next, ctx, sec, false, undefined));
      }
      // "We have begun retooling our system for …" told again after the list that first said it: one follow-up
      const told = new Set(model.actionItems.map(opening));
      pushAll(model.actionItems, items.filter((i) => !told.has(opening(i))));
    }
  }
}

/**
 * "## Conclusion", "## Closing thoughts": the last word of a report with no follow-up section, where "More time needs
 * to be allocated to resilience projects" is the one follow-up it names.
 */
const closing = (s: Section): boolean => !s.kind && CLOSING_TITLE_RE.test(normalizeHeading(s.title));
const CLOSING_TITLE_RE = /^(?:conclusions?|closing thoughts|final thoughts|in closing)$/;

/** A bullet told by the team: "We have begun …", "As detailed below, we have begun …". */
const FIRST_PERSON_RE = /^(?:[^,\n]{1,40},\s+)?(?:we|i)\s/i;

/**
 * The first seven words of a follow-up after a short lead-in ("As detailed below, we have begun retooling our system
 * for …"): the same opening twice is one follow-up told again.
 */
function opening(item: ActionItem): string {
  const words = item.text.toLowerCase().replace(/^(?:[^\s,]+\s+){0,4}?[^\s,]+,\s+/, '').split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  return words.length >= 7 ? words.slice(0, 7).join(' ') : item.text;
}

/** The item is the last sentence of its paragraph and ends with a colon: it introduces the list that follows. */
function introducesList(item: ActionItem, paragraphEnd: number, text: string): boolean {
  const end = item.textRange.end.offset;
  return /:\s*$/.test(text.slice(item.textRange.start.offset, end)) && !text.slice(end, paragraphEnd).trim();
}

function addTo(map: Map<Section, RootContent[]>, sec: Section, node: RootContent): void {
  const nodes = map.get(sec);
  if (nodes) nodes.push(node);
  else map.set(sec, [node]);
}
