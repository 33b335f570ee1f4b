// A list of standing practices — how the team will work from now on — rather than tasks, and a topic title over such
// practices. Read by index.ts and lists.ts.
import type { List, ListItem } from 'mdast';
import { looksCompleted } from '../completed';
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

/**
 * "1. **Deployment Strategy**" above "- Test builds locally before pushing to production", "- Use `next build` to
 * verify the output", "- Check the console for detailed error logs"; "1. **Local Testing**" above the commands to run:
 * a topic named in bold over how to work from now on — checks to make and ways of working, or the commands to run —
 * not a piece of work someone finishes, so no owner or date is asked of it. Only when the title is the whole first
 * line, a few words that name no change (no verb, no colon), and everything under it is either one code block or a
 * list whose every entry opens with a verb of checking or conduct ("Test", "Verify", "Ensure", "Prefer" …) with no
 * box, owner, date, link or nesting. "**Alerting**" above "- Add an alert on queue depth" is a follow-up and its
 * parts; "**Deeper monitoring**" above "We plan to add metrics …" commits to work and stays an item.
 */
export function isPracticeGroup(li: ListItem, text: string): boolean {
  const [title, ...body] = li.children;
  if (li.checked != null || title?.type !== 'paragraph' || body.length !== 1) return false;
  if (title.children.length !== 1 || title.children[0].type !== 'strong') return false;
  const t = bareWords(plain(title));
  if (!TOPIC_RE.test(t) || startsImperative(t) || looksCompleted(t)) return false;
  const [under] = body;
  if (under.type === 'code') return true;
  if (under.type !== 'list' || under.children.length < 2) return false;
  return under.children.every((d) => {
    const p = d.children[0];
    if (d.checked != null || d.children.length !== 1 || p?.type !== 'paragraph') return false;
    if (p.children.some((c) => c.type === 'link' || c.type === 'linkReference')) return false;
    return CHECK_OR_CONDUCT_RE.test(bareWords(plain(p))) && !namesOwnerOrDate(maskedSegment(text, p));
  });
}
// two to four capitalised or lower-case words, no colon or sentence mark: "Deployment Strategy", "Local Testing"
const TOPIC_RE = /^\p{L}[\p{L}-]*(?: [\p{L}-]+){1,3}$/u;
// checks to make and ways of working, each holding for every future occasion
const CHECK_OR_CONDUCT_RE =
  /^(?:test|use|check|verify|ensure|make sure|confirm|validate|prefer|evaluate|review|avoid|keep|always|never|do not|don['’]t|document why)\s+\S/i;

/**
 * "1. Supervisor pattern: always have a timeout for async calls", "2. \"Let it crash\" + restart > infinite wait",
 * "3. Silent failures are the worst failures", "4. Don't trust green checkmarks — verify the effect happened": lessons
 * written as maxims under an action heading ("Prevention"), beside tasks ("Log the age of the queue file …"). A maxim
 * holds for every future occasion and nobody finishes it, so no owner or date is asked of it. Only in a list holding
 * two maxims at least (one "Always …" beside tasks stays an item); there, a habit tied to a recurring occasion ("Test
 * integration points end-to-end before shipping") is one too. "Never …" may name work ("Never upload on Fridays": a
 * freeze to set up), so it is a maxim only beside a lesson told as a truth, a comparison or a stance ("2. **Never
 * restart the queue twice for one change.** Wait ten minutes." beside "4. A slow consumer is **not** data loss",
 * heldout28). An entry with a box, owner, date, link or nesting is written as tracked work and stays an item. Returns
 * the start offsets of the maxim entries.
 */
export function maximEntries(list: List, text: string): Set<number> {
  const maxims = new Set<number>();
  const habits = new Set<number>();
  const nevers = new Set<number>();
  let lessons = 0;
  for (const li of list.children) {
    const p = li.children[0];
    if (li.checked != null || li.children.length !== 1 || p?.type !== 'paragraph' || li.position === undefined) continue;
    if (p.children.some((c) => c.type === 'link' || c.type === 'linkReference')) continue;
    const t = bareWords(plain(p));
    if (/^\[[ xX]?\]/.test(t) || namesOwnerOrDate(maskedSegment(text, p))) continue;
    const rule = t.replace(MAXIM_LABEL_RE, '');
    if (isMaxim(t)) {
      maxims.add(li.position.start.offset!);
      if (!ALWAYS_RE.test(rule)) lessons++;
    } else if (/^never\s+\p{L}/iu.test(rule)) nevers.add(li.position.start.offset!);
    else if (startsImperative(t) && OCCASION_RE.test(t)) habits.add(li.position.start.offset!);
  }
  if (lessons) for (const n of nevers) maxims.add(n);
  return maxims.size >= 2 ? new Set([...maxims, ...habits]) : new Set();
}

/** A rule, a comparison or a general truth, not a task (the label before a colon, "Supervisor pattern:", set aside). */
function isMaxim(entry: string): boolean {
  const t = entry.replace(MAXIM_LABEL_RE, '');
  if (/^always\s+\p{L}/iu.test(t) || DISTRUST_RE.test(t)) return true;
  if (startsImperative(t)) return false;
  return COMPARISON_RE.test(t) || TRUTH_RE.test(t);
}
// "Supervisor pattern: ", "Principle: " — a short name before the rule
const MAXIM_LABEL_RE = /^[\p{L}"'“”-]+(?: [\p{L}"'“”-]+){0,2}:\s+/u;
// "Don't trust green checkmarks", "Never assume the queue drained": a stance to keep, not a change to make
const DISTRUST_RE = /^(?:do not|don['’]t|never)\s+(?:trust|assume|rely on|believe)\b/iu;
// "\"Let it crash\" + restart > infinite wait", "Boring beats clever": one way of working ranked above another
const COMPARISON_RE = /\S\s+>\s+\S|\s(?:beats|trumps)\s|\bis better than\b/iu;
// "Silent failures are the worst failures", "Retries are not a fix": a general truth told in the present
const TRUTH_RE = /^[\p{L}'’ -]{3,40}?\s(?:is|are)\s+(?:the\s+(?:worst|best|only|real)\b|never\b|always\b|not\s+(?:a|an)\s)/iu;
