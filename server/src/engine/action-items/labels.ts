// Bold labels standing in for headings: "**Impact**:" paragraphs, and `- **Review actions**:` list items whose nested
// list holds action items, as in pages without headings.
import { toString } from 'mdast-util-to-string';
import type { Paragraph, Root } from 'mdast';
import type { ActionItem, Postmortem, Section, SectionKind } from '../types';
import { matchSection } from '../sections';
import { endOf, plain, startOf, type ParseContext } from './common';
import { listItems } from './lists';
import { pushAll, trimEndChars } from '../scan';

/** "**Impact**:" / "**Review actions**" at the start of a paragraph: the section kind it names. */
export function boldLabelKind(p: Paragraph): SectionKind | undefined {
  const first = p.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const label = toString(first).trim();
  if (!label || label.length > 40) return undefined;
  const after = p.children[1];
  const next = after && after.type === 'text' ? after.value : '';
  if (!/[:：]$/.test(label) && !/^\s*[:：]/.test(next) && p.children.length > 1) return undefined;
  return matchSection(label.replace(/[:：]$/, ''));
}

/** Records the section kinds given as bold labels, and reads the items under an action-items label. */
export function collectLabels(tree: Root, model: Postmortem, ctx: ParseContext, sectionAt: (offset: number) => Section | undefined): void {
  const labeled = new Set<SectionKind>();
  for (const node of tree.children) {
    const sec = sectionAt(startOf(node));
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
      const label = trimEndChars(plain(p), ':', true);
      const items: ActionItem[] = [];
      for (const child of li.children) {
        if (child.type === 'list') pushAll(items, listItems(child, ctx, sec, false, label));
      }
      pushAll(model.actionItems, items);
      const strong = (p as Paragraph).children[0];
      model.actionItemLabels.push({ title: label, range: ctx.range(startOf(strong), endOf(strong)), items });
    }
  }
  model.labeledKinds = [...labeled];
}
