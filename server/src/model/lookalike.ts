// Documents that borrow a postmortem's headings without telling one incident, told apart by their shape rather than
// their wording (model/genre.ts reads the wording): a template whose sections still hold placeholders and prompts, a
// vulnerability report form, a page about postmortems in general, a runbook, the notes of a release retrospective,
// a reference page (a command's, a library's: model/reference-page.ts), the report of a drill or exercise. Found by
// two probes of 80 real look-alikes each (issue 8). Used only when the headings or the writing made the document look
// like a postmortem; front matter and path globs still decide on their own.
import type { Postmortem, SectionKind } from './types';
import { normalizeHeading } from './sections';
import { genreEvidence, INCIDENT_RE } from './genre';
import { readsAsReferencePage } from './reference-page';
import { pushAll } from './scan';
import { isBracedNote } from './action-items/common';

export type LookalikeShape =
  | 'template'
  | 'report-form'
  | 'about-postmortems'
  | 'runbook'
  | 'release-retrospective'
  | 'reference-page'
  | 'exercise';

/**
 * A title naming the genre in the plural, or its blameless kind: a page about postmortems or retrospectives ("Project
 * Retrospectives", a folder's index with the format they follow), not one of them.
 */
const ABOUT_POSTMORTEMS_RE = /\bpost[- ]?mortems\b|\bblameless post[- ]?mortem|\bretrospectives\b/i;
/** A title naming a runbook or playbook: steps for next time. */
const RUNBOOK_RE = /\b(?:run ?books?|play ?books?)\b/i;
/**
 * A title naming the retrospective of a release, sprint or milestone ("Flutter 2.8 Stable Retrospective", "Sprint 14
 * retro", "Sprint 4 Retrospective (06/08/2025)"): meeting notes about how a piece of planned work went, told in the
 * past with dates and "Action Items" like a postmortem, but about no failure. "Retrospective: OP Drop #1" and "Release
 * outage retrospective" tell incidents.
 */
const RELEASE_RETRO_RE = /\b(?:release|sprint|stable|beta|milestone|iteration|quarter(?:ly)?|project)(?: v?\d[\w.]*| #\d+)? retro(?:spective)?\b/i;
/**
 * A title naming a rehearsal: a disaster-recovery drill, a tabletop exercise, a game day, a failover or load test
 * ("DR Tabletop - 2026-02-18", "Disaster Recovery Drill Report", "Tabletop Exercise Report", "Load Test Report").
 * Its report has a scenario, a timeline, lessons and follow-ups like a postmortem, but what it tells was staged on
 * purpose; "Outage during the DR drill" and "Postmortem: restore test wiped staging" tell incidents.
 */
const EXERCISE_RE =
  /\b(?:drills?|table-?tops?|game ?days?|war ?games?|exercises?|simulations?|(?:chaos|failover|restore|recovery|dr|resilience|load|stress|soak) (?:test(?:s|ing)?|experiments?|engineering))\b/i;
/**
 * The title calls the page the report of a rehearsal ("Game Day Report — Synthetic Route Probe Outage", "Drill
 * results: …"): the failure it names was the staged one when the text says so (STAGED_RE).
 */
const EXERCISE_REPORT_RE =
  /\b(?:drill|table-?top|game ?day|exercise|simulation|(?:chaos|failover|restore|recovery|dr|load) test(?:ing)?) (?:report|results?|summary|review|debrief|notes)\b/i;
const STAGED_RE = /\b(?:simulat(?:ed|ion|ing)|intentionally|deliberately|on purpose|as expected|injected)\b/i;
/** A title that names a postmortem in so many words (INCIDENT_RE leaves "postmortem" out: pages about them say it). */
const POSTMORTEM_TITLE_RE = /\bpost[- ]?mortem|\bpost[- ]incident\b|\broot cause\b|\brca\b/i;
/** A page that describes the sections of a postmortem ("This section outlines the key events…"), not one of them. */
const SELF_DESCRIPTION_RE = /\bthis (?:section|part)\b/gi;
/** Headings of a vulnerability report form (GitHub's "Summary / Details / PoC / Impact", "Patches", "Workarounds"). */
const REPORT_FORM_HEADING_RE = /^(?:proof of concept|poc|patches|workarounds?|steps to reproduce)\b/;

/**
 * The shape of a look-alike, when the document has one; undefined for a document that may be a postmortem.
 * `kinds`: the canonical section kinds its headings and bold labels matched.
 */
export function lookalikeShape(model: Postmortem, prose: string, kinds: ReadonlySet<SectionKind | undefined>): LookalikeShape | undefined {
  const title = model.title?.value ?? model.allSections[0]?.title ?? '';
  if (isTemplate(model.text)) return 'template';
  if (ABOUT_POSTMORTEMS_RE.test(title) && !INCIDENT_RE.test(title)) return 'about-postmortems';
  if (RUNBOOK_RE.test(title) && !INCIDENT_RE.test(title)) return 'runbook';
  if (RELEASE_RETRO_RE.test(title) && !INCIDENT_RE.test(title)) return 'release-retrospective';
  if (EXERCISE_RE.test(title) && !POSTMORTEM_TITLE_RE.test(title)) {
    if (!INCIDENT_RE.test(title) || (EXERCISE_REPORT_RE.test(title) && STAGED_RE.test(prose))) return 'exercise';
  }
  const event = () => genreEvidence(model, prose).event;
  // what each section of a postmortem holds, told at most in passing in the past (a real one says "this section" once)
  if ((prose.match(SELF_DESCRIPTION_RE)?.length ?? 0) >= 2 && event() < 6) return 'about-postmortems';
  // a report form: its prompts tell nothing that happened (no date, next to no past tense)
  if (model.allSections.some((s) => REPORT_FORM_HEADING_RE.test(normalizeHeading(s.title))) && event() === 0) return 'report-form';
  // a tool's or a library's reference page that shares a few section names (model/reference-page.ts)
  if (readsAsReferencePage(model, prose, kinds)) return 'reference-page';
  return undefined;
}

/**
 * A template: more of its content is placeholders, prompts and instructions ("[Insert date]", "YYYY-MM-DD",
 * "<name>", "{{summary}}", "What was the impact?", "_Describe the root cause._", "Owner:" with nothing after it,
 * HTML comments) than sentences (at least 4 of them, and more than the filled lines of three words or more).
 * A filled postmortem keeps a few such lines ("Item A", an empty "Where we got lucky") among many sentences.
 */
export function isTemplate(text: string): boolean {
  const { template, filled } = templateCounts(text, true);
  return template >= 4 && template > filled;
}

/** How many content units are a template's (placeholders, prompts, instructions) and how many are filled sentences. */
export function templateCounts(text: string, stopWhenFilled = false): { template: number; filled: number } {
  let template = 0;
  let filled = 0;
  const units = contentUnits(text);
  for (let i = 0; i < units.length; i++) {
    const kind = classifyUnit(units[i]);
    if (kind === 'template') template++;
    else if (kind === 'filled') filled++;
    // the units left cannot make it a template any more: a filled postmortem stops early
    if (stopWhenFilled && filled - template >= units.length - i) break;
  }
  return { template, filled };
}

/**
 * The content a reader fills in: paragraphs (consecutive lines), list items, table cells and HTML comments; not
 * headings, rules, table separators, front matter or fenced code.
 */
export function contentUnits(text: string): string[] {
  const units: string[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) units.push(para.join(' '));
    para = [];
  };
  let fence = false;
  let comment = false;
  const lines = text.split('\n');
  let i = 0;
  if (/^\uFEFF?---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, j) => j > 0 && /^(?:---|\.\.\.)\s*$/.test(l));
    if (end > 0) i = end + 1;
  }
  for (; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.startsWith('```') || t.startsWith('~~~')) {
      flush();
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (comment) {
      para.push(t);
      if (t.includes('-->')) {
        comment = false;
        flush();
      }
      continue;
    }
    if (!t) {
      flush();
      continue;
    }
    if (t.startsWith('<!--')) {
      flush();
      para.push(t);
      if (t.includes('-->')) flush();
      else comment = true;
      continue;
    }
    if (/^#{1,6}(?:\s|$)/.test(t) || /^[-=*_\s]{3,}$/.test(t) || /^\|?[\s:|-]+\|?$/.test(t)) {
      flush();
      continue;
    }
    if (t.startsWith('|')) {
      flush();
      pushAll(units, t.split('|').map((c) => c.trim()).filter(Boolean));
      continue;
    }
    // list items and field lines ("**Date:** YYYY-MM-DD") are units of their own; a label alone ("Summary:", "**Owner:**")
    // starts a unit that the next lines fill, or stays empty when none follow
    if (/^(?:[-*+]|\d{1,3}[.)])\s/.test(t) || /^\*\*[^*\n]{1,40}\*\*/.test(t) || /^[A-Z][\w /()-]{0,40}:(?:\s|$)/.test(t)) {
      flush();
      if (/:\**$/.test(t)) para.push(t);
      else units.push(t);
      continue;
    }
    para.push(t);
  }
  flush();
  return units;
}

/** Openings of a template's instructions to whoever fills it in ("Describe the impact", "Fill in the owner"). */
const GUIDANCE_RE = /^(?:describe|explain|summari[sz]e|provide|insert|fill (?:in|out)|replace|enter|outline|specify|give)\b/i;
const HTML_TAG_RE =
  /^\/?(?:a|b|i|p|u|s|br|hr|img|div|span|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|details|summary|strong|em|code|pre|sup|sub|small|center|font|blockquote|iframe|video|source|picture|kbd|del|ins|mark|figure|figcaption|section|article|header|footer|nav|style|script|link|meta|label|input|button|svg|path)\b/i;

/** Any character or word a placeholder starts with: most units have none, and skip the replacements. */
const MAYBE_PLACEHOLDER_RE = /[[<{$…]|\.{3}|_{3}|\b(?:YYYY|HH:MM|DD MMM|TBD|TBA|TODO|N\/A|item [A-Z])\b/i;
/** Placeholder tokens: "[Insert date]" (not a link), "{{title}}", "$CVE_ID", date and time masks, "TBD", "…", "___". */
function withoutPlaceholders(s: string): string {
  return s
    .replace(/\[[^\]\n]{1,120}\](?!\()/g, ' ')
    .replace(/<([^<>\n]{1,80})>/g, (m: string, inner: string) => (HTML_TAG_RE.test(inner) || inner.includes('://') || inner.includes('@') ? m : ' '))
    .replace(/\{\{[^}\n]{0,80}\}\}/g, ' ')
    .replace(/\$[A-Z][A-Z0-9_-]+/g, ' ')
    .replace(/\bY{4}(?:[-/]M{2}(?:[-/]D{2})?)?\b|\bHH:MM(?::SS)?\b|\bDD MMM\b|\b(?:TBD|TBA|TODO|N\/A)\b|\bitem [A-Z]\b|\.{3}|…|_{3,}/gi, ' ');
}

/** A template's unit (placeholder, prompt, instruction), a filled sentence, or neither (a short value: "P2", "10:40"). */
function classifyUnit(raw: string): 'template' | 'filled' | undefined {
  if (raw.startsWith('<!--')) return 'template';
  let u = raw
    .replace(/^(?:>\s*)+/, '')
    .replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, '')
    .replace(/^\[[ xX]\]\s*/, '')
    .trim();
  // a whole paragraph in italics: an instruction ("_One or two lines about the incident._")
  if (u.length > 2 && ((u[0] === '_' && u[1] !== '_' && u.endsWith('_')) || (u[0] === '*' && u[1] !== '*' && u.endsWith('*')))) return 'template';
  u = u.replace(/[*_`]/g, '').trim();
  if (!u) return undefined;
  // a note to the writer wrapped whole in braces ("{list things that failed, with github issues}")
  if (isBracedNote(u)) return 'template';
  if (u.endsWith('?') || GUIDANCE_RE.test(u) || /\blorem ipsum\b/i.test(u)) return 'template';
  const label = /^([^:\n]{1,40}):\s*/.exec(u);
  const value = label && label[1].split(/\s+/).length <= 6 ? u.slice(label[0].length) : u;
  const rest = MAYBE_PLACEHOLDER_RE.test(value) ? withoutPlaceholders(value) : value;
  // an empty field ("Owner:") or nothing but placeholders; not a bare rule or a table's dashes
  if (!/[A-Za-z0-9]/.test(rest) && (value !== u || rest !== value)) return 'template';
  return (rest.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 3 ? 'filled' : undefined;
}
