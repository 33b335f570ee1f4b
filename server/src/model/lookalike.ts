// Documents that borrow a postmortem's headings without telling one incident, told apart by their shape rather than
// their wording (model/genre.ts reads the wording): a template whose sections still hold placeholders and prompts, a
// vulnerability report form, a page about postmortems in general, a runbook, the notes of a release retrospective,
// a reference page (a command's, a library's: model/reference-page.ts), the report of a drill or exercise, a log of
// many incidents, investment research about a stock's fall. Found by two probes of 80 real look-alikes each (issue 8).
// Used only when the headings or the writing made the document look like a postmortem; front matter and path globs
// still decide on their own.
import type { Postmortem, SectionKind } from './types';
import { normalizeHeading } from './sections';
import { genreEvidence, INCIDENT_RE, namesItsOwnPostmortem } from './genre';
import { readsAsReferencePage } from './reference-page';
import { isTemplate } from './template-text';
import { isEmptyIncidentLog, retellsOtherPartysIncident } from './not-own-incident';

export type LookalikeShape =
  | 'template'
  | 'other-party-incident'
  | 'report-form'
  | 'about-postmortems'
  | 'runbook'
  | 'release-retrospective'
  | 'reference-page'
  | 'exercise'
  | 'market-research'
  | 'field-record'
  | 'incident-log'
  | 'planned-work'
  | 'link-list'
  | 'advisory'
  | 'known-issues'
  | 'periodic-report'
  | 'status-update';

/**
 * A title naming the genre in the plural, its blameless kind or its practice: a page about postmortems or
 * retrospectives ("Project Retrospectives", a folder's index with the format they follow, "Chapter 15: Postmortem
 * Culture: Learning from Failure", "Our postmortem process"), not one of them.
 */
const ABOUT_POSTMORTEMS_RE = /\bpost[- ]?mortems\b|\bblameless post[- ]?mortem|\bretrospectives\b/i;
/** The practice itself: no incident is named however the title goes on ("…: Learning from Failure"). */
const POSTMORTEM_PRACTICE_RE = /\bpost[- ]?mortem (?:culture|process(?:es)?|practices?|guidelines?)\b/i;
/**
 * The opening defines the genre ("A postmortem is a tool widely used in the tech industry", "A post-mortem is a
 * written record of an incident"): a course page or an article about postmortems. A postmortem tells its incident.
 */
/** A clause that asks the reader to write one: "…, write a postmortem.", "Write your own incident report." */
const ASKS_TO_WRITE_RE = /(?:^|[.,:;!?][ \t]|\band[ \t])[ \t]*(?:(?:please|now|then) )?(?:write|draft)\s(?:a|an|your(?: own)?)\s(?:post[- ]?mortem|incident\sreport|rca)\b/im;
const DEFINES_GENRE_RE = /\b(?:a|an) (?:incident )?post[- ]?mortem (?:\([^)\n]{0,60}\) )?is (?:a|an|the)\b/i;
/**
 * A status update of an incident still being worked: it promises the next update ("**Next Update**: Within 30
 * minutes", a "## Next update" heading). A postmortem is written once the incident is over; one that quotes the
 * updates it sent quotes them in prose or a block quote.
 */
const NEXT_UPDATE_RE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?next update(?:\*\*|__)?[ \t]*:|^#{1,6}[ \t]+next update[ \t]*$/im;
/** A title naming a runbook or playbook: steps for next time. */
const RUNBOOK_RE = /\b(?:run ?books?|play ?books?)\b/i;
/**
 * The opening calls the page a runbook ("Here is a runbook for the SNMP trap …", "This runbook covers …"): an alert's
 * page titled with the alert's name, its "Impact" and "Mitigation" the ones to expect next time.
 */
const OPENS_AS_RUNBOOK_RE = /\b(?:here is|this is) (?:a|the) (?:run ?book|play ?book)\b|\bthis (?:run ?book|play ?book) (?:describes|covers|explains|defines|outlines|documents|walks|is for)\b/i;
/**
 * A title naming the plan or process for handling incidents ("Incident Response Plan - PoliSim", "Disaster Recovery
 * Plan"): who does what next time, with "Post-Incident Review" and "Lessons Learned" sections about reviews in general.
 */
const RESPONSE_PLAN_TITLE_RE = /\b(?:incident|security|emergency|disaster) (?:response|recovery|management) (?:plan|process|procedures?|polic(?:y|ies)|guide|handbook)\b/i;
/**
 * A runbook whose steps are its headings ("### 1. Check Pool Utilization Metrics", "### 2. Identify Long-Running
 * Queries", "### 4. Check for Connection Leaks"): three numbered headings at least that tell the reader what to check,
 * a third of the page's headings. A postmortem numbers what happened or what was found, not what to check next time.
 */
const STEP_HEADING_RE =
  /^(?:step[ \t]*)?\d{1,2}[.):]?[ \t]*(?:[-–—:][ \t]*)?(?:check|verify|identify|review|confirm|inspect|run|restart|scale|look|ensure|validate|investigate|examine|query|collect|gather|escalate|determine|locate|assess)\b/i;
function stepsAsHeadings(model: Postmortem): boolean {
  const steps = model.allSections.filter((s) => STEP_HEADING_RE.test(s.title.trim())).length;
  return steps >= 3 && steps * 3 >= model.allSections.length;
}
/** …and nothing else in the title tells something that went wrong ("Postmortem: our incident response plan failed"). */
function namesResponsePlan(title: string): boolean {
  const rest = title.replace(RESPONSE_PLAN_TITLE_RE, ' ');
  return rest !== title && !WENT_WRONG_RE.test(rest) && !POSTMORTEM_TITLE_RE.test(rest);
}
/**
 * A periodic report ("Weekly Insight Addendum — Sync Health (Draft 2025-10-09)", "Monthly reliability report"): the
 * period's figures, open anomalies and next steps, its title naming no incident and nothing gone wrong.
 */
const PERIODIC_TITLE_RE = /^(?:bi-?weekly|weekly|monthly|quarterly|daily)\b/i;
/**
 * Sections marked optional ("## Lessons Learned (Optional)", "## Customer Impact (Optional)"): a template's scaffolding,
 * filled with sample content or not. Three at least; a postmortem does not label its own sections optional.
 */
const OPTIONAL_HEADING_RE = /\((?:optional|if any|if applicable)\)[\s.:]*$/i;
const MIN_OPTIONAL_HEADINGS = 3;
/** A page of known issues ("Known Issues"): each with its symptom, cause, impact and workaround, none an incident. */
const KNOWN_ISSUES_TITLE_RE = /^(?:known (?:issues|errors|bugs|problems|limitations))$/i;
/**
 * A vulnerability advisory (GitHub's "Impact / Patches / Workarounds / References"): the flaw, the versions that fix
 * it and what to do meanwhile, often told in the past ("did not impose any cap"); a postmortem names neither.
 */
const PATCHES_HEADING_RE = /^(?:patches|patched versions?|fixed versions?)$/;
const WORKAROUNDS_HEADING_RE = /^workarounds?$/;
function isAdvisory(model: Postmortem, kinds: ReadonlySet<SectionKind | undefined>): boolean {
  if (kinds.has('timeline')) return false;
  const headings = model.allSections.map((s) => normalizeHeading(s.title));
  return headings.some((h) => PATCHES_HEADING_RE.test(h)) && headings.some((h) => WORKAROUNDS_HEADING_RE.test(h));
}
/**
 * A title naming the retrospective of a release, sprint or milestone ("Flutter 2.8 Stable Retrospective", "Sprint 14
 * retro", "Sprint 4 Retrospective (06/08/2025)"): meeting notes about how a piece of planned work went, told in the
 * past with dates and "Action Items" like a postmortem, but about no failure. "Retrospective: OP Drop #1" and "Release
 * outage retrospective" tell incidents.
 */
const RELEASE_RETRO_RE =
  /\b(?:release|sprint|stable|beta|milestone|iteration|quarter(?:ly)?|project)(?: v?\d[\w.]*| #\d+)? retro(?:spective)?\b|\bretro(?:spective)?[ \t]*[-–—:|][ \t]*(?:release|sprint|milestone|iteration)\b/i;
/**
 * "Global Game Jam 2019", "Ludum Dare 54", "Spring hackathon": a game developer's or a hackathon team's "post mortem"
 * of the event, with "Learnings" and a day-by-day "Timeline" of the work, about no failure.
 */
const JAM_TITLE_RE = /\b(?:game ?jam|ludum dare|hackathon|hack ?week|js13k(?:games)?)\b/i;
/**
 * A page titled as a retrospective whose headings name the sprint or release it reviews ("Retrospective Insights" over
 * "## Current Sprint Retrospective" and "### Sprint 18"): the notes of planned work, even where they mention bugs or a
 * delay ("Zero production bugs this sprint", "caused a 2-day delay").
 */
function headsSprintRetrospective(model: Postmortem): boolean {
  return model.allSections.some((s) => RELEASE_RETRO_RE.test(s.title) && !INCIDENT_RE.test(s.title));
}
/**
 * "Retrospective: Custom Components vs. Shadcn": a retrospective of a piece of work whose opening names nothing that
 * went wrong for anyone (no failure, error, outage, bug, delay): how some work went, with "Root Cause" and "Action
 * Items" headings. "Retrospective: OP Drop #1" opens with the services that failed under the load.
 */
const RETRO_TITLE_RE = /\bretro(?:spective)?\b/i;
const WENT_WRONG_RE =
  /\b(?:incidents?|outages?|breach|downtime|went down|was down|were down|fail(?:s|ed|ing|ures?)?|crash(?:ed|es)?|compromised?|corrupt(?:ed|ion)?|unavailable|unreachable|data loss|broke|broken|errors?|bugs?|degraded|stuck|regressions?|lost|delay(?:s|ed)?|disruption|expired|leaked|attack(?:er|ers)?|impact(?:ed)?|affected)\b/i;

/**
 * A title naming a rehearsal: a disaster-recovery drill, a tabletop exercise, a game day, a failover or load test
 * ("DR Tabletop - 2026-02-18", "Disaster Recovery Drill Report", "Tabletop Exercise Report", "Load Test Report"), or
 * the report of a planned verification run ("Verification report: the stack on real AWS infrastructure": bring-up,
 * checks, a chaos test and teardown, scheduled on purpose). Its report has a scenario, a timeline, lessons and
 * follow-ups like a postmortem, but what it tells was staged on purpose; "Outage during the DR drill" and "Postmortem:
 * restore test wiped staging" tell incidents.
 */
const EXERCISE_RE =
  /\b(?:drills?|table-?tops?|game ?days?|war ?games?|exercises?|simulations?|(?:chaos|failover|restore|recovery|dr|resilience|load|stress|soak) (?:test(?:s|ing)?|experiments?|engineering)|verification (?:reports?|runs?))\b/i;
/**
 * The title calls the page the report of a rehearsal ("Game Day Report — Synthetic Route Probe Outage", "Drill
 * results: …"): the failure it names was the staged one when the text says so (STAGED_RE).
 */
const EXERCISE_REPORT_RE =
  /\b(?:drill|table-?top|game ?day|exercise|simulation|(?:chaos|failover|restore|recovery|dr|load) test(?:ing)?) (?:report|results?|summary|review|debrief|notes)\b/i;
const STAGED_RE = /\b(?:simulat(?:ed|ion|ing)|intentionally|deliberately|on purpose|as expected|injected)\b/i;
/**
 * The first block of the page says what it is: "> **Drill — not real production drift.** This is a controlled … drill",
 * "This was a game day, not a real outage.": a rehearsal written up in a postmortem's shape, whatever its title says.
 * Both must be there, the rehearsal and its denial: "This was not a drill" or "Outage during the DR drill" tell incidents.
 */
const OPENING_REHEARSAL_RE = /\b(?:drills?|table-?tops?|game ?days?|exercises?|rehearsals?|simulations?)\b/i;
const NOT_REAL_RE = /\bnot (?:an? )?(?:real|actual|live)\b/i;
export function opensAsRehearsal(model: Postmortem): boolean {
  const body = model.text.slice(model.frontMatter?.range.end.offset ?? 0).replace(/^\s+/, '');
  const first = body.split(/\n[ \t]*\n/, 1)[0].slice(0, 600);
  return OPENING_REHEARSAL_RE.test(first) && NOT_REAL_RE.test(first);
}

/**
 * Investment research written as the "postmortem" of a stock's fall ("PayPal Q4 2025: The Turnaround Break", with
 * "Ticker: NASDAQ: PYPL" and "This is investment research, not personalized financial advice." above its first
 * section): a timeline of prices and "What Actually Broke" in a business's results, not a failure of something the
 * writer runs. Read from its header block, where such a page says what it is.
 */
const TICKER_FIELD_RE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:ticker|stock symbol)(?:\*\*|__)?:/im;
const NOT_ADVICE_RE = /\b(?:not (?:personali[sz]ed |personal |individual )?(?:financial|investment) advice|this is (?:an? )?(?:investment|equity|market) (?:research|analysis))\b/i;
export function opensAsMarketResearch(model: Postmortem): boolean {
  const block = headerBlock(model);
  return TICKER_FIELD_RE.test(block) || NOT_ADVICE_RE.test(block);
}

/** The page's header block: after the front matter, above its first section, a few thousand characters at most. */
export function headerBlock(model: Postmortem): string {
  const start = model.frontMatter?.range.end.offset ?? 0;
  const head = model.text.slice(start, start + HEADER_CHARS);
  const section = /\n#{2,6}[ \t]/.exec(head);
  return section ? head.slice(0, section.index) : head;
}
/** How far into the page a header line ("Type:", "Ticker:") still describes it. */
const HEADER_CHARS = 3000;

/**
 * A catalogue's record in markdown: most of its list items are code-formatted keys with a value ("- `root_cause`:
 * plain-error …", "- `time_to_detect`: immediate", "- `structural_fix`: none on public record"), the fields of a
 * registry or database entry, often about another party's incident. Its headings ("The failure", "Impact", "Detection
 * and recovery") group fields; nobody owning the incident wrote it as a postmortem to lint. Ten such fields at least,
 * and two thirds of the list items.
 */
export function isFieldRecord(text: string): boolean {
  let fields = 0;
  let items = 0;
  for (const m of text.matchAll(LIST_ITEM_RE)) {
    items++;
    if (CODE_KEY_RE.test(m[1])) fields++;
  }
  return fields >= 10 && fields * 3 >= items * 2;
}
const LIST_ITEM_RE = /^[ \t]{0,3}[-*+][ \t]+(\S[^\n]{0,60})/gm;
/** "`root_cause`:", "`id`:": a key in code, then its colon. */
const CODE_KEY_RE = /^`[A-Za-z][\w.-]{0,40}`[ \t]*:/;

/**
 * A log of many incidents: "# CPU Timeout Incident Tracking", "## Incident Log" over "### Incident #5: Shard3 CPU
 * Timeout - October 26, 2025", "### Incident #4: …", then patterns, standing protections and next steps. A page that
 * coordinates a recurring failure across its occurrences, not the postmortem of one: three numbered incidents at least,
 * and the title or a heading calls the page a log. Two incidents written up in one file ("## Incident 2: …", "## Incident
 * 1: …") are a postmortem of both.
 */
function isIncidentLog(model: Postmortem): boolean {
  const titles = [model.title?.value ?? '', ...model.allSections.map((s) => s.title)];
  if (!titles.some((t) => INCIDENT_LOG_TITLE_RE.test(t))) return false;
  return model.allSections.filter((s) => NUMBERED_INCIDENT_RE.test(normalizeHeading(s.title))).length >= 3;
}
const INCIDENT_LOG_TITLE_RE = /\bincidents? (?:log|logbook|tracking|tracker|history|register)\b|\b(?:log|history|register) of incidents\b/i;
/** "Incident #5: …", "Incident 3 - …", "Outage #12": one entry of the log. */
const NUMBERED_INCIDENT_RE = /^(?:incident|outage)\s?#?\d{1,4}\b/;

/**
 * A disclosure of work the operator chose to do: "# 2026-06-28 — Models taken offline for hardware migration" with
 * Status, Detection ("Pause initiated …", "Reason: the operator elected to migrate …"), Scope and Customer impact.
 * Nothing failed and nothing caused it, so it has no causes and no follow-ups to lint: the title names the planned work
 * (maintenance, a migration, an upgrade, a pause) and nothing that went wrong, the opening says it was chosen, and no
 * heading names causes or action items. "Migration outage", "Postmortem: upgrade failed" tell incidents.
 */
const PLANNED_WORK_TITLE_RE = /\b(?:maintenance|migrations?|migrat(?:e|ed|ing)|upgrades?|upgrading|paused?|taken offline|planned|scheduled|rebuild(?:ing)?)\b/i;
const CHOSEN_RE = /\b(?:elected to|chose to|decided to|opted to|planned|scheduled|intentional(?:ly)?|deliberate(?:ly)?|on purpose)\b/i;
export function disclosesPlannedWork(model: Postmortem): boolean {
  const title = model.title?.value ?? model.allSections[0]?.title ?? '';
  if (!PLANNED_WORK_TITLE_RE.test(title) || INCIDENT_RE.test(title) || WENT_WRONG_RE.test(title) || POSTMORTEM_TITLE_RE.test(title)) return false;
  const named = (k: SectionKind) => model.allSections.some((s) => s.kind === k) || model.labeledKinds.includes(k);
  if (named('contributing-causes') || named('action-items')) return false;
  const start = model.frontMatter?.range.end.offset ?? 0;
  return CHOSEN_RE.test(model.text.slice(start, start + PLANNED_OPENING_CHARS));
}
const PLANNED_OPENING_CHARS = 1500;

/**
 * A page of links to other write-ups: "Postmortems/Incident Reports/War Stories from real-world failures" over
 * "### Acme" headings whose bullets are "[Acme outage on March 3](https://…)", some with a line of description under
 * them. It names outages, dates and causes in its link texts without telling one. Eight such bullets at least, and
 * half of the page's lines (a postmortem's "References" list is a few lines among many).
 */
export function listsOtherWriteUps(model: Postmortem): boolean {
  let links = 0;
  let lines = 0;
  for (const line of model.text.slice(model.frontMatter?.range.end.offset ?? 0).split('\n')) {
    if (!line.trim() || /^[ \t]{0,3}#/.test(line)) continue;
    lines++;
    if (LINK_BULLET_RE.test(line)) links++;
  }
  return links >= MIN_LINK_BULLETS && links * 2 >= lines;
}
/** "- [Title](https://…)", "* **[Title](…)**": a bullet that opens with a link. */
const LINK_BULLET_RE = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\*\*|__)?\[[^\]\n]{1,300}\]\([^)\s]{1,500}\)/;
const MIN_LINK_BULLETS = 8;

/**
 * A collection's README that says how each of its postmortems is written: "Each postmortem follows a standard …
 * structure:" over "- **Summary**: High-level overview of the incident.", "- **Impact**: …", "- **Prevention**: Action
 * items …". Its bold labels describe the sections; it tells no incident. Only when no heading of the page is a
 * postmortem's section: a postmortem written under its headings keeps them.
 */
function describesTheFormat(model: Postmortem): boolean {
  if (model.allSections.some((s) => s.kind && s.kind !== 'deferred')) return false;
  return FORMAT_LEAD_RE.test(model.text);
}
const FORMAT_LEAD_RE =
  /\b(?:each|every)\s+(?:post[- ]?mortem|incident (?:report|review)|write-?up|retrospective|rca)\s+(?:here\s+|in this (?:repository|repo|folder|directory)\s+)?(?:follows|uses|is (?:written|structured|laid out)|contains|includes|has (?:the|these|this|a) (?:sections?|structure|format|shape))\b/i;

/** A title that names a postmortem in so many words (INCIDENT_RE leaves "postmortem" out: pages about them say it). */
const POSTMORTEM_TITLE_RE = /\bpost[- ]?mortem|\bpost[- ]incident\b|\broot cause\b|\brca\b/i;
/** A page that describes the sections of a postmortem ("This section outlines the key events…"), not one of them. */
const SELF_DESCRIPTION_RE = /\bthis (?:section|part)\b/gi;
/** Headings of a vulnerability report form (GitHub's "Summary / Details / PoC / Impact", "Patches", "Workarounds"). */
const REPORT_FORM_HEADING_RE = /^(?:proof of concept|poc|patches|workarounds?|steps to reproduce)\b/;

/**
 * The title names the genre in the plural ("Post-mortems", "Incident retrospectives"), not one incident: a page about
 * postmortems, such as a folder's index, whatever its front matter says (`kind: postmortem` is the folder's kind).
 */
export function titledAboutPostmortems(model: Postmortem): boolean {
  const title = model.title?.value ?? model.allSections[0]?.title ?? '';
  if (namesItsOwnPostmortem(title) || collectsOneOrTwo(model, title)) return false;
  return POSTMORTEM_PRACTICE_RE.test(title) || WRITING_GUIDE_TITLE_RE.test(title.trim()) || (ABOUT_POSTMORTEMS_RE.test(title) && !INCIDENT_RE.test(title));
}
/**
 * "Write an incident report", "How to write a postmortem", "Running a post-incident review": a guide to the genre, titled
 * by what it teaches (its sections are the template's, each with a good and a bad example).
 */
const WRITING_GUIDE_TITLE_RE =
  /^(?:how to |how we )?(?:write|writing|fill(?:ing)? in|run|running|hold|holding|conduct|conducting)\s+(?:(?:an?|the|your|our|good|great|effective|useful|blameless)\s+){0,2}(?:incident (?:reports?|reviews?)|post[- ]?mortems?|post[- ]incident (?:reports?|reviews?)|rcas?|root cause analys[ie]s)$/i;

/**
 * "# Postmortems" over "## 2023-09-12" and its "### Problem", "### Solution", …: a project's file of its postmortems,
 * holding one or two written up by date, is the postmortem of those (as two incidents in one file are); three or more
 * make a log (isIncidentLog), and none a page about the practice.
 */
function collectsOneOrTwo(model: Postmortem, title: string): boolean {
  if (!COLLECTION_TITLE_RE.test(title.trim())) return false;
  const dated = model.allSections.filter((s) => DATED_ENTRY_RE.test(s.title.trim())).length;
  return dated >= 1 && dated <= 2;
}
const COLLECTION_TITLE_RE = /^(?:post[- ]?mortems|incidents|incident reports|outages)$/i;
const DATED_ENTRY_RE = /^\d{4}-\d{2}-\d{2}\b/;

/**
 * The shape of a look-alike, when the document has one; undefined for a document that may be a postmortem.
 * `kinds`: the canonical section kinds its headings and bold labels matched.
 */
export function lookalikeShape(model: Postmortem, prose: string, kinds: ReadonlySet<SectionKind | undefined>): LookalikeShape | undefined {
  const title = model.title?.value ?? model.allSections[0]?.title ?? '';
  if (isTemplate(model.text) || model.allSections.filter((s) => OPTIONAL_HEADING_RE.test(s.title)).length >= MIN_OPTIONAL_HEADINGS) return 'template';
  if (titledAboutPostmortems(model)) return 'about-postmortems';
  if ((RUNBOOK_RE.test(title) || OPENS_AS_RUNBOOK_RE.test(headerBlock(model))) && !INCIDENT_RE.test(title)) return 'runbook';
  if (namesResponsePlan(title) || stepsAsHeadings(model)) return 'runbook';
  if (KNOWN_ISSUES_TITLE_RE.test(title.trim())) return 'known-issues';
  if (PERIODIC_TITLE_RE.test(title.trim()) && !INCIDENT_RE.test(title) && !WENT_WRONG_RE.test(title) && !POSTMORTEM_TITLE_RE.test(title)) return 'periodic-report';
  if ((RELEASE_RETRO_RE.test(title) || JAM_TITLE_RE.test(title)) && !INCIDENT_RE.test(title)) return 'release-retrospective';
  if (RETRO_TITLE_RE.test(title) && !INCIDENT_RE.test(title) && !POSTMORTEM_TITLE_RE.test(title)) {
    if (!WENT_WRONG_RE.test(prose.slice(0, 1500)) || headsSprintRetrospective(model)) return 'release-retrospective';
  }
  if (EXERCISE_RE.test(title) && !POSTMORTEM_TITLE_RE.test(title)) {
    if (!INCIDENT_RE.test(title) || (EXERCISE_REPORT_RE.test(title) && STAGED_RE.test(prose))) return 'exercise';
  }
  if (opensAsRehearsal(model)) return 'exercise';
  if (NEXT_UPDATE_RE.test(model.text) && !POSTMORTEM_TITLE_RE.test(title)) return 'status-update';
  if (DEFINES_GENRE_RE.test(prose.slice(0, 2000)) && [...kinds].every((k) => k === undefined || k === 'summary')) return 'about-postmortems';
  // a course's assignment: its opening asks the reader to write one ("Using … an outage you have personally faced,
  // write a postmortem."), then lists what each section must contain
  // (not a postmortem under its own headings that plans to write one up: "… will investigate and write a postmortem")
  if (ASKS_TO_WRITE_RE.test(prose.slice(0, 600)) && !model.allSections.some((s) => s.kind && s.kind !== 'summary')) return 'about-postmortems';
  if (opensAsMarketResearch(model)) return 'market-research';
  if (isFieldRecord(model.text)) return 'field-record';
  if (isIncidentLog(model) || isEmptyIncidentLog(model)) return 'incident-log';
  if (retellsOtherPartysIncident(model)) return 'other-party-incident';
  if (disclosesPlannedWork(model)) return 'planned-work';
  if (listsOtherWriteUps(model)) return 'link-list';
  if (describesTheFormat(model)) return 'about-postmortems';
  const event = () => genreEvidence(model, prose).event;
  // what each section of a postmortem holds, told at most in passing in the past (a real one says "this section" once)
  if ((prose.match(SELF_DESCRIPTION_RE)?.length ?? 0) >= 2 && event() < 6) return 'about-postmortems';
  // a vulnerability advisory, filled in: what is affected, the patched versions, the workarounds
  if (isAdvisory(model, kinds)) return 'advisory';
  // a report form: its prompts tell nothing that happened (no date, next to no past tense)
  if (model.allSections.some((s) => REPORT_FORM_HEADING_RE.test(normalizeHeading(s.title))) && event() === 0) return 'report-form';
  // a tool's or a library's reference page that shares a few section names (model/reference-page.ts)
  if (readsAsReferencePage(model, prose, kinds)) return 'reference-page';
  return undefined;
}
