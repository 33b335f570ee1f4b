// Finished work written as a list: a label that names what was done above its details, and a participle that reads as
// done among siblings that are all done. Read by lists.ts.
import type { ListItem } from 'mdast';
import { looksCompleted } from '../completed';
import { startsImperative } from '../verbs';
import { plain, bareWords, maskedSegment, namesOwnerOrDate } from './common';

/**
 * "**Added to tech.md:**" above "- Amplify platform types", "- Next.js 15 static export requirements"; "Enhanced
 * `scripts/security-check.sh`:" above "- Added `gitleaks detect` …", "- Improved error messages …": a short label (the
 * shape list-kinds.isLabelOnly reads as a group name) that is itself finished work, its sub-bullets the details of
 * what was added or changed. The label is the item, done; the details are its parts, not follow-ups of their own.
 * Only when no detail reads as work still to do: a checkbox, an instruction ("Add an alert on …"), an owner or a date
 * ("Improved alerting:" above "- Alert on queue depth — @ana" is a group of planned work). "Added to the backlog:"
 * lists work still to come.
 */
export function isFinishedLabel(label: string, item: ListItem, text: string): boolean {
  const t = bareWords(label);
  if (!FINISHED_LABEL_RE.test(t) || TO_COME_RE.test(t)) return false;
  const details = item.children.filter((c) => c.type === 'list').flatMap((l) => l.children);
  return details.length > 0 && details.every((d) => {
    const p = d.children[0];
    if (d.checked != null || p?.type !== 'paragraph') return false;
    const words = bareWords(plain(p));
    return !startsImperative(words) && !namesOwnerOrDate(maskedSegment(text, d));
  });
}
const FINISHED_LABEL_RE =
  /^(?:added|updated|enhanced|improved|extended|expanded|created|documented|changed|refactored|reworked|rewrote|rewritten|fixed|removed|cleaned up|hardened|tightened|simplified|consolidated|renamed|replaced|upgraded|migrated)\s+\S/i;
// "Added to the backlog:", "Moved to the roadmap:": the list below is work still to come
const TO_COME_RE = /^(?:added|moved)\s+to\s+(?:the\s+|our\s+|a\s+)?(?:backlog|roadmap|to-?do|list|queue|sprint|board|tracker|jira|linear|agenda|plan|next)\b/i;

/**
 * "- Updated `.gitignore` to exclude `tfplan`", "- Updated `.gitleaks.toml` to …", "- Improved security check script
 * to scan latest commit": "Improved" / "Enhanced" open an item either as finished work or as the name of better work
 * still to come ("**Improved runbooks for engine-level limits**" above what is planned). Among siblings that are all
 * written as finished, with no checkbox, no instruction and nothing else open, it is finished work too.
 */
export function isFinishedAmongFinished(text: string, siblings: readonly { text: string; done: boolean }[]): boolean {
  if (!AMBIGUOUS_PARTICIPLE_RE.test(text.replace(/[*_`]+/g, '').trimStart())) return false;
  const others = siblings.filter((s) => s.text !== text);
  return others.length >= 2 && others.every((s) => s.done || looksCompleted(s.text));
}
const AMBIGUOUS_PARTICIPLE_RE = /^(?:improved|enhanced|simplified|optimi[sz]ed|refactored|streamlined|expanded|strengthened)\s+\S/i;
