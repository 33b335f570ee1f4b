// Is this the story of one incident, or a document about incidents in general? Runbooks, playbooks, checklists for
// future incidents, "how we run postmortems" pages and meeting notes borrow a postmortem's headings ("Timeline",
// "Post-incident", "Action items") but are written as instructions: "If you see X, do Y", "Step 1", "you should".
// A postmortem tells one past event: past tense, an incident date, a cause. Used only when the headings alone made
// the document look like a postmortem; front matter and path globs still decide on their own.
import type { Postmortem } from './types';
import { blankSpans } from './facts';
import { localGenreTitle } from './section-words';

/** Titles and headings that name a document about incidents in general. */
const GENRE_TITLE_RE =
  /\b(?:run ?books?|play ?books?|check ?lists?|how (?:we|to)|guide(?:lines)?|handbook|procedures?|process(?:es)?|templates?|agenda|attendees|meeting notes|meeting minutes|minutes of (?:the|our|a) |readme|faq|policy|policies|escalation|on-?call rota|(?:weekly|daily|team|reliability) (?:sync|meeting)|standup|stand-up|retro(?:spective)? meeting|attendees|participants)\b|^minutes\b/i;
/** Lines written as instructions or conditions for next time. */
const PROCEDURE_LINE_RE =
  /^\s*(?:(?:[-*+]|\d+[.)])\s*)?(?:\[[ xX]?\]\s*)?(?:step \d+\b|if (?:you|the|an?|it|this|there)\b|when (?:you|an? \w+ (?:fires|alerts|pages))\b|make sure you\b|you (?:should|must|will|can|need|may)\b|(?:do not|don't|never|always) \w+|use this (?:when|if|page|document|template)\b|record|write|give|list|keep|open|schedule|book|add|fill in|copy)\b/i;
const PAST_RE =
  /\b(?:was|were|had|happened|caused|failed|started|stopped|noticed|detected|restarted|reverted|rolled back|resolved|began|fixed|broke|crashed|went down|ran out|filled|deployed|released|lost|missed|paged|alerted|affected|returned|recovered|did not|didn't)\b/gi;
/** Words a title or an opening uses for one thing that went wrong (not "postmortem": guides about them say it too). */
export const INCIDENT_RE =
  /\b(?:incidents?|outages?|breach|downtime|went down|was down|were down|failures?|failed|crash(?:ed|es)?|compromised?|corrupt(?:ed|ion)?|unavailable|data loss|broke|broken)\b/i;
const DATE_RE = /\b\d{4}-\d{2}-\d{2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}\b/i;
/** "On 28th February", "on March 3rd": a day without its year, a date only when the sentence then tells a past event. */
const ON_DAY_RE =
  /\bon (?:(?:the )?\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(?:st|nd|rd|th)?)\b/gi;
const PAST_EVENT_RE = /\b(?:was|were|had|went|stopped|started|failed|broke|crashed)\b/i;

/** A date in the text: a full one, or "On 28th February, … went down" (the day, then in the same sentence a past event). */
function isDated(text: string): boolean {
  if (DATE_RE.test(text)) return true;
  for (const m of text.matchAll(ON_DAY_RE)) {
    const after = m.index + m[0].length;
    if (PAST_EVENT_RE.test(text.slice(after, after + 80).split(/[.\n]/, 1)[0])) return true;
  }
  return false;
}

/**
 * A title that is the collection's name and nothing else ("Incidents", "Postmortems", "Incident reports"): the
 * README or index of an incidents folder, which says how each record is written (its bold "**Summary**" /
 * "**Timeline**" labels describe the sections), not the story of one.
 */
const COLLECTION_TITLE_RE = /^(?:(?:past|previous|production|security|our) )?(?:incidents|outages|post-?mortems|incident (?:reports|reviews|log))$/i;
/** A title or heading that names a document about incidents in general, in English or another language. */
const isGenreTitle = (t: string): boolean => GENRE_TITLE_RE.test(t) || COLLECTION_TITLE_RE.test(t.trim()) || RESPONSE_TITLE_RE.test(t.trim()) || localGenreTitle(t);
/**
 * "Recover from a gatekeeper failure", "Handling a database outage", "Responding to an expired certificate": what to do
 * when any such failure comes (an instruction, and "a" failure, not the one that happened): a runbook's title.
 */
const RESPONSE_TITLE_RE = /^(?:how to )?(?:recover(?:ing)? from|respond(?:ing)? to|handl(?:e|ing)|troubleshoot(?:ing)?|deal(?:ing)? with|fix(?:ing)?|restor(?:e|ing)|resolv(?:e|ing)|mitigat(?:e|ing)|diagnos(?:e|ing)) (?:an?|any) /i;

export interface GenreEvidence {
  /** Signs of a document about incidents in general: genre words in the title or headings, instruction lines. */
  procedure: number;
  /** Signs of the story of one incident: past-tense verbs, a date, a cause. */
  event: number;
}

export function genreEvidence(model: Postmortem, prose: string): GenreEvidence {
  const titles = [model.title?.value ?? '', ...model.allSections.map((s) => s.title)];
  let procedure = 0;
  if (isGenreTitle(model.title?.value ?? model.allSections[0]?.title ?? '')) procedure += 3;
  procedure += Math.min(3, titles.slice(1).filter(isGenreTitle).length);
  const read = proseEvidence(model, prose);
  procedure += read.procedure;
  let event = read.event;
  if (model.date || isDated(titles[0]) || read.dated) event += 2;
  if (model.allSections.some((s) => s.kind === 'contributing-causes') || model.labeledKinds.includes('contributing-causes')) event += 1;
  return { procedure, event };
}

/** The evidence read from the prose, and the action items' spans it was read with. */
type ProseEvidence = { procedure: number; event: number; dated: boolean };
const lastRead = new WeakMap<Postmortem, { prose: string; spans: [number, number][]; read: ProseEvidence }>();

/**
 * The evidence in the prose itself (instruction lines, "you", attendees; past-tense verbs, an early date): the
 * detection asks for it up to three times per document, and a story post once more while its items are collected,
 * so the last answer is kept per model, for the same prose and the same action items.
 */
function proseEvidence(model: Postmortem, prose: string): ProseEvidence {
  const spans = model.actionItems.map((i): [number, number] => [i.range.start.offset, i.range.end.offset]);
  const last = lastRead.get(model);
  if (last && last.prose === prose && last.spans.length === spans.length && last.spans.every(([s, e], k) => s === spans[k][0] && e === spans[k][1])) return last.read;
  // action items are instructions in any postmortem: only the rest of the text counts (blanked in one pass: one
  // slice and concatenation per item copied the whole text each time, ~4.5 s at 1 MB with 2,000 items)
  const rest = blankSpans(prose, spans);
  const lines = rest.split(/\r?\n/);
  let procedure = Math.min(6, lines.filter((l) => PROCEDURE_LINE_RE.test(l)).length);
  procedure += Math.min(3, Math.floor((prose.match(/\byou(?:r)?\b/gi)?.length ?? 0) / 3));
  // blanks up to a line break only: `\s*` from every line start would rescan a long run of blank lines each time
  if (/^[^\S\n\r\u2028\u2029]*(?:\*\*)?(?:attendees|participants|present|agenda)\b/im.test(rest)) procedure += 2;
  const event = Math.min(12, Math.floor((prose.match(PAST_RE)?.length ?? 0) / 2));
  const read = { procedure, event, dated: isDated(prose.slice(0, 1500)) };
  lastRead.set(model, { prose, spans, read });
  return read;
}

/** A document about incidents in general rather than the story of one. */
export function isProcedure(model: Postmortem, prose: string): boolean {
  const { procedure, event } = genreEvidence(model, prose);
  return procedure >= 3 && procedure > event;
}

/**
 * The writing tells one past event at length (event evidence ≥ 6) with few instructions (procedure at most half of
 * it), whatever its headings: a blog post told as a story, not a process page that says "we'll improve …".
 */
export function toldAsStory(model: Postmortem, prose: string): boolean {
  const { procedure, event } = genreEvidence(model, prose);
  return event >= 6 && procedure * 2 <= event;
}

/** A title that names one incident ("Travis CI Security Incident", "Incident Report: …", "… outage"); not "postmortem": pages about postmortems in general say it as often. */
const ONE_INCIDENT_TITLE_RE = /\b(?:incident|outage|breach)\b/i;
/**
 * A title that tells in the past tense what went wrong ("Our Domain Expired and it Took Out All Our Services", "The day
 * the API went down"): it names one event as a date would, so it stands in for one.
 */
const PAST_FAILURE_TITLE_RE = /\b(?:expired|went down|was down|were down|crashed|took (?:out|down)|leaked|was compromised|were compromised)\b/i;
/** …and not a page about handling incidents in general ("Security Incident Response", "Incident reporting"). */
const INCIDENTS_IN_GENERAL_RE = /\b(?:response|process(?:es)?|handling|reporting|management|plans?|polic(?:y|ies)|index|repository|template)\b/i;

/**
 * The story of one incident told without the usual headings: a security incident post with only "Our Response" or
 * "Response timeline", a blog post with only "But how did this happen?". Its title names one incident, it tells a dated
 * past event at length (event evidence ≥ 6 with a date; a title that tells the failure in the past tense stands in for
 * the date) and next to no instructions (procedure at most a third of it). Used when only one canonical section is there.
 */
export function toldAsOneIncident(model: Postmortem, prose: string): boolean {
  const title = model.title?.value ?? '';
  const toldInTitle = PAST_FAILURE_TITLE_RE.test(title);
  if (!(ONE_INCIDENT_TITLE_RE.test(title) || toldInTitle) || INCIDENTS_IN_GENERAL_RE.test(title) || GENRE_TITLE_RE.test(title)) return false;
  const dated = toldInTitle || !!model.date || DATE_RE.test(title) || isDated(prose.slice(0, 1500));
  const { procedure, event } = genreEvidence(model, prose);
  return dated && event >= 6 && procedure * 3 <= event;
}

/**
 * The title and date a blog engine's header declares where the markdown reader sees none: TOML front matter
 * (`+++` … `title = "…"`) or the `key: value` lines a Pelican / Jekyll export leaves above the text without `---`
 * ("title: apache.org incident report for 05292012", "date: '2012-05-29T16:59:09+00:00'"). Read only to judge the
 * writing; front matter proper still decides on its own.
 */
function declaredHeader(text: string): { title?: string; date?: string } {
  const head = text.slice(0, 3000);
  const toml = /^\uFEFF?\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n\+\+\+/.exec(head);
  const lines = toml ? toml[1] : /^\uFEFF?(?:[ \t]*\r?\n)*((?:[A-Za-z][\w-]{0,30}[ \t]*:[^\n]*\r?\n){2,15})/.exec(head)?.[1];
  if (!lines) return {};
  const value = (key: string) => new RegExp(`^${key}[ \\t]*[:=][ \\t]*["']?([^"'\\r\\n]{1,200})`, 'im').exec(lines)?.[1].trim();
  return { title: value('title'), date: value('date') };
}

/**
 * What a story of an incident opens with: something went wrong for the people using a service. A report about other
 * work (a release, an evaluation run, a migration plan) tells past events with dates and causes too, not a failure.
 * "Postmortem" is not one: it names the genre, and documents about postmortems and their tools use it too.
 */
const FAILURE_RE =
  /\b(?:incident|outages?|breach|went down|was down|were down|downtime|failure|compromised?|attacker|intrusion|corrupt(?:ion|ed)|(?:deleted|lost) (?:all|every|the)|crash(?:ed|es)?|disruption|expired|leaked|unavailable|unreachable)\b/i;

/**
 * The text without its table rows: a story opens in sentences. A report of test runs or probes ("| 1 | Grammar fuzzer
 * … | **0 crashes** … |", "| … | 3 … post-mortems (… login outage) |") names failures in its tables without telling one.
 */
function withoutTableRows(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('|'))
    .join('\n');
}

/** Words that say why it happened: the cause a story of one incident gives. */
const CAUSE_RE = /\b(?:caused by|was caused|root cause|due to|because|the cause|resulted in|led to|triggered)\b/i;

/**
 * The story of one incident told without a postmortem's headings: a blog post ("Unintended reset on the bridge",
 * "June 2020 database outage post-mortem", an incident report written as HTML paragraphs). Dated (front matter, a
 * declared header date, or a date in the title or opening), told in the past at length (event evidence ≥ 8), next to
 * no instructions (procedure at most a quarter of it), and giving a cause; its title (read from a TOML or Pelican
 * header too) does not name a document about incidents in general or a meeting.
 */
export function toldAsStoryOfOneIncident(model: Postmortem, prose: string): boolean {
  const declared = declaredHeader(model.text);
  const title = model.title?.value ?? declared.title ?? '';
  if (GENRE_TITLE_RE.test(title) || GENRE_TITLE_RE.test(declared.title ?? '') || INCIDENTS_IN_GENERAL_RE.test(title)) return false;
  const dated = !!model.date || !!(declared.date && /^\d{4}-\d{2}-\d{2}/.test(declared.date)) || DATE_RE.test(title) || isDated(prose.slice(0, 1500));
  if (!dated || !CAUSE_RE.test(prose) || !(FAILURE_RE.test(title) || FAILURE_RE.test(withoutTableRows(prose.slice(0, 1500))))) return false;
  const { procedure, event } = genreEvidence(model, prose);
  return event >= 8 && procedure * 4 <= event;
}

/**
 * A title that calls the document the post-mortem of one thing: "Postmortem for Reliability Issues on Tuesday, March
 * 31st", "Post-mortem and remediations for Apr 11 security incident", "A Post Mortem of The Burning Bug", "Twitter,
 * Elon & Fosstodon - A Post-Mortem", "RuCTF 2023 | Post-mortem", "Apache httpd 2.4.50 post mortem" (a name and its
 * year or version). Not a collection ("Postmortems for Dagpenger"), a form's heading ("Postmortem:
 * {Incident Title}", "Security postmortem for CVE-YEAR-…"), nor the post-mortem of a project, a product or a year.
 */
const OWN_POSTMORTEM_TITLE_RE = /^(?:an? |the |our )?post[- ]?mortem (?:(?:and|&) [\w-]+ )?(?:of|for|on|into) \S|\s[-–—:|]\s*(?:an? |our )?(?:blameless )?post[- ]?mortem$|(?:^|\s)(?!(?:our|the|a|an|my|this|last|annual|yearly)\s)[a-z][\w.-]*\s\d[\w.]*\s+post[- ]?mortem$/i;
const NOT_ONE_EVENT_RE = /[{}[\]<>]|\b(?:projects?|startups?|company|games?|products?|years?|quarters?|sprints?|releases?|launch(?:es)?|campaigns?|courses?|semesters?|careers?|hackathons?|jams?)\b/i;

/** The title calls the page the post-mortem of one thing ("INC-2026-07-checkout-surge — Blameless postmortem"). */
export function namesItsOwnPostmortem(title: string): boolean {
  return OWN_POSTMORTEM_TITLE_RE.test(title) && !NOT_ONE_EVENT_RE.test(title) && !GENRE_TITLE_RE.test(title) && !INCIDENTS_IN_GENERAL_RE.test(title);
}

/**
 * The post-mortem of one event, told as a post rather than under a postmortem's headings: its title says so
 * (OWN_POSTMORTEM_TITLE_RE; from a TOML or Pelican header too) and the writing tells past events (event evidence ≥ 4)
 * more than it instructs. The title stands in for the date and the cause a headless story is asked for.
 */
export function titledPostmortemOfOneEvent(model: Postmortem, prose: string): boolean {
  if (!namesItsOwnPostmortem(model.title?.value ?? declaredHeader(model.text).title ?? '')) return false;
  const { procedure, event } = genreEvidence(model, prose);
  return event >= 4 && procedure < event;
}

/**
 * A status page's entry for one incident (cState's `section: issue` pages, Statuspage exports): the page itself says
 * a service went down or was disrupted and came back (`severity: down` or `disrupted` with `resolved: true` in its
 * front matter), or its text is the update log such a page keeps ("*Investigating* - …", "*Monitoring* - …",
 * "*Update* - This incident has been resolved.") and reaches a resolution. Not a maintenance notice or a project note
 * (`informational: true`, `severity: notice`), nor an automated alert still open: nothing was resolved there.
 */
export function toldAsStatusEntry(model: Postmortem): boolean {
  const fm = model.frontMatter?.data ?? {};
  if (fm.informational === true || fm.automated === true) return false;
  const body = model.text.slice(model.frontMatter?.range.end.offset ?? 0);
  if (!/\p{L}/u.test(body)) return false;
  const severity = String(fm.severity ?? '').toLowerCase();
  if ((severity === 'down' || severity === 'disrupted') && fm.resolved === true) return true;
  const updates = [...body.matchAll(STATUS_UPDATE_RE)].map((m) => m[1].toLowerCase());
  return new Set(updates).size >= 2 && (updates.includes('resolved') || RESOLVED_RE.test(body));
}
/** "*Investigating* -", "**Monitoring** –", "_Resolved_:": a status page's update, its state in emphasis at a line's start. */
const STATUS_UPDATE_RE = /^[ \t]*[*_]{1,2}(investigating|identified|monitoring|update|resolved)[*_]{1,2}[ \t]*[-–—:]/gim;
const RESOLVED_RE = /\b(?:has been|have been|was|is now|is) (?:fully )?resolved\b/i;
