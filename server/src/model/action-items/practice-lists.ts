// A list of standing practices — how the team will work from now on — rather than tasks. Read by index.ts.
import type { List } from 'mdast';
import { startsImperative } from '../verbs';
import { plain, bareWords, maskedSegment, namesOwnerOrDate } from './common';

/**
 * "- Always run `terraform plan -out=tfplan` and delete tfplan immediately after review", "- Never commit Terraform
 * plan files", "- Review `.gitignore` before working with new tools": rules of practice, each holding for every
 * future occasion, not a piece of work someone finishes. No owner or date can be given to "always", so asking for them
 * is noise. Only when at least two bullets open with "Always" / "Never" and every other one is a "Do not …" rule or an
 * instruction tied to a recurring occasion ("before / after / whenever / each time …ing"); no checkbox, no owner, no
 * date, no link, nothing nested (a practice written as tracked work is read as items). A list of one "Always" beside
 * tasks ("Until there is a backup, set a schedule …", "Always set a billing alert …") stays items.
 */
export function isPracticeList(list: List, text: string): boolean {
  if (list.children.length < 2) return false;
  let always = 0;
  for (const li of list.children) {
    const p = li.children[0];
    if (li.checked != null || li.children.length !== 1 || p?.type !== 'paragraph') return false;
    if (p.children.some((c) => c.type === 'link' || c.type === 'linkReference')) return false;
    const t = bareWords(plain(p));
    if (/^\[[ xX]?\]/.test(t) || namesOwnerOrDate(maskedSegment(text, p))) return false;
    if (ALWAYS_RE.test(t)) always++;
    else if (!DO_NOT_RE.test(t) && !(startsImperative(t) && OCCASION_RE.test(t))) return false;
  }
  return always >= 2;
}
const ALWAYS_RE = /^(?:always|never)\s+\p{L}/iu;
const DO_NOT_RE = /^(?:do not|don['’]t|avoid)\s+\p{L}/iu;
// "before working with new tools", "after each deploy", "whenever a secret is added", "every time we …"
const OCCASION_RE = /\b(?:before|after|whenever|each time|every time)\s+(?:\p{L}+ing|any|every|each|a new|new)\b/iu;
