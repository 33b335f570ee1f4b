// Field extraction for action items: owners, priority, status, tickets (due dates: model/due.ts).
// Works on "segments": a slice of the source where code spans, HTML and link destinations are blanked out
// (same length, so an index in the segment maps straight back to a document offset).
import type { ActionItemStatus, Priority } from './types';
import { backOver, isSpace, trimEndChars } from './scan';

export interface Segment {
  /** Source text with opaque parts replaced by spaces (same length as the source slice). */
  text: string;
  /** Document offset of text[0]. */
  offset: number;
}

export interface Hit<T> {
  value: T;
  text: string;
  start: number; // document offset
  end: number;
}

// ------------------------------------------------------------------------------------------------
// Owners

const HANDLE_RE = /(?<![\p{L}\p{N}_.@/\\+-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/gu;
const PLACEHOLDERS = new Set([
  'tbd', 'tba', 'tbc', '?', '??', '???', '????', 'n/a', 'na', 'none', 'nobody', 'unassigned', 'someone', 'somebody',
  'anyone', 'we', 'us', 'team', 'the team', 'our team', '-', '–', '—', 'owner', 'todo', 'x', 'xxx', '...', '…',
  '<owner>', '@owner', 'name', '<name>',
]);
/**
 * "Owner: Rafael", "Assignee: @bob", "DRI - Ana Lima", "**负责人** = 机制" (the label in bold, in Chinese), "Eier: Kari";
 * bare names need the colon.
 */
const OWNER_LABEL_RE =
  /(?<![\p{L}])(owners?|assignees?|assigned to|dri|responsible|who|负责人|負責人|责任人|責任人|eier|ansvarlig|ответственный|담당자)(?![\p{L}\p{N}_])(?:\*{1,2}|_{1,2})?\s*(?:([:：=]|-|–|—)\s*|(?=@))/giu;
// sticky: read at a label's end without slicing the rest of the segment off (a slice per label was quadratic)
const NAME_RE = /(?:@[\p{L}\p{N}_][\p{L}\p{N}_.-]*|\?+|[\p{L}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{Lu}][\p{L}\p{M}'’.-]*){0,2})/uy;
const WORD_AT_RE = /[^\s,;|)]*/y;
const LABEL_CLOSE_RE = /(?:\*{1,2}|_{1,2})[ \t]*/y;
/** Words that start the next field: a name stops before them ("Owner: Ana due Friday"). */
const NEXT_FIELD_RE = /\s(?:due|by|until|before|deadline|eta|priority|status|ticket)\b/i;

const PROPOSER_RE = /^\s+(?:suggest(?:s|ed)|propos(?:es|ed)|recommend(?:s|ed)|ask(?:s|ed)|rais(?:es|ed)|not(?:es|ed)|mention(?:s|ed)|thinks|thought|wants|wanted|pointed out)\b/i;

/**
 * Not a person: "TBD", "?", "none", "<owner>", "@owner", a template's variable ("{name}", "{{owner}}", "$OWNER") or a
 * bracketed prompt that names the field ("[Owner]", "[Team name]", "[assignee]", "[TBD]"). A bracketed name ("[Ana
 * Lima]", a link's text once its destination is blanked) is a person. Words that say nobody is assigned yet ("to be
 * decided", "unassigned", "needs an owner") are placeholders too: an item assigned so has no owner.
 */
export function isPlaceholderOwner(s: string): boolean {
  const t = s.trim().toLowerCase().replace(/^\*+|\*+$/g, '').replace(/^@/, (m) => (s.trim().toLowerCase() === '@owner' ? m : ''));
  if (t === '' || PLACEHOLDERS.has(t) || /^\?+$/.test(t) || /^<[^>]*>$/.test(t) || /^_+$/.test(t)) return true;
  if (/^\{[^{}]*\}$|^\{\{[^{}]*\}\}$|^\$[a-z][a-z0-9_]*$/.test(t) || notAssigned(t) || WHEN_NOT_WHO_RE.test(t)) return true;
  const bracketed = /^\[([^[\]@]{1,40})\]$/.exec(t);
  return !!bracketed && (PLACEHOLDERS.has(bracketed[1].trim()) || FIELD_WORD_RE.test(bracketed[1]));
}
/**
 * "next session", "this week", "follow-on" written where the owner goes (an Owner column): when the work is meant to
 * happen, not who does it. Nobody is named, as with "TBD".
 */
const WHEN_NOT_WHO_RE = /^(?:(?:this|next|the next|following|a later|later) (?:session|week|sprint|month|quarter|phase|iteration|cycle)|follow[- ]?on|later|asap|soon)$/;
/** Words of a prompt in brackets: it names the field to fill in ("[Owner]", "[Name of owner]", "[Team/person]"). */
const FIELD_WORD_RE = /\b(?:owners?|names?|assignees?|person|people|dri|responsible|who|handle|team|someone|tb[dac])\b/;
/**
 * "to be decided", "not yet assigned", "needs an owner", "owner needed": nobody is assigned yet. Read where a label's
 * value starts ("Owner: to be decided, due …"), up to a word boundary; the whole of a cell for isPlaceholderOwner.
 * "Owner: whichever lane owns issue #1042", "Owner: whatever path opens the PRs": whoever it turns out to be, not named.
 */
const NOT_ASSIGNED_AT_RE = /^(?:to be (?:decided|determined|assigned|confirmed|named)|(?:not|not yet|yet to be) (?:assigned|decided)|needs? (?:an )?owner|owner (?:needed|wanted|tbd)|no owner(?: yet)?|unknown|pending|(?:whichever|whatever|whoever)(?: [\p{L}\p{N}#'’/-]+(?:\.[\p{L}\p{N}]+)*){1,6})(?![\p{L}\p{N}])/iu;
const notAssigned = (t: string) => NOT_ASSIGNED_AT_RE.exec(t)?.[0].length === t.length;

export interface OwnerHits {
  owners: Hit<string>[];
  placeholder?: Hit<string>;
}

/**
 * A named team or person written as the subject: "DevEx will update …", "The IPS team is continuing …", "Cloud
 * Platform will …", "The error tracking team should …", "(Rasmus call for meeting)". Not "We", "The team", "Our team"
 * or an organisation's "the Chia team" (everyone): the name must be an acronym, CamelCase, or two capitalised words,
 * or a lower-case team name of its own ("the error tracking team", "Content pipeline team should …": a capitalised word,
 * one more and "team", not "Every other team"). The blanks around a label's colon form one run,
 * and "the" is looked for behind a lower-case word only (behind every blank of a run, the expression was cubic).
 */
const SUBJECT_OWNER_RE =
  /^\s*(?:\*\*[^*]{1,80}\*\*\s*(?:[:：]\s*)?)?(?:[Tt]he\s+)?((?:[A-Z]{2,6}|[A-Z][a-z]+[A-Z][A-Za-z]*)(?:\s+team)?|[A-Z][a-z]+\s+[A-Z][a-z]+(?=\s+will\b)|(?=[a-z])(?<=[Tt]he\s+)(?!(?:whole|entire|same|other|our|core)\b)[a-z]+(?:\s+[a-z]+)?\s+team|(?!(?:Every|Each|Our|The|Whole|Entire|Any|Some|One|Another|Other|This|That|Same|Their|Your|My|No|A|An)\b)[A-Z][a-z]+\s+[a-z]+\s+team)\s+(?:will|is|are|has|have|should|shall|plans?\s+to|intends?\s+to|is\s+going\s+to|to(?=\s+(?!be\b)[a-z]))\b/;
const CALL_OWNER_RE = /\(\s*([A-Z][a-z]+)\s+(?:to|will|call(?:s|ed)?|owns?|leads?|drives?)\b[^)]*\)/;

/** The subject of the item's first sentence, when it names who does the work. */
export function findSubjectOwner(seg: Segment): Hit<string> | undefined {
  const m = SUBJECT_OWNER_RE.exec(seg.text) ?? CALL_OWNER_RE.exec(seg.text);
  if (!m || /^(?:TODO|TBD|DONE|NOTE|FYI|ASAP|PR|CI)$/.test(m[1])) return undefined;
  const start = seg.offset + m.index + m[0].indexOf(m[1]);
  return { value: m[1], text: m[1], start, end: start + m[1].length };
}

export function findOwners(seg: Segment): OwnerHits {
  const owners: Hit<string>[] = [];
  let placeholder: Hit<string> | undefined;
  const taken: [number, number][] = [];
  for (const m of seg.text.matchAll(HANDLE_RE)) {
    const start = seg.offset + m.index;
    const value = '@' + m[1];
    // "@sam suggests we add …": whoever proposes an item does not thereby own it
    if (PROPOSER_RE.test(seg.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    if (isPlaceholderOwner(value)) {
      placeholder ??= { value, text: m[0], start, end: start + m[0].length };
      continue;
    }
    owners.push({ value, text: m[0], start, end: start + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of seg.text.matchAll(OWNER_LABEL_RE)) {
    const hasColon = Boolean(m[2]);
    let after = m.index + m[0].length;
    // "**Owner:** Ana", "*Owner:* operator": the label's closing emphasis comes between the colon and the name
    if (hasColon) {
      LABEL_CLOSE_RE.lastIndex = after;
      after += LABEL_CLOSE_RE.exec(seg.text)?.[0].length ?? 0;
    }
    // "Owner: to be decided", "Assignee: not yet assigned": words that say nobody is, not a name
    const unassigned = hasColon ? NOT_ASSIGNED_AT_RE.exec(seg.text.slice(after, after + 40)) : null;
    if (unassigned) {
      const start = seg.offset + after;
      placeholder ??= { value: unassigned[0], text: unassigned[0], start, end: start + unassigned[0].length };
      continue;
    }
    NAME_RE.lastIndex = after;
    const nm = NAME_RE.exec(seg.text);
    if (!nm) {
      // "Owner: TBD?" style placeholders; "Owner:" with nothing (or an HTML placeholder, blanked) is no owner, said so
      WORD_AT_RE.lastIndex = after;
      const word = WORD_AT_RE.exec(seg.text)?.[0] ?? '';
      if (hasColon && word && isPlaceholderOwner(word)) {
        const start = seg.offset + after;
        placeholder ??= { value: word, text: word, start, end: start + word.length };
      }
      continue;
    }
    let name = trimEndChars(nm[0], ".'’-");
    // stop a name at words that start the next field
    const next = NEXT_FIELD_RE.exec(name);
    if (next) name = name.slice(0, backOver(name, isSpace, next.index));
    const start = seg.offset + after;
    const hit = { value: name, text: name, start, end: start + name.length };
    if (taken.some(([a, b]) => after < b && after + name.length > a)) continue; // the @handle already counted
    if (!hasColon && !name.startsWith('@')) continue;
    if (isPlaceholderOwner(name)) placeholder ??= hit;
    else owners.push(hit);
  }
  return { owners, placeholder };
}

const ANY_MEMBER_ALT_RE = /\s(?:and\/or|and \/ or|or)\s(?:any(?:one|body)?|some(?:one|body)|whoever|another|other)\b/i;

/** An Owner/Assignee table cell: one or more names separated by commas, "&", "and" or "/". */
export function parseOwnerCell(seg: Segment): OwnerHits {
  const owners: Hit<string>[] = [];
  let placeholder: Hit<string> | undefined;
  const re = /[^,&/;+]+/g;
  // "Production Squad and/or any team member": the alternative names nobody, so it is neither an owner nor a second one
  const alt = ANY_MEMBER_ALT_RE.exec(seg.text);
  const text = alt && !/[,;&+|]/.test(seg.text.slice(alt.index)) ? seg.text.slice(0, alt.index) : seg.text;
  for (const m of text.matchAll(re)) {
    for (const part of splitAnd(m[0], m.index)) {
      const raw = part.text;
      const lead = raw.length - raw.trimStart().length;
      const value = raw.trim().replace(/^\*+|\*+$/g, '').trim();
      if (!value) continue;
      const start = seg.offset + part.index + lead;
      const hit = { value, text: raw.trim(), start, end: start + raw.trim().length };
      if (isPlaceholderOwner(value)) placeholder ??= hit;
      else owners.push(hit);
    }
  }
  return { owners, placeholder };
}

function splitAnd(s: string, base: number): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let last = 0;
  for (const m of s.matchAll(/\s+and\s+/gi)) {
    out.push({ text: s.slice(last, m.index), index: base + last });
    last = m.index + m[0].length;
  }
  out.push({ text: s.slice(last), index: base + last });
  return out;
}

// ------------------------------------------------------------------------------------------------
// Priority

// a Priority cell in Spanish or Portuguese too ("🔴 Crítica", "Alta", "Media", "Baja"); inline, only the English words
const WORD_LEVELS: [RegExp, number][] = [
  [/^(critical|urgent|blocker|highest|must[- ]have|cr[ií]tic[ao]|urgente)$/i, 0],
  [/^(high|important|major|alt[ao])$/i, 1],
  [/^(medium|med|normal|moderate|should[- ]have|medi[ao]|m[ée]dia)$/i, 2],
  [/^(low|minor|could[- ]have|baj[ao]|baix[ao])$/i, 3],
  [/^(lowest|trivial|nice[- ]to[- ]have|someday|wishlist|optional)$/i, 4],
];

function wordLevel(w: string): number | undefined {
  for (const [re, lvl] of WORD_LEVELS) if (re.test(w.trim())) return lvl;
  return undefined;
}

export const priorityOf = (level: number): Priority => ({ level, low: level >= 3 });

const P_RE = /(?<![\p{L}\p{N}_-])P([0-4])(?![\p{L}\p{N}_])/gu;
const PRIORITY_WORD_RE =
  /\b(critical|urgent|high|medium|low)[- ]priority\b|\bpriority(?:\s*[:=]\s*|\s+)(critical|urgent|highest|high|medium|normal|low|lowest)\b|\[(critical|high|medium|low)\]|\b(nice[- ]to[- ]have)\b/gi;

export function findPriority(seg: Segment): Hit<Priority> | undefined {
  for (const m of seg.text.matchAll(P_RE)) {
    const start = seg.offset + m.index;
    return { value: priorityOf(+m[1]), text: m[0], start, end: start + m[0].length };
  }
  for (const m of seg.text.matchAll(PRIORITY_WORD_RE)) {
    const w = m[1] ?? m[2] ?? m[3] ?? m[4];
    const lvl = wordLevel(w);
    if (lvl === undefined) continue;
    const start = seg.offset + m.index;
    return { value: priorityOf(lvl), text: m[0], start, end: start + m[0].length };
  }
  return undefined;
}

/** A Priority column cell: P0–P4, SEV1–SEV4, 1–4, or a word (critical, high, medium, low, nice-to-have). */
export function parsePriorityCell(seg: Segment): Hit<Priority> | undefined {
  const t = seg.text.trim();
  if (!t) return undefined;
  const lead = seg.text.length - seg.text.trimStart().length;
  const start = seg.offset + lead;
  const clean = withoutLeadingMarker(t.replace(/^\*+|\*+$/g, '').trim());
  const m = /^(?:p|sev[- ]?|s)?([0-4])$/i.exec(clean);
  if (m) return { value: priorityOf(+m[1]), text: t, start, end: start + t.length };
  const lvl = wordLevel(clean);
  if (lvl !== undefined) return { value: priorityOf(lvl), text: t, start, end: start + t.length };
  const inline = findPriority(seg);
  return inline;
}

// ------------------------------------------------------------------------------------------------
// Status

/** A status cell or word: "Done", "✅", "✓ Done (commit 28fc1a9)" (a plain check mark before the word), "Open", "Won't fix". */
export function statusOfWord(w: string): ActionItemStatus | undefined {
  const marked = w.trim().replace(/^\*+|\*+$/g, '').trim().toLowerCase();
  if (!marked) return undefined;
  if (/^(✅|✔️?|☑️?|✓|\[x\]|❌)/.test(marked)) return marked.startsWith('❌') ? 'not-doing' : 'done';
  // a cell holding only the sign for work under way: "🔄" (in progress), "⏳" / "⌛" (pending), "🚧" (being built)
  if (/^(?:🔄|⏳|⌛|🚧)\uFE0F?$/u.test(marked)) return 'open';
  // "⏳ Pending", "🔄 In progress": a marker before the word, the word says the status
  const t = withoutLeadingMarker(marked);
  if (!t) return undefined;
  if (/^(done|completed?|accomplished|fixed|closed|resolved|shipped|merged|finished|implemented|documented|verified|deployed|enabled|applied|installed|configured|armed|released|landed|rolled out)\b/.test(t)) return 'done';
  if (/^(won'?t (do|fix)|wontfix|not doing|will not do|cancell?ed|dropped|rejected|declined)/.test(t)) return 'not-doing';
  // "future work" / "Future" / "backlog" in a status column: planned for later, still to do (not let go: that says so)
  if (/^(open|todo|to do|doing|in progress|in-progress|wip|ongoing|planned|proposed|not started|pending|blocked|started|tracked|outstanding|future(?: work)?|backlog|backlogged|not yet (?:started|done|implemented))\b/.test(t)) return 'open';
  return undefined;
}

/** A status cell without the emoji or symbols before its word ("⏳ Pendiente", "🟡 En progreso"). */
export function withoutLeadingMarker(cell: string): string {
  return cell.replace(LEADING_MARKER_RE, '');
}
const LEADING_MARKER_RE = /^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u;

/**
 * A status cell written as a sentence whose leading word is no status: "[Plan](…), not deployed", "Proposal below; not
 * automated", "Pod stopped; namespace deletion pending". Its clauses (split at ";", "," and dashes) are read: one that
 * says the work is not done yet ("not deployed", "not yet merged") or ends in "pending" / "outstanding", or opens with
 * an open status word, makes it open; a clause that reads done ("merged; docs pending") or let go leaves it unread (the
 * cell says two things), and so does a cell with no such clause ("Partly, see thread").
 */
export function statusOfSentence(cell: string): ActionItemStatus | undefined {
  const clauses = cell
    .replace(/\[([^\]\n]{1,80})\]\([^()\s]{0,300}\)/g, '$1')
    .split(/[;,]|\s[—–-]\s/)
    .map((c) => trimEndChars(c.trim(), '.!', true))
    .filter(Boolean);
  if (clauses.length < 2) return undefined;
  let open = false;
  for (const c of clauses) {
    const st = statusOfWord(c);
    if (st === 'done' || st === 'not-doing') return undefined;
    if (st === 'open' || NOT_YET_CLAUSE_RE.test(c) || (PENDING_END_RE.test(c) && !/^(?:no|nothing)\b/i.test(c))) open = true;
  }
  return open ? 'open' : undefined;
}
const NOT_YET_CLAUSE_RE = /^not (?:yet )?(?:deployed|automated|merged|implemented|started|done|shipped|fixed|applied|released|rolled out|enabled|scheduled|landed|built|written|filed|complete|completed|finished|in place)$|^not yet\b/i;
const PENDING_END_RE = /\b(?:pending|outstanding)$/i;

// "*(shipped, #67)*", "*(done during the response)*", "*(outstanding — nothing built)*": a status in an emphasised
// parenthesis after a bold lead, with a word on where or how; not "*(done by Friday)*" (a due date). "Open item,
// deliberately not closed: …", "Still open: …" at the start: the entry says it is not done, in a list of finished work too.
// "✓ Maintain the runbook" / "✔ Add the alert": a plain check mark (no emoji presentation) opening the entry ticks it,
// as a checked box does; inside the words ("12 ✓ 3 ✗") it is not read.
const STATUS_INLINE_RE =
  /(✅|✔️|☑️)|\((done|completed|accomplished|finished|fixed|closed|resolved)\.?\)|\*\*(done|completed|fixed|failed|todo)\*\*|\b(DONE|COMPLETED|FIXED)\b|\bstatus\s*:\s*([\p{L}' -]{2,20})|\b(won'?t do|won'?t fix|wontfix|not doing)\b|^\s*(done|completed|fixed)\s*[:\-–—]|[*_]\((done|completed|fixed|resolved|shipped|merged|outstanding|not started)\b(?![ \t]+(?:by|before|until)\b)[^()*_]{0,120}\)[*_]|^\s*(?:\*\*)?(?:still )?(open|outstanding)(?: (?:item|issue|point|question))?(?:\*\*)?\s*[,:\-–—]|^\s*(✓|✔)(?=\s)/giu;

export function findStatus(seg: Segment): Hit<ActionItemStatus> | undefined {
  for (const m of seg.text.matchAll(STATUS_INLINE_RE)) {
    const word = m.slice(1).find((g) => g !== undefined) ?? '';
    // bare DONE / FIXED count only in capitals: "what can be done" is not a status
    if (m[4] !== undefined && m[4] !== m[4].toUpperCase()) continue;
    const status = statusOfWord(word);
    if (!status) continue;
    const start = seg.offset + m.index;
    return { value: status, text: m[0], start, end: start + m[0].length };
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------
// Tickets

const TICKET_RE = /(?<![\p{L}\p{N}&#/_-])#(\d{1,7})\b|\b((?!(?:SEV|ISO|UTF|UTC|GMT|CVE|COVID|TLS|SSL|HTTP|P|Q|H|RFC|PEP|SHA|MD|IPV|AES|RSA|X)-)[A-Z][A-Z0-9]{1,9}-\d{1,7})\b|\bbug\s+(\d{4,})\b/gu;

export function findTickets(seg: Segment): Hit<string>[] {
  const out: Hit<string>[] = [];
  for (const m of seg.text.matchAll(TICKET_RE)) {
    const start = seg.offset + m.index;
    out.push({ value: m[0], text: m[0], start, end: start + m[0].length });
  }
  return out;
}
