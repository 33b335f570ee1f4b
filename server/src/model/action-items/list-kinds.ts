// Lists next to the follow-ups that are not follow-ups, and how a list item is told apart from a label: a key to an
// action-item table, options weighed, standing rules, alternatives set aside, a standing strategy, lessons, advice to
// the reader, links to the fixes already made. Read by action-items/index.ts (which lists to skip) and lists.ts.
import type { List, ListItem } from 'mdast';
import type { ActionItem, Section } from '../types';
import { plain, bareWords } from './common';
import { normalizeHeading } from '../sections';
import { startsImperative } from '../verbs';
import { commitsToWork, continuesOpenEnded } from './commit-sentence';

/** A key list next to an action-item table ("P0: must fix", "Prevent: …"): not items. */
export function isLegendList(list: List): boolean {
  return list.children.every((li) => {
    const p = li.children[0];
    return p?.type === 'paragraph' && li.checked == null && /^[\p{L}\p{N}/]{1,12}(?:\s*[:=]|\s+[-–—])\s/u.test(plain(p));
  });
}

/**
 * "- Prevent:" or "- **Review actions**:" above a nested list: a label grouping the items below it. Not a checkbox
 * ("- [ ] Ensure that alerting is in place for:" above "- [ ] Warp Speed", "- [ ] Claims backend"): a box is a task
 * of its own, and the boxes under it are its parts, read with it as one item.
 */
export function isLabelOnly(item: ListItem): boolean {
  const p = item.children[0];
  const nested = item.children.some((c) => c.type === 'list');
  if (!nested || !p || p.type !== 'paragraph') return false;
  if (item.checked === true || item.checked === false || /^\[[ xX]?\]/.test(plain(p))) return false;
  const t = plain(p);
  return t.length > 0 && t.length <= 60 && /:$/.test(t) && !/[.!?]\s/.test(t) && readsAsLabel(t);
}

/**
 * A label names a group in a few words ("Prevent:", "Review actions:", "Immediate actions (completed):"). A longer
 * phrase ("A better process for flagging erupting fires quickly:") or one that runs on into its sub-bullets
 * ("encourage reviewers to:") is the item itself, and the bullets under it are its parts.
 */
function readsAsLabel(t: string): boolean {
  const words = t.replace(/\([^()]*\)/g, ' ').replace(/[*_`]/g, '').replace(/:$/, '').trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 4 && !RUNS_ON_RE.test(words[words.length - 1]);
}
const RUNS_ON_RE = /^(?:to|that|for|with|of|the|an?|and|or|by|in|on|across|from|into|as|like|such)$/i;

/**
 * "- There are two options to pull the new image without overwriting the old one:" above the two ways, each told as
 * instructions: the entry names a choice of ways to do something, and its sub-bullets are the how-to, not a task of
 * its own. Only an entry that opens "There are/is <a number or several> options / ways / approaches …" and ends with a
 * colon above a nested list.
 */
export function introducesWays(item: ListItem): boolean {
  const p = item.children[0];
  if (item.checked != null || p?.type !== 'paragraph' || !item.children.some((c) => c.type === 'list')) return false;
  const t = bareWords(plain(p)).trim();
  return t.endsWith(':') && WAYS_RE.test(t);
}
const WAYS_RE = /^there (?:are|is|were) (?:two|three|four|several|a few|a couple of|many|multiple|\d{1,2}) (?:[\w-]+ )?(?:options|ways|approaches|alternatives|choices|methods)\b/i;

/**
 * "We are working on figuring out which of the classic scaling topics are useful for us." above "- scale up",
 * "- caching": the bullets name the options the sentence before them weighs, not separate follow-ups (nothing is
 * decided yet; the follow-up is the sentence). Only when the sentence names a choice among options and every bullet
 * is a bare phrase of a few words: no checkbox, no sentence, no owner, date or link, nothing nested. A lead-in that
 * ends by asking for one of them ("The main thing is to not waste ids by doing one of:") says so whatever the bullets'
 * length (no checkbox, nothing nested).
 */
export function isOptionList(list: List, before: string | undefined): boolean {
  if (before === undefined) return false;
  // "… by doing one of:", "Either:": whatever their length, the bullets are the ways to choose from
  if (ONE_OF_RE.test(before.trimEnd())) return list.children.length >= 2 && list.children.every((li) => li.checked == null && li.children.length === 1);
  if (!NAMES_OPTIONS_RE.test(lastSentence(before))) return false;
  return list.children.length >= 2 && list.children.every((li) => {
    const p = li.children[0];
    if (li.checked != null || li.children.length !== 1 || p?.type !== 'paragraph' || p.children.some((c) => c.type === 'link' || c.type === 'linkReference')) return false;
    const t = plain(p);
    const words = t.replace(/\([^()]*\)/g, ' ').split(/\s+/).filter(Boolean);
    return words.length >= 1 && words.length <= 4 && !/[.!?:;@]/.test(t) && !/\d{4}/.test(t);
  });
}
/** A lead-in that ends by asking for one of the bullets: "… by doing one of:", "use one of the following:", "Either:". */
const ONE_OF_RE = /(?:\bone of(?: (?:the|these) (?:following|options|ways))?|^either|[.!?]\s+either)\s*:$/i;
const lastSentence = (t: string): string => t.trim().split(/(?<=[.!?])\s+(?=\p{Lu})/u).pop() ?? '';
// "which of the classic scaling topics", "the following options", "options we are considering", "possible approaches"
const NAMES_OPTIONS_RE =
  /\bwhich (?:one )?of (?:the|these|those|our|several|many) (?:[\w-]+ ){0,3}(?:options|topics|approaches|alternatives|possibilities|strategies|candidates|choices)\b|\b(?:following|possible|several|various|different|candidate|potential) (?:[\w-]+ )?(?:options|topics|approaches|alternatives|possibilities|strategies|candidates|choices)\b|\b(?:options|approaches|alternatives|possibilities) (?:we (?:are|were) |being |under )?(?:considering|considered|evaluating|evaluated|weighing|consideration|on the table)\b/i;

/**
 * A list of standing rules, not tasks: "For any compiler-recognized construct … adopted unconditionally by FSharp.Core:"
 * followed by "- assign its language feature …;" "- test successful declaration …;". The lead-in quantifies over every
 * future case ("For any / every / all …", "Whenever …") and the bullets continue its sentence (lower-case, not checked).
 * "For each service:" (a finite set of work) is not such a lead-in.
 */
export function isRuleList(list: List, before: string | undefined): boolean {
  if (before === undefined || !RULE_LEAD_RE.test(lastSentence(before))) return false;
  return list.children.every((li) => {
    const p = li.children[0];
    return li.checked == null && p?.type === 'paragraph' && /^\p{Ll}/u.test(plain(p).trimStart());
  });
}
const RULE_LEAD_RE = /^(?:for (?:any|every|all)|whenever|(?:any|every) time)\b[^\n]*:\s*$/i;

/**
 * Advice to the readers, not the team's follow-ups: "Node operators should do all of the following:" above "1. **Run
 * v11.0.1 or later.**", "2. **Give mezod time to shut down.** …", or "Users should:", "We recommend that validators:",
 * "You should:". The lead-in names those who read the report as the ones to act, and ends with a colon.
 */
export function isAdviceList(list: List, before: string | undefined): boolean {
  if (!list.children.every((li) => li.checked == null)) return false;
  if (list.children.every((li) => li.children[0]?.type === 'paragraph' && READER_TOLD_RE.test(plain(li.children[0]).trimStart()))) return true;
  if (before === undefined) return false;
  const lead = lastSentence(before);
  if (ADVICE_LEAD_RE.test(lead) || STEPS_TO_FOLLOW_RE.test(lead)) return true;
  const at = lead.search(RECOMMENDATIONS_RE);
  return at >= 0 && FOR_READERS_RE.test(lead.slice(at).replace(RECOMMENDATIONS_RE, '').trimEnd());
}
/**
 * "… we have a few recommendations for npm package maintainers and users in the future:": advice to others like the
 * readers, whoever wrote it (a list under it says "Package maintainers should …", "Application developers should …").
 */
const RECOMMENDATIONS_RE = /\b(?:recommendations?|advice|suggestions|tips) (?:for|to) /i;
const FOR_READERS_RE = /^(?:[\w-]+ ){0,4}?(?:operators|validators|users|customers|admins|administrators|maintainers|developers|readers|you|everyone|teams|projects)\b[^\n:]{0,60}:$/i;
/**
 * "- Users should rotate their API keys if …", "- Application developers should use a lockfile …", "- Maintainers of
 * client libraries should retry on 503": every item tells a group of the readers what to do, and nobody on the team
 * owns that. Only groups outside the team (plain "Maintainers should …" or "Developers should …" can be the team's
 * own) and an active verb ("Users should be notified by support" is the team's work).
 */
const READER_TOLD_RE =
  /^(?:(?:all|every|any|affected|existing) )?(?:(?:users?|customers?|clients?|validators?|readers?|you|everyone|anyone)(?: (?:and|or) [\w-]+(?: [\w-]+)?)?|(?:package|library|client library|plugin|extension|app|application|node|server|instance|self-hosting|self-hosted|downstream|third-party|npm|project) (?:maintainers?|developers?|operators?|owners?|authors?|admins?|administrators?)(?: (?:and|or) [\w-]+)?|(?:maintainers?|developers?|operators?|owners?|authors?) of (?:(?:client |third-party |downstream )?(?:libraries|packages|plugins|extensions|apps|applications|nodes|servers|instances|projects)|[\w-]+ (?:libraries|packages|plugins|extensions|apps|nodes|servers|instances)))(?: who [^,.;:]{1,60})? (?:should|must|need to|are (?:advised|encouraged|urged|asked) to) (?!be )\p{L}/iu;
/**
 * "To address this kind of issue you can follow the below steps.": a procedure handed to whoever meets the problem next
 * ("Check the server is up …", "Read each message displayed.", "Solve the problem."), not the team's follow-ups.
 */
const STEPS_TO_FOLLOW_RE = /\b(?:you|one|readers?|engineers?)\s(?:can|could|should|may|need to|have to|must)\s(?:follow|take|go through)\s(?:the|these)\s(?:(?:below|following|next)\s)?steps\b[^\n]{0,40}[.:]\s*$/i;
const ADVICE_LEAD_RE =
  /^(?:(?:all |every )?(?:node |server |instance |self-hosting |network )?(?:operators|validators|users|customers|admins|administrators|maintainers|developers|readers|you)\s+(?:should|must|need to|are (?:advised|encouraged|asked) to)|we (?:recommend|advise|suggest|urge|encourage)(?: that)? (?:all )?(?:node )?(?:operators|validators|users|customers|admins|administrators|you))\b[^\n:]{0,60}:\s*$/i;

/**
 * "Jump Server Access: Configure external jump server access, allowing:" above "- Simple SSH access via …", "- Users to
 * have pre-configured jump configurations …": what the change will allow, its details, not more follow-ups. Only where
 * no bullet starts with an instruction ("- Add …" would be work of its own).
 */
export function isElaborationList(list: List, before: string | undefined): boolean {
  if (before === undefined || !ELABORATION_LEAD_RE.test(lastSentence(before).trimEnd())) return false;
  return list.children.every((li) => {
    const p = li.children[0];
    return li.checked == null && p?.type === 'paragraph' && !startsImperative(plain(p));
  });
}
const ELABORATION_LEAD_RE = /,[ \t]*(?:allowing|enabling|including|such as)(?: (?:for|us|users|teams|operators))?(?: to)?:$/i;

/**
 * "A `release` status check would have locking semantics as follows:" above "- Do nothing if the PR is not from a
 * release branch.": how a proposed design would behave, told as its rules (imperative or not), not follow-ups.
 */
export function isBehaviourSpec(list: List, before: string | undefined): boolean {
  return before !== undefined && list.children.every((li) => li.checked == null) && BEHAVIOUR_LEAD_RE.test(lastSentence(before).trimEnd());
}
const BEHAVIOUR_LEAD_RE = /\b(?:would|will|should) (?:have|behave|work|look)\b[^.!?:\n]{0,80} as follows:$/i;

/**
 * "Alternatives here included:" above bullets that each weigh a way it could have been done ("In an ideal world we'd
 * do reproducible builds instead …", "We could delegate building to a 3rd party …"): the options set aside, not
 * follow-ups, however long each bullet is. Only a lead-in that names them as alternatives or options considered.
 */
export function isAlternativesList(list: List, before: string | undefined): boolean {
  return before !== undefined && ALTERNATIVES_LEAD_RE.test(lastSentence(before)) && list.children.every((li) => li.checked == null);
}
const ALTERNATIVES_LEAD_RE = /^(?:the |other )?(?:alternatives?|options?)(?: (?:here|we|that we))? (?:included|considered|weighed|rejected|discussed|looked at|were)\b[^\n;]{0,60}:\s*$|^(?:other )?alternatives?(?: considered)?:\s*$|^(?:two|three|four|several|some|a few|\d+) (?:alternatives|options|approaches) (?:are|were|have been) (?:identified|proposed|considered|possible)\b[^\n;]{0,60}:$/i;

/**
 * "Other than CI, our strategy is:" above "- Continue using Github for public repositories", "- Use our GitLab for
 * private ones": the standing strategy or policy stated, what stays as it is and where things live, not follow-ups.
 * Only a lead-in that says "our strategy / policy / stance is", unchecked bullets, and none carrying an owner or a date
 * (a strategy written as owned, dated work is read as items).
 */
export function isStrategyList(list: List, before: string | undefined): boolean {
  if (before === undefined || !STRATEGY_LEAD_RE.test(lastSentence(before))) return false;
  return list.children.every((li) => li.checked == null && !/@|\b\d{4}-\d{2}-\d{2}\b|\bdue\b/i.test(plain(li)));
}
const STRATEGY_LEAD_RE = /^(?:[^:;,\n]{0,40},\s*)?our (?:current |overall |general |long-term )?(?:strategy|policy|stance)(?: here)? (?:is|remains)\b[^\n;:]{0,40}:\s*$/i;

/**
 * "There is much we have learnt … The main highlights taken from our internal retrospective are:" above "- The need
 * for a single incident manager …", "- The benefits of gathering all relevant info …": the lessons drawn, not
 * follow-ups. Under such a lead-in a bullet is a lesson unless it is written as work: an imperative ("Add an alert
 * on …"), a sentence that commits ("The checklist will cover …"), or an owner or due date of its own.
 */
export function isLessonsLead(before: string | undefined): boolean {
  if (before === undefined) return false;
  const last = lastSentence(before).trimEnd();
  // the word near the colon that ends the lead-in (a plain test on the tail: no backtracking over the sentence)
  return last.endsWith(':') && LESSONS_WORD_RE.test(last.slice(-80));
}
const LESSONS_WORD_RE = /\b(?:lessons?|learnings|takeaways|highlights)\b/i;

/**
 * "All of the errors were due to missing test cases to prevent regression of functionality:" above "- `iasql_upgrade`
 * didn't have a formal test case at all."; "we can minimize the impact by following a few extra rules with feature
 * development:" above "1. All features have a test, or they can't be merged.": the lead-in says the bullets are the
 * causes found, or the rules now followed, not tasks. Under it a bullet is not an item unless it is written as work
 * (isLesson: an imperative, a commitment, a checkbox, an owner or a date of its own), as under a lessons lead-in.
 */
export function isCausesOrRulesLead(before: string | undefined): boolean {
  if (before === undefined) return false;
  const last = lastSentence(before).trimEnd();
  return last.endsWith(':') && (CAUSES_LEAD_RE.test(last) || RULES_WORD_RE.test(last.slice(-80)));
}
// "were (all) due to", "was caused by": the lead-in attributes what went wrong to what its bullets name; "There were 2
// red herrings that weren't contributing factors:": it names what was ruled out
const CAUSES_LEAD_RE = /\b(?:was|were|is|are)\s+(?:all\s+|mostly\s+|mainly\s+)?(?:due\s+to|caused\s+by)\b|\bred\s+herrings?\b|\b(?:was|were)(?:n't|n’t|\s+not)\s+(?:\w+\s+)?(?:contributing|causes?|the\s+cause|related)\b/i;
// "following a few extra rules", "these principles": the bullets are the rules, told as how things are done now
const RULES_WORD_RE = /\b(?:rules|principles|guidelines|ground rules)\b/i;
export function isLesson(item: ActionItem): boolean {
  if (item.owners.length || item.due || item.format === 'checkbox' || item.statusField) return false;
  const words = bareWords(item.text);
  if (startsImperative(words)) return false;
  return !words.split(/(?<=[.!?:;])\s+/).some((sentence) => commitsToWork(sentence));
}

/**
 * "If you need to copy files between machines, use rsync rather than scp": advice to whoever reads it next time,
 * written to "you" as a condition and what to do then. A rule for the reader, not a follow-up someone owns, even in a
 * list of remediations. Also "This can also be used with rsync via …", which tells how the advice applies.
 */
export function isReaderAdvice(itemText: string): boolean {
  return READER_ADVICE_RE.test(itemText.trimStart());
}
const READER_ADVICE_RE = /^(?:if you(?:'re| are)? (?:only |just |ever |really )?(?:need|want|have|must|wish)\b|this (?:can|could) (?:also )?be used (?:with|for|to|in)\b)/i;

/**
 * "### Fixes" holding only links to the changes that fixed the incident ("- [org/repo#1127](…)", a bare URL): the
 * resolution, listed for reference, not follow-ups. A "Fixes" list that says what it does is read as usual, and so
 * is a bare ticket under any other heading ("Follow-up improvements: - #2127").
 */
export function isFixLinkList(list: List, section: Section): boolean {
  return FIXES_HEADING_RE.test(normalizeHeading(section.title)) && list.children.every(linksOnly);
}

/** A bullet that is only links ("- [org/repo#1127](…)", a bare URL), no words of its own. */
function linksOnly(li: ListItem): boolean {
  const p = li.children[0];
  if (li.checked != null || li.children.length !== 1 || p?.type !== 'paragraph') return false;
  const links = p.children.filter((c) => c.type === 'link' || c.type === 'linkReference');
  const rest = p.children.filter((c) => c.type !== 'link' && c.type !== 'linkReference').map((c) => plain(c)).join(' ');
  return links.length > 0 && /^[\s,;&]*(?:and[\s,;&]*)?$/.test(rest);
}

/**
 * "We are also working on setting up multiple secondaries … More information on this can be found at:" above "- [Bundle
 * pgpool-II 3.6.1 (!1251)](…)", "- [Connection pooling … (#259)](…)": links given as where to read more, not more
 * follow-ups (the sentence before them is the follow-up).
 */
export function isReferenceList(list: List, before: string | undefined): boolean {
  return before !== undefined && REFERENCE_LEAD_RE.test(lastSentence(before)) && list.children.every(linksOnly);
}
const REFERENCE_LEAD_RE =
  /^(?:(?:more|further) (?:information|details|info)(?: (?:on|about) (?:this|that|it|these|them))? (?:can be found|is available) (?:at|in|here|below)|(?:see|see also|for (?:more|further) (?:information|details)(?:,? see)?|further reading|read more)):\s*$/i;
const FIXES_HEADING_RE = /^(?:the )?(?:fix(?:es)?|patch(?:es)?|pull requests?|prs|commits?)(?: (?:made|applied|merged|landed|shipped|deployed))?$/;

/**
 * "None of this would have happened had we been more disciplined in finishing off the temporary infrastructure. As a
 * general point, we should try and do it right the first time …": a paragraph that opens by looking back at what would
 * have gone otherwise, and commits to nothing, is the lesson drawn, not a follow-up someone could own.
 */
export function isHindsight(item: ActionItem): boolean {
  const first = bareWords(item.text).split(/(?<=[.!?])\s/, 1)[0];
  return HINDSIGHT_RE.test(first) && isLesson(item);
}
/** "… would not have happened had we …", "… could have been avoided if …": whether the incident would have come about. */
const HINDSIGHT_RE = /\b(?:would|could|might)(?:n't|n’t| not)? have (?:happened|occurred|been (?:avoided|prevented))\b/i;

/**
 * "Real reboots of both nodes on 2026-04-14. The readiness wait logged … in both cases. Every VM started cleanly. …":
 * under "### Validation", a paragraph that tells, in the past, how the changes were checked (three sentences or more,
 * most of them in the past tense, none an instruction or a commitment) is the account of what was done, not a
 * follow-up; its date is when it happened, not when anything is due.
 */
export function isPastNarrative(item: ActionItem): boolean {
  if (item.owners.length) return false;
  const sentences = bareWords(item.text).split(/(?<=[.!?])\s+/).filter((x) => /\p{L}/u.test(x));
  if (sentences.length < 3) return false;
  if (sentences.some((x) => startsImperative(x) || commitsToWork(x) || TO_COME_RE.test(x))) return false;
  return sentences.filter((x) => TOLD_PAST_RE.test(x)).length * 2 >= sentences.length + 1;
}
// a fixed-width look at each position ("[a-z]{3,}ed" rescanned a long word from every letter of it)
const TOLD_PAST_RE = /\b(?:was|were|had|did)\b|[a-z]{3}ed\b/i;
const TO_COME_RE = /\b(?:will|shall|going to|plans? to|should|must|need(?:s)? to|to be)\b|['’]ll\b/i;

/**
 * "We have already taken steps to improve our reliability practices and we will continue to extend the surface area
 * of these checks into the future.": a paragraph that opens by promising to carry on with no end named is the lesson
 * the team keeps, not a follow-up someone finishes. Not with an owner or a date (a phrase such as "before release"
 * is not one).
 */
export function isOngoingPledge(item: ActionItem): boolean {
  if (item.owners.length || item.due?.kind === 'date') return false;
  return continuesOpenEnded(bareWords(item.text).split(/(?<=[.!?])\s/, 1)[0]);
}

/**
 * "基础设施镜像必须固定到确实存在的版本 tag", "每次修改 docker-compose.yml 后，必须至少验证一次：", "对自定义的 request 字段，必须配套
 * decorateRequest()": an entry in Chinese (or Japanese kanji) whose clause says what must always hold (必须 / 必須, "must"),
 * about a kind of thing or every change, is the rule the team keeps, not work someone finishes. Not when the entry opens
 * with the verb of a task ("明确默认宿主必须…", make explicit that …), a label ("终审清单：…", the checklist it changed), says
 * a record now states the rule ("决策 0041 明确 …"), is a checkbox, or names an owner or a date.
 */
export function isMustRule(item: ActionItem): boolean {
  if (item.owners.length || item.due || item.format === 'checkbox') return false;
  const words = bareWords(item.text);
  const must = MUST_CJK_RE.exec(words);
  // "[决策 0041](…) 明确默认宿主必须 …": a record that now states the rule (明确 / 规定 …) is work done to that record
  return !!must && !TASK_VERB_CJK_RE.test(words) && !STATES_RULE_CJK_RE.test(must[0]);
}
const MUST_CJK_RE = /^[^。！？：:\n]{0,60}?必[须須]/u;
const STATES_RULE_CJK_RE = /明确|规定|要求|约定|写明|注明|记录/u;
const TASK_VERB_CJK_RE = /^(?:明确|增加|添加|加上?|更新|引入|修复|修改|改为|补充|编写|建立|实现|确保|新增|完善|制定|落实|推动|统一|移除|删除|替换|升级|配置|接入|梳理)/u;

/**
 * "_Note: this is a rough first draft, more to come later._" under "Root Cause Remediations": the author's note about
 * the page itself (a draft, a work in progress, still being written), not a follow-up. Not with an owner or a date.
 */
export function isEditorNote(item: ActionItem): boolean {
  return !item.owners.length && !item.due && EDITOR_NOTE_RE.test(bareWords(item.text));
}
const EDITOR_NOTE_RE =
  /^(?:note|nb|n\.b\.|update|edit|disclaimer)\s*[:：–—-]\s*(?:this|the)\s+(?:[\w-]+\s+){0,3}?(?:is|are)\s+(?:still\s+)?(?:an?\s+)?(?:(?:very|rough|early|first|initial|working|partial|incomplete)\s+){0,3}(?:draft|work[ -]in[ -]progress|wip|incomplete|being (?:updated|written|drafted|worked on))\b/i;

/**
 * "A new dependency, or a new package, lands in its manifest and the Dockerfile's manifest lists in the same change.",
 * "Every new service gets its alert in the same change that adds it": a paragraph that opens on the rule every later
 * change follows, stated in the present (or with "must"), is the practice in place, not work someone finishes. Not
 * when it promises ("will", "we'll") or names an owner or a date.
 */
export function isStandingRule(item: ActionItem): boolean {
  if (item.owners.length || item.due) return false;
  const first = bareWords(item.text).split(/(?<=[.!?])\s/, 1)[0];
  return NEW_THING_RE.test(first) && RULE_VERB_RE.test(first) && SAME_CHANGE_RE.test(first) && !/\b(?:will|shall|going to)\b|['’]ll\b/i.test(first);
}
/** "Every new service", "A new dependency, or a new package,": the rule's subject, any new thing of a kind. */
const NEW_THING_RE = /^(?:every|each|any|all|a|an)\s+new\s/i;
/** What happens to the new thing, in the present (or with "must"): "lands", "gets", "ships with". */
const RULE_VERB_RE = /\s(?:must\s+)?(?:lands?|gets?|goes|go|ships?|comes?|carr(?:y|ies)|includes?|brings?|adds?)\s/i;
const SAME_CHANGE_RE = /\bin\s+the\s+same\s+(?:change|commit|pr|pull\s+request|merge\s+request|diff|patch)\b/i;

/**
 * "[Postmortem 0014](0014-….md) remains the guardrail for a different lease failure class: …": an entry that points at
 * another write-up, where the guard against another failure already lives. A cross-reference, not work this incident
 * made or asks for (an entry that also asks for work, "Incident 12 remains open: add …", is kept).
 */
export function isOtherWriteUpPointer(item: ActionItem): boolean {
  const words = bareWords(item.text);
  return OTHER_WRITE_UP_RE.test(words) && !item.owners.length && !item.due && !commitsToWork(words);
}
const OTHER_WRITE_UP_RE = /^(?:(?:the )?(?:post-?mortem|post mortem|incident(?: report)?|rca|pm)[ #-]?\d{1,6}) (?:remains|still is|is still|already covers|covers) (?:the |a |an )?(?:guardrail|safeguard|guard|record|fix|write-?up)s? for (?:a |an |the )?(?:different|separate|other|another)\b/i;

/**
 * "- The Security Team did not properly plan the reboot schedule affecting many of our customers. There was no
 * available staff to monitor the reboot …" among the measures: what went wrong, told in the past, not work. Only an
 * entry with no owner, date, box or status of its own, not opening with a verb of work, whose sentences commit to
 * nothing, and whose first sentence says, within its first words, that someone or something did not do its part.
 */
export function isFailureAccount(item: ActionItem): boolean {
  if (item.owners.length || item.due || item.format === 'checkbox' || item.statusField) return false;
  const words = bareWords(item.text);
  if (startsImperative(words)) return false;
  const sentences = words.split(/(?<=[.!?])\s+/);
  return FAILED_PART_RE.test(sentences[0]) && !sentences.some((s) => commitsToWork(s));
}
// the subject: up to five words, none asking a question ("Find out why this issue didn't get flagged …" is work)
const FAILED_PART_RE = /^(?:(?!(?:why|how|whether|if|when|what|where|which|that)\b)[\p{L}\p{N}/&'’-]+ ){1,5}(?:did not|didn['’]t|was not|wasn['’]t|were not|weren['’]t|could not|couldn['’]t|failed to|never) /iu;
