// A checklist that gives each step to a role named in capitals as its bold lead ("**USER**: revoke the token",
// "**AGENT**: remove the entry"), or a list of follow-ups each given to a name that leads it ("ICL to build 22.0.3",
// "Hypha will run the full suite …"): the lead says who does the step, as an owner's name would. Pure.
import type { List, ListItem } from 'mdast';
import type { Hit } from '../fields';
import { findPriority, statusOfWord } from '../fields';
import { startOf } from './common';
import { ALL_VERBS, lemma } from '../verbs';

/**
 * The role leading `li` ("**USER**:", "**OPS:**"), when the list splits its steps between roles that way: at least
 * two different leads in the list, and one of them on two items or more. Not a status or a priority in
 * capitals ("**TODO**:", "**DONE**:", "**CRITICAL**:"), nor one topic per item ("**HTML:**", "**CRLF:**").
 */
export function roleLead(li: ListItem, list: List, text: string): Hit<string> | undefined {
  const own = leadOf(li, text);
  if (!own) return undefined;
  const leads = list.children.map((c) => leadOf(c, text)?.value).filter((w): w is string => w !== undefined);
  const distinct = new Set(leads);
  if (distinct.size < 2 || distinct.size === leads.length) return undefined;
  return own;
}

function leadOf(li: ListItem, text: string): Hit<string> | undefined {
  const first = li.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const at = startOf(first);
  const m = ROLE_LEAD_RE.exec(text.slice(at, at + 40));
  if (!m) return undefined;
  const word = m[1];
  if (statusOfWord(word) || findPriority({ text: word, offset: 0 }) || NOT_A_ROLE.has(word)) return undefined;
  const start = at + m.index + m[0].indexOf(word);
  return { value: word, text: word, start, end: start + word.length };
}

/** "**USER**:" or "**USER:**" at the start of the item (after an open or ticked box GFM did not take). */
const ROLE_LEAD_RE = /^(?:\[[ xX]?\][ \t]*)?(?:\*\*|__)([A-Z]{2,12})(?:(?:\*\*|__)[ \t]*[:：]|[:：](?:\*\*|__))/;
/** Words in capitals that lead a line as a note or a kind of step, not as who does it. */
const NOT_A_ROLE: ReadonlySet<string> = new Set(['NOTE', 'FYI', 'TBD', 'WARNING', 'IMPORTANT', 'UPDATE', 'FIX', 'WHY', 'WHAT', 'HOW', 'WHEN', 'WHERE', 'ACTION', 'DECISION', 'RESULT', 'RISK', 'ISSUE', 'BUG', 'NEW', 'OLD', 'EDIT', 'TIP']);

/**
 * The name leading `li` as who does it, in a list that hands its follow-ups out that way: "ICL to subscribe to security
 * alerts", "ICL to build 22.0.3", "ICL check how to optimize …", "Hypha will run the full suite …", "Hypha to
 * coordinate …". The name (an acronym, or a capitalised word that is no verb of the lexicon) leads two items or more
 * of the list, and in one of them at least it is followed by "to", "will", "should", "shall" or "must" and a word in
 * lower case (not "be": "Docs to be updated" gives the work to nobody); each item it leads goes on with such a word or
 * with a verb ("ICL check how …"). One item alone ("Sam to send the notes") is not enough to tell a name from a
 * sentence's subject.
 */
export function nameLead(li: ListItem, list: List, text: string): Hit<string> | undefined {
  // remembered per list node and where it stands (a node reused by the next parse at another offset is read again)
  const at = startOf(list);
  let cached = NAME_LEADS.get(list);
  if (!cached || cached.at !== at) {
    const all = list.children.map((c) => nameLeadOf(c, text));
    const assigning = new Set(all.filter((l) => l?.assigns).map((l) => l!.hit.value));
    const count = new Map<string, number>();
    for (const l of all) if (l) count.set(l.hit.value, (count.get(l.hit.value) ?? 0) + 1);
    const leads = new Map(list.children.flatMap((c, i) => {
      const l = all[i];
      return l && assigning.has(l.hit.value) && (count.get(l.hit.value) ?? 0) >= 2 ? [[c, l.hit] as const] : [];
    }));
    cached = { at, leads };
    NAME_LEADS.set(list, cached);
  }
  return cached.leads.get(li);
}
const NAME_LEADS = new WeakMap<List, { at: number; leads: Map<ListItem, Hit<string>> }>();

function nameLeadOf(li: ListItem, text: string): { hit: Hit<string>; assigns: boolean } | undefined {
  const first = li.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const at = startOf(first);
  const m = NAME_LEAD_RE.exec(text.slice(at, at + 60));
  if (!m) return undefined;
  const [, name, next, after] = m;
  const lead = name.split(' ')[0];
  if (NOT_A_NAME.has(lead) || ALL_VERBS.has(lemma(lead)) || statusOfWord(name) || findPriority({ text: name, offset: 0 })) return undefined;
  const assigns = ASSIGNING.has(next) && after !== undefined && after !== 'be';
  // "Appsdev will be more proactive …" beside "Appsdev will work with …": the same name leads it (it alone never
  // assigns: "Docs to be updated" gives the work to nobody)
  if (!assigns && !ALL_VERBS.has(next) && !(ASSIGNING.has(next) && after === 'be')) return undefined;
  const start = at + m.index + m[0].indexOf(name);
  return { hit: { value: name, text: name, start, end: start + name.length }, assigns };
}
/** "ICL to build", "Hypha will run", "K Sweeney will create", "Ops check …": a name, then a word in lower case and the one after it. */
const NAME_LEAD_RE = /^(?:\[[ xX]?\][ \t]*)?([A-Z]{2,6}|(?:[A-Z]\.? |[A-Z][a-z]{1,20} )?[A-Z][a-z]{2,20})[ \t]+([a-z]+)\b(?:[ \t]+([a-z]+))?/;
const ASSIGNING: ReadonlySet<string> = new Set(['to', 'will', 'should', 'shall', 'must']);
/** Capitalised words that open a sentence without naming who acts. */
const NOT_A_NAME: ReadonlySet<string> = new Set([
  'We', 'They', 'You', 'It', 'This', 'That', 'These', 'Those', 'The', 'Our', 'Their', 'Your', 'All', 'Each', 'Every',
  'Any', 'Some', 'No', 'Nobody', 'Everyone', 'Everybody', 'Someone', 'Somebody', 'Anyone', 'Team', 'Teams', 'People',
  'There', 'Then', 'When', 'If', 'Also', 'Need', 'Needs', 'Plan', 'Plans', 'Want', 'Wants', 'How', 'What', 'Why',
  'Who', 'Where', 'Which', 'Going', 'Time', 'TODO', 'TBD', 'FYI', 'NOTE', 'ASAP', 'PR', 'CI', 'API',
]);
