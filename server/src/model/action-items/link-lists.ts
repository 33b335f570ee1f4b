// A list of bare links to pull requests or issues, announced by the sentence above it: "The changes made to the
// config in response to this incident are:" / "We've since updated the config further …:" over links to PRs (the
// follow-up work, done), or "We have created tickets in … to track the work needed to fill those gaps:" over links
// to issues (follow-ups still open). The lead says what the links are; without such a lead a bare link says nothing
// of its status, so it is not read (a link list under "Fixes" is the resolution, see isFixLinkList).
import type { Link, List, Paragraph, Root, RootContent } from 'mdast';
import type { ActionItem } from '../types';
import { endOf, plain, startOf, type ParseContext } from './common';
import { listItems } from './lists';
import type { NodeSections } from './node-sections';

/**
 * "We have created tickets in the repository to track the work …", "I've opened issues for the follow-ups": the last
 * sentence of a line ending in a colon, announcing the list of tickets filed (also read by model/seen.ts).
 */
export const TICKETS_FILED_RE =
  /^(?:we|i)(?:'ve|\u2019ve| have)?\s+(?:(?:also|now|already|since)\s+)?(?:created|opened|filed|raised)\s+(?:(?:the\s+following|some|several|a\s+few|two|three|four|five|[2-9]|new|follow[- ]?up)\s+)*(?:tickets|issues|bugs|tasks)\b[^:]*\b(?:to\s+(?:track|follow\s+up|address|fix|cover)|for\s+(?:the\s+)?(?:follow[- ]?ups?|work|remaining))\b/i;

/**
 * "the changes made to the NGINX config in response to this incident are:", "The fixes we merged after the outage:",
 * "We've since updated the config further with comments …:": the work the links point at is done.
 */
const CHANGES_MADE_RE =
  /\b(?:changes|fixes|patches|pull requests|prs|commits)\s+(?:(?:we|that\s+we|that\s+were|which\s+were)\s+)?(?:made|merged|applied|landed|shipped|deployed)\b|^(?:we|i)(?:'ve|\u2019ve| have)\s+(?:(?:since|also|now|already)\s+)*(?:updated|fixed|changed|patched|improved|hardened|merged)\b/i;

const LINK_TO_WORK_RE = /\/(?:pull|pulls|merge_requests|issues|commit|commits)\/\d|\/commit\/[0-9a-f]{7,}/i;

/** Items for the announced link lists of the document: done under changes made, open under tickets filed. */
export function announcedLinkLists(tree: Root, sections: NodeSections, ctx: ParseContext): ActionItem[] {
  const out: ActionItem[] = [];
  const kids = tree.children;
  for (let at = 1; at < kids.length; at++) {
    const node = kids[at];
    if (node.type !== 'list' || node.ordered || !bareLinks(node)) continue;
    const section = sections[at];
    if (!section || section.effectiveKind === 'timeline' || section.effectiveKind === 'action-items' || section.effectiveKind === 'deferred') continue;
    const lead = leadBefore(kids, at);
    if (!lead) continue;
    const said = lastSentence(plain(lead));
    if (!/:\s*$/.test(said) || said.length > 240) continue;
    const filed = TICKETS_FILED_RE.test(said);
    const made = !filed && CHANGES_MADE_RE.test(said);
    if (!filed && !made) continue;
    const leadRange = ctx.range(startOf(lead), endOf(lead));
    for (const item of listItems(node, ctx, section, false, undefined)) {
      if (item.statusField) continue;
      item.status = made ? 'done' : 'open';
      item.statusField = { value: item.status, text: said.replace(/\s+/g, ' ').trim(), range: leadRange };
      out.push(item);
    }
  }
  return out;
}

/** Every entry is one paragraph holding only links (to a PR, issue or commit), no box, nothing said beside them. */
function bareLinks(list: List): boolean {
  return list.children.every((li) => {
    const p = li.children[0];
    if (li.checked != null || li.children.length !== 1 || p?.type !== 'paragraph') return false;
    const links = p.children.filter((c): c is Link => c.type === 'link');
    const rest = p.children.filter((c) => c.type !== 'link').map((c) => plain(c)).join(' ');
    return links.length > 0 && links.every((l) => LINK_TO_WORK_RE.test(l.url)) && /^[\s,;&]*(?:and[\s,;&]*)?$/.test(rest);
  });
}

function leadBefore(kids: RootContent[], at: number): Paragraph | undefined {
  let i = at - 1;
  while (i >= 0 && kids[i].type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test((kids[i] as { value: string }).value)) i--;
  const p = kids[i];
  return p?.type === 'paragraph' ? p : undefined;
}

function lastSentence(text: string): string {
  return text.trim().split(/(?<=[.!?])\s+/).pop() ?? '';
}
