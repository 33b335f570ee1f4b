// A template's text: placeholders, prompts and instructions to whoever fills it in, told apart from the sentences of
// a written document. Read in two ways: unit by unit over the whole text (more template units than filled ones), and
// section by section (most sections hold nothing a writer wrote). Detection reads the first (model/lookalike.ts:
// a template is no postmortem); the unfilled-template rule reads both, for a template the path globs call a postmortem.
import type { Postmortem } from './types';
import { pushAll } from './scan';
import { isBracedNote } from './action-items/common';

/**
 * A template: more of its content is placeholders, prompts and instructions ("[Insert date]", "YYYY-MM-DD",
 * "<name>", "{{summary}}", "What was the impact?", "_Describe the root cause._", "Owner:" with nothing after it,
 * HTML comments) than sentences (at least 4 of them, and more than the filled lines of three words or more).
 * A filled postmortem keeps a few such lines ("Item A", an empty "Where we got lucky") among many sentences.
 */
export function isTemplate(text: string): boolean {
  const { template, filled } = templateCounts(text, true);
  return (template >= 4 && template > filled) || undatedPlaceholderFacts(text);
}

/**
 * "Start Time: <UTC>", "Duration: <X minutes>", "Impacted Regions: <List>": three fields or more whose value is only a
 * placeholder, in a document with no date and no clock time anywhere. The facts a postmortem exists to record are
 * still to be written, and the rest ("Improve flap detection", "T0 + 5m | Alert fired") is the template's example. A
 * real postmortem that left a field or three open still dates its incident somewhere.
 */
function undatedPlaceholderFacts(text: string): boolean {
  if (!text.includes(':') || DATED_RE.test(text)) return false;
  let n = 0;
  for (const u of contentUnits(text)) if (placeholderField(u) && ++n >= 3) return true;
  return false;
}
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?';
/** A date or a time of day, as written in a report: "2026-03-14", "14:02", "March 14", "14 Mar", a month "2026-09". */
const DATED_RE = new RegExp(`\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b|\\b(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])\\b|\\b\\d{1,2}[:h]\\d{2}\\b|\\b${MONTH} \\d{1,2}\\b|\\b\\d{1,2} ${MONTH}(?![a-z])`, 'i');

/** A field line whose value is nothing but placeholders: "- Start Time: <UTC>", "**Owner:** [name]". */
function placeholderField(unit: string): boolean {
  const u = unit.replace(/^(?:[-*+]|\d{1,3}[.)])\s+/, '').replace(/[*_`]/g, '').trim();
  const value = /^[^:\n]{1,40}:\s*(\S.*)$/.exec(u)?.[1];
  return !!value && MAYBE_PLACEHOLDER_RE.test(value) && !/[\p{L}\p{N}]/u.test(withoutPlaceholders(value));
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

/** A field line or a label: "**Date:** …", "Owner: …", "Impact:". */
const LABEL_LINE_RE = /^\*\*[^*\n]{1,40}\*\*|^[A-Z][\w /()-]{0,40}:(?:\s|$)/;
/** A table's separator row: "|---|:--:|". */
const TABLE_RULE_RE = /^\|?[\s:|-]+\|?$/;
/** A line ending in its label's colon: nothing written after it on the line. */
const LONE_LABEL_RE = /:\**$/;

/**
 * The content a reader fills in: paragraphs (consecutive lines), list items, table cells and HTML comments; not
 * headings, rules, table separators, front matter or fenced code.
 */
export function contentUnits(text: string): string[] {
  const units: string[] = [];
  let para: string[] = [];
  // a label alone before a blank line ("Impact:"): empty when the next thing is a heading, a rule, another label alone
  // or the end; the label of what follows otherwise (a plain-text report writes "Impact:", a blank line, the text)
  let dangling: string | undefined;
  const settle = (empty: boolean) => {
    if (dangling !== undefined && empty) units.push(dangling);
    dangling = undefined;
  };
  const flush = (atBlank = false) => {
    if (atBlank && para.length === 1 && LONE_LABEL_RE.test(para[0]) && !para[0].startsWith('<!--')) dangling = para[0];
    else if (para.length) units.push(para.join(' '));
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
      if (!fence) settle(false);
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
      // a note to the writer in angle brackets that runs over a blank line ("<Short summary … e.g.", "", "On the
      // morning of …>") is one unit, up to its closing bracket
      if (!openAngledNote(para)) flush(true);
      continue;
    }
    if (dangling !== undefined) settle(/^#{1,6}(?:\s|$)/.test(t) || /^[-=*_\s]{3,}$/.test(t) || t.startsWith('<!--') || (LABEL_LINE_RE.test(t) && LONE_LABEL_RE.test(t)));
    if (t.startsWith('<!--')) {
      flush();
      para.push(t);
      if (t.includes('-->')) flush();
      else comment = true;
      continue;
    }
    if (/^#{1,6}(?:\s|$)/.test(t) || /^[-=*_\s]{3,}$/.test(t) || TABLE_RULE_RE.test(t)) {
      flush();
      continue;
    }
    if (t.startsWith('|')) {
      flush();
      // a header row names the columns: nothing written in them yet
      if (TABLE_RULE_RE.test(lines[i + 1]?.trim() ?? '')) continue;
      pushAll(units, t.split('|').map((c) => c.trim()).filter(Boolean));
      continue;
    }
    // list items and field lines ("**Date:** YYYY-MM-DD") are units of their own; a label alone ("Summary:", "**Owner:**")
    // starts a unit that the next lines fill, or stays empty when none follow
    if (/^(?:[-*+]|\d{1,3}[.)])\s/.test(t) || LABEL_LINE_RE.test(t)) {
      flush();
      if (LONE_LABEL_RE.test(t)) para.push(t);
      else units.push(t);
      continue;
    }
    para.push(t);
  }
  flush();
  settle(true);
  return units;
}

/** A paragraph opened by "<" and a word (not a tag or a comment) whose closing ">" has not come yet; 20 lines at most. */
function openAngledNote(para: string[]): boolean {
  if (!para.length || para.length >= 20 || !/^<[A-Za-z]/.test(para[0]) || HTML_TAG_RE.test(para[0].slice(1))) return false;
  return !para.some((l) => l.includes('>'));
}

/** Openings of a template's instructions to whoever fills it in ("Describe the impact", "Fill in the owner"). */
const GUIDANCE_RE = /^(?:describe|explain|summari[sz]e|provide|insert|fill (?:in|out)|replace|enter|outline|specify|give)\b/i;
const HTML_TAG_RE =
  /^\/?(?:a|b|i|p|u|s|br|hr|img|div|span|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|details|summary|strong|em|code|pre|sup|sub|small|center|font|blockquote|iframe|video|source|picture|kbd|del|ins|mark|figure|figcaption|section|article|header|footer|nav|style|script|link|meta|label|input|button|svg|path)\b/i;

/** Any character or word a placeholder starts with: most units have none, and skip the replacements. */
const MAYBE_PLACEHOLDER_RE = /[[<{$…@]|\.{3}|_{3}|\b(?:YYYY|HH:MM|DD MMM|TBD|TBA|TODO|N\/A|item [A-Z]|XXX|YYY|ZZZ|[12]\dxx)\b/i;
/**
 * Latin filler standing for text still to be written: "Lorem ipsum dolor", and the generator's other lines under later
 * headings ("Sit amet, consectetur", "Etiam quis dapibus"): every word of two or more is the generator's. No
 * sentence a writer wrote is made of these words alone.
 */
function isLatinFiller(u: string): boolean {
  if (/\blorem ipsum\b/i.test(u)) return true;
  const words = u.toLowerCase().match(/\p{L}+/gu);
  return !!words && words.length >= 2 && words.some((w) => w.length >= 4) && words.every((w) => LATIN_FILLER.has(w));
}
const LATIN_FILLER: ReadonlySet<string> = new Set(
  ('lorem ipsum dolor sit amet consectetur consectetuer adipiscing adipisicing elit sed do eiusmod tempor incididunt ut ' +
    'labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea ' +
    'commodo consequat duis aute irure reprehenderit in voluptate velit esse cillum eu fugiat nulla pariatur excepteur ' +
    'sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum etiam dapibus ' +
    'curabitur vulputate felis vestibulum ante ipsum primis faucibus orci luctus ultrices posuere cubilia curae donec nec ' +
    'justo eget nunc mauris maecenas vel tellus integer tincidunt cras dictum aliquam nam pellentesque habitant morbi ' +
    'tristique senectus netus malesuada fames ac turpis egestas proin pharetra nonummy pede mi volutpat lacus laoreet ' +
    'massa sapien fringilla quam nisl semper odio nibh at vitae risus suspendisse potenti fusce metus accumsan ' +
    'sollicitudin rhoncus purus praesent placerat ligula condimentum viverra phasellus lectus leo sagittis vehicula augue ' +
    'dui tortor hendrerit mollis arcu lobortis porta sodales ullamcorper blandit neque scelerisque facilisis libero urna ' +
    'interdum erat imperdiet varius eros ornare a mattis feugiat bibendum tempus lacinia auctor gravida euismod molestie ' +
    'convallis porttitor congue aenean venenatis rutrum iaculis quisque dignissim pulvinar eleifend fermentum nullam ' +
    'cursus suscipit efficitur elementum pretium ultricies tempus semper').split(' '),
);
/** Placeholder tokens: "[Insert date]" (not a link), "{{title}}", "$CVE_ID", date and time masks, "TBD", "…", "___". */
function withoutPlaceholders(s: string): string {
  return s
    .replace(/\[[^\]\n]{1,120}\](?!\()/g, ' ')
    .replace(/<([^<>\n]{1,80})>/g, (m: string, inner: string) => (HTML_TAG_RE.test(inner) || inner.includes('://') || inner.includes('@') ? m : ' '))
    .replace(/\{\{[^}\n]{0,80}\}\}/g, ' ')
    .replace(/\$[A-Z][A-Z0-9_-]+|\$\{[^}\n$]{1,40}\}/g, ' ')
    .replace(/\bY{4}(?:[-/]M{2}(?:[-/]D{2})?)?\b|\bHH:MM(?::SS)?\b|\bDD MMM\b|\b(?:TBD|TBA|TODO|N\/A)\b|\bitem [A-Z]\b|\.{3}|…|_{3,}/gi, ' ')
    // "Category: XXX", "Time to detection: YYY", a year masked as "20xx", the handles of no one ("@foo, @bar")
    .replace(/\b(?:X{3,}|Y{3,}|Z{3,})\b|\b[12]\dxx\b|(?<![\w.])@(?:foo|bar|baz)\b/g, ' ');
}

/**
 * A word of a script written with spaces between words (Latin, Cyrillic, Greek …): three make a sentence. Chinese and
 * Japanese runs are phrases, not words, so their prompts and sentences are counted as neither, as before.
 */
const SPACED_WORD_RE = /(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\p{L}){2,}/gu;

/** A template's unit (placeholder, prompt, instruction), a filled sentence, or neither (a short value: "P2", "10:40"). */
function classifyUnit(raw: string): 'template' | 'filled' | undefined {
  // a note to the writer, unless it is one of ours: a disable comment is the writer's, in a document of any kind
  if (raw.startsWith('<!--')) return /^<!--\s*postmortem-lint/.test(raw) ? undefined : 'template';
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
  if (isBracedNote(u) || isAngledNote(u)) return 'template';
  if (u.endsWith('?') || GUIDANCE_RE.test(u) || isLatinFiller(u)) return 'template';
  // a label ends at a colon, the full-width one of CJK writing too ("验证手段：<日志>")
  const label = /^([^:：\n]{1,40})[:：]\s*/.exec(u);
  const value = label && label[1].split(/\s+/).length <= 6 ? u.slice(label[0].length) : u;
  // an example entry stamped with a mask ("HH:MM Cake was made available"), values to choose from ("Draft | Final")
  if (MASKED_STAMP_RE.test(value) || CHOICE_RE.test(value)) return 'template';
  const rest = MAYBE_PLACEHOLDER_RE.test(value) ? withoutPlaceholders(value) : value;
  // an empty field ("Owner:") or nothing but placeholders; not a bare rule or a table's dashes. Letters of any script:
  // "Цена: одиннадцать коммитов …" is a field a writer filled, not an empty one
  if (!/[\p{L}\p{N}]/u.test(rest) && (value !== u || rest !== value)) return 'template';
  return (rest.match(SPACED_WORD_RE)?.length ?? 0) >= 3 ? 'filled' : undefined;
}

/** A time or date mask at the start of an entry: "HH:MM …", "YYYY-MM-DD HH:mm …", "20xx-MM-DD …". */
const MASKED_STAMP_RE = /^(?:YYYY|[12]\dxx)[-/]MM[-/]DD\b|^HH:MM\b/i;
/** Two to four one- or two-word values offered to pick from, "|"-separated, as the whole entry: "Draft | Final". */
const CHOICE_RE = /^[\p{L}-]+(?: [\p{L}-]+)? ?\|(?: ?[\p{L}-]+(?: [\p{L}-]+)? ?\|){0,2} ?[\p{L}-]+(?: [\p{L}-]+)?$/u;

/**
 * A note to the writer wrapped whole in angle brackets, over lines ("<Short 1-2 sentences summarizing the root cause,
 * timeline, and impact. e.g. …>"); not an HTML tag or an autolink.
 */
function isAngledNote(u: string): boolean {
  if (!u.startsWith('<') || !u.endsWith('>') || u.includes('://')) return false;
  const inner = u.slice(1, -1);
  // three words or more, and nothing of a tag's (attributes, a closing slash)
  return !/[<>="/]/.test(inner) && (inner.match(/\s+/g)?.length ?? 0) >= 2;
}

/**
 * How many of the document's sections hold something a writer wrote (a sentence, or a value: "P2", "600 seconds") and
 * how many hold nothing, or only placeholders and prompts. A heading whose own text is empty but whose nested
 * sections hold the content is neither.
 */
export function sectionFill(model: Postmortem): { filled: number; unfilled: number } {
  let filled = 0;
  let unfilled = 0;
  for (const s of model.allSections) {
    const units = contentUnits(model.text.slice(s.ownContentRange.start.offset, s.ownContentRange.end.offset));
    if (!units.length && s.children.length) continue;
    // a heading of placeholders only ("### {{ hh:mm }}", "## [Date]"): what is under it is the template's example
    if (placeholderTitle(s.title)) {
      unfilled++;
      continue;
    }
    // written: a sentence, or a value of its own ("P2", "600 seconds"); unfilled: nothing, placeholders and prompts
    if (units.some((u) => classifyUnit(u) !== 'template' && /[\p{L}\p{N}]/u.test(u))) filled++;
    else unfilled++;
  }
  return { filled, unfilled };
}

/** A title with nothing but placeholders ("{{ incident date: yyyy-mm-dd }}, {{ incident name }}", "[Project]"). */
function placeholderTitle(title: string): boolean {
  return MAYBE_PLACEHOLDER_RE.test(title) && !/[\p{L}\p{N}]/u.test(withoutPlaceholders(title));
}

/**
 * A title that names no incident, only placeholders and words every postmortem's title could have ("YYYY-MM-DD: <what
 * users saw, in one line>", "Incident title - DD/MM/YYYY", "📝 Postmortem – [Nom de l'incident]", "<一句话标题>"), over a
 * body with at least 3 template units: a template whose prompts read as prose ("Two or three sentences: what broke,
 * for whom …"), so neither count above sees it. A real title keeps a name, a number or a word of its own.
 */
function titledAsTemplate(model: Postmortem): boolean {
  const title = model.title?.value ?? '';
  if (!MAYBE_PLACEHOLDER_RE.test(title) && !DATE_MASK_RE.test(title)) return false;
  const rest = withoutPlaceholders(title.replace(DATE_MASK_RE, ' '));
  if (/[\p{N}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(rest)) return false;
  if (!(rest.match(SPACED_WORD_RE) ?? []).every((w) => GENERIC_TITLE_WORDS.has(w.toLowerCase()))) return false;
  return templateCounts(model.text).template >= 3;
}
const DATE_MASK_RE = /\b(?:DD|MM)[-/.](?:MM|DD)[-/.]Y{2,4}\b/i;
const GENERIC_TITLE_WORDS: ReadonlySet<string> = new Set(['incident', 'incidents', 'postmortem', 'post', 'mortem', 'report', 'review', 'title', 'name', 'date', 'summary', 'the', 'of', 'for', 'on']);

const verdicts = new WeakMap<Postmortem, boolean>();

function mostlyUnfilled(model: Postmortem): boolean {
  const { filled, unfilled } = sectionFill(model);
  return unfilled >= 3 && unfilled >= 2 * filled;
}

/**
 * An unfilled template: its content is mostly placeholders and prompts (isTemplate), or at least 3 of its sections and
 * twice as many as hold writing are empty or hold only placeholders (the SRE book's bare headings, "{Incident Title}"
 * with braced notes). Measured on every real postmortem we have (corpus, every eval set, two probes' controls): the
 * most unfilled has as many empty sections as written ones; blank templates have 2× to all.
 */
export function isUnfilledTemplate(model: Postmortem): boolean {
  let verdict = verdicts.get(model);
  if (verdict === undefined) {
    verdict = model.text.length <= MAX_TEMPLATE_CHARS && (mostlyUnfilled(model) || isTemplate(model.text) || titledAsTemplate(model));
    verdicts.set(model, verdict);
  }
  return verdict;
}

/**
 * A blank template is a page or two (the largest of ours, 4 KB); a longer document is a postmortem being written. Past
 * this, the verdict is not read at all: on a path-detected postmortem it runs on every keystroke.
 */
const MAX_TEMPLATE_CHARS = 30_000;
