// What section a label names: a bold label opening a paragraph ("**Impact**:", "***Root Cause***:"), labels at the
// start of a paragraph's lines, the keys of a list or table of fields, the items of a numbered outline. Read by
// collectLabels (labels.ts) and by the readers of items outside sections.
import { toString } from 'mdast-util-to-string';
import type { List, ListItem, Paragraph, Strong, Table } from 'mdast';
import type { SectionKind } from '../types';
import { matchSection } from '../sections';
import { trimEndChars } from '../scan';
import { endOf, startOf } from './common';
import { memoByText } from '../memo';
import { NAME_LINE_RE } from '../plain-line-sections';

/** "**Impact**:" / "**Review actions**" at the start of a paragraph: the section kind it names. */
export function boldLabelKind(p: Paragraph): SectionKind | undefined {
  const first = labelStrong(p);
  if (!first) return undefined;
  const label = toString(first).trim();
  if (!label || label.length > 40) return undefined;
  const after = p.children[1];
  const next = after && after.type === 'text' ? after.value : '';
  // "**Impact.** Every service was unreachable …": a label closed by a full stop, as some reports set them
  const stopped = /\.$/.test(label) && label.split(/\s+/).length <= 3;
  if (!/[:：]$/.test(label) && !/^\s*[:：]/.test(next) && !stopped && p.children.length > 1) return undefined;
  return labelKind(label.replace(/[:：.]$/, ''));
}

/**
 * The bold run opening a paragraph: "**Impact**", or the bold inside an emphasis that is all it holds ("***Root
 * Cause***:", "_**Impact**_:", bold italics as some reports set their labels).
 */
export function labelStrong(p: Paragraph): Strong | undefined {
  const first = p.children[0];
  if (first?.type === 'strong') return first;
  if (first?.type === 'emphasis' && first.children.length === 1 && first.children[0].type === 'strong') return first.children[0];
  return undefined;
}

/** A label's section kind; "Context" in a page of labels is where the cause is told (MoJ's "- **Context**:"). */
function labelKind(label: string): SectionKind | undefined {
  return matchSection(label) ?? (/^\s*context\s*$/i.test(label) ? 'contributing-causes' : undefined) ?? slashedKind(label);
}

/** "**Reason/Cause**": a label naming its section twice, one name known ("Cause"); both parts must agree. */
function slashedKind(label: string): SectionKind | undefined {
  const parts = label.split('/');
  if (parts.length !== 2) return undefined;
  const kinds = new Set(parts.map((p) => matchSection(p) ?? (/^\s*(?:the )?reasons?\s*$/i.test(p) ? 'contributing-causes' : undefined)).filter((k) => k !== undefined));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/**
 * Section kinds named by labels at the start of any line of a paragraph: "**Summary**: …" on the second line of a
 * hard-wrapped paragraph, "**Impact**:" before a list, or a plain "Root cause: …" line, as in reports without headings.
 */
export function paragraphLabelKinds(p: Paragraph, text: string): SectionKind[] {
  const first = boldLabelKind(p);
  const inLines = lineLabelKinds(text.slice(startOf(p), endOf(p)));
  if (!first) return [...inLines];
  return [first, ...inLines.filter((k) => k !== first)];
}

/**
 * The kinds named by labels at the start of the lines of a paragraph's source, each once, in order: a function of the
 * source alone, remembered (asked of every paragraph on every lint; an edit leaves most paragraphs as they were).
 */
const lineLabelKinds = memoByText((source: string): readonly SectionKind[] => {
  const out: SectionKind[] = [];
  const lines = source.split(/\r?\n/);
  const fields = lines.filter((l) => FIELD_LINE_RE.test(l)).length >= 3;
  lines.forEach((line, at) => {
    const m = LINE_LABEL_RE.exec(line);
    if (!m) return;
    const label = m[1] ?? m[2];
    if (label.split(/\s+/).length > 5) return;
    if (!(isSectionLabel(m, line) || (fields && FIELD_LINE_RE.test(line)) || ACTION_LABEL_RE.test(label.trim()) || (at === 0 && toldImpact(m, source)))) return;
    const k = matchSection(label) ?? (m[1] !== undefined && severityTellsImpact(label, line.slice(m[0].length)) ? 'impact' : undefined);
    if (k && !out.includes(k)) out.push(k);
  });
  return out;
});

/**
 * The kinds named by the keys of a list of fields, three bullets or more written "Key: value" ("- Date: 2025-Feb-07",
 * "- Summary: We missed that a patch …", "- Impact: 23 validators …", "- Root Causes: Haste, poor communication"): each key
 * that names a section stands for it, as a bold label does. Only the list's own bullets, not their sub-bullets.
 */
export const listFieldKinds = memoByText((source: string): readonly SectionKind[] => {
  const keys = source
    .split(/\r?\n/)
    .map((line) => LIST_FIELD_RE.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);
  if (keys.length < 3) return [];
  const out: SectionKind[] = [];
  for (const key of keys) {
    const k = matchSection(key);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
});
/** A bullet of the list itself (not indented) whose text starts with a key of one to three words, a colon and a value. */
const LIST_FIELD_RE = /^ {0,3}[-*+][ \t]+([\p{L}][\p{L}/&-]*(?: [\p{L}/&-]+){0,2}):[ \t]+\S/u;

/**
 * "Impact: the launcher cannot find the relay script here, so …": a paragraph that opens with a plain "Impact:" and
 * goes on to tell it in a sentence of six words or more is the impact, as a bold label would be. Only this label: a
 * plain "Resolution: 1080p" or "Summary: …" in running text names nothing a reader takes for a section.
 */
function toldImpact(m: RegExpExecArray, paragraph: string): boolean {
  return m[2] !== undefined && matchSection(m[2]) === 'impact' && /^[\p{L}]+$/u.test(m[2].trim()) && paragraph.slice(m[0].length).trim().split(/\s+/).length >= 6;
}

/**
 * "**Severity:** chain halt (liveness), no loss of funds, no safety violation.": a severity label whose value says what
 * happened to users and data, not only a level ("**Severity:** High (site down)", "SEV-2"), is where the impact is told.
 */
function severityTellsImpact(label: string, value: string): boolean {
  if (!/^\s*severity\s*$/i.test(label)) return false;
  // "High (payment flow broken for all users)": a parenthetical that says what broke for whom tells the impact too, and
  // so does one that bounds it ("SEV-2 (AI assistant unavailable, core API unaffected)": what broke, what did not)
  const words = value
    .replace(/\(([^()]*)\)/g, (_, inner: string) => (BROKE_RE.test(inner) && (FOR_WHOM_RE.test(inner) || SPARED_RE.test(inner)) ? ` ${inner} ` : ' '))
    .replace(/^\W*(?:critical|high|medium|low|major|minor|moderate|severe|sev[- ]?\d|s\d|p\d)\b/i, ' ')
    .match(/\p{L}+/gu);
  return (words?.length ?? 0) >= 3;
}

/** "payment flow broken for all users", "checkout down for every customer": what failed, and for whom (two tests, each linear). */
const BROKE_RE = /\b(?:broken|down|unavailable|failing|failed|blocked|degraded|lost)\b/i;
const SPARED_RE = /\b(?:unaffected|not affected|unimpacted|not impacted)\b/i;
const FOR_WHOM_RE = /\b(?:users?|customers?|clients?|members?|visitors?|players?|subscribers?|tenants?|merchants?|everyone)\b/i;

/**
 * A plain (not bold) label stands for a section only alone on its line ("Root cause:" then the text below), and a
 * writer's "TODO:" / "Note:" never does: "TODO: timestamped events …" is a note, not an action-items section.
 */
export function isSectionLabel(m: RegExpExecArray, line: string): boolean {
  if (m[1] !== undefined) return true;
  return !/^(?:to ?dos?|tbd|fixme|notes?|nb)$/i.test(m[2].trim()) && line.slice(m[0].length).trim() === '';
}

/**
 * A field of a block of three or more "Key: value" lines ("Description: …<br>", "Duration: 16h 45m<br>", "User impact:
 * Flutter team members were unable to merge …"): each key names what its line holds, as a label alone on its line does.
 */
const FIELD_LINE_RE = /^\s{0,3}[\p{L}][\p{L}/&-]*(?: [\p{L}/&-]+){0,2}:[ \t]+\S/u;
/** "Action point: create a low-volume announcement list …": a follow-up given with its label on its line. */
const ACTION_LABEL_RE = /^action (?:points?|items?)$/i;

/** "**Summary**:", "**Summary:**", "__Impact__:", or a plain "Root cause:" at the start of a line. */
export const LINE_LABEL_RE = /^\s{0,3}(?:(?:\*\*\*?|__)([^*_:\n]{2,40}?)\s*(?:[:：]\s*(?:\*\*\*?|__)|(?:\*\*\*?|__)\s*[:：])|([\p{L}][\p{L} ’'/&-]{1,40}?)\s*[:：](?!\/\/))/u;

/**
 * A report written as one numbered outline ("1. Incident Date" / "2. Incident Summary" / … / "7. Preventative
 * Measures", each with its bullets nested below): an item whose first line is only a section's name heads that
 * section, as a heading would. Only where two or more items name different sections and each has content nested
 * below its name (a list of names alone is a list, not an outline).
 */
export function outlineKinds(list: List): Map<ListItem, SectionKind> | undefined {
  const found = new Map<ListItem, SectionKind>();
  for (const li of list.children) {
    const p = li.children[0];
    if (li.children.length < 2 || p?.type !== 'paragraph' || p.children.length !== 1 || p.children[0].type !== 'text') continue;
    const name = trimEndChars(p.children[0].value.trim(), ':：', true);
    const k = NAME_LINE_RE.test(name) ? labelKind(name) : undefined;
    if (k) found.set(li, k);
  }
  return new Set(found.values()).size >= 2 ? found : undefined;
}

/**
 * A two-column table of fields ("| Item | Detail |" then "| Occurred | 2026-03-02 |", "| Impact | Label updates … |",
 * "| Root cause | ArgoCD … |"): a key that names a section stands for it, as a bold label does. Only where at least
 * three rows are short keys with a value, so a table of actions or events ("| Impact analysis for EU | @bo |") is not
 * read as fields.
 */
export function fieldTableKinds(table: Table): SectionKind[] {
  const rows = table.children.slice(1).filter((r) => r.children.length === 2);
  if (rows.length !== table.children.length - 1 || table.children[0]?.children.length !== 2) return [];
  const fields = rows.map((r) => [trimEndChars(toString(r.children[0]).trim(), ':：', true), toString(r.children[1]).trim()] as const);
  if (fields.filter(([key, value]) => FIELD_KEY_RE.test(key) && value && !PLACEHOLDER_VALUE_RE.test(value)).length < 3) return [];
  const out: SectionKind[] = [];
  for (const [key, value] of fields) {
    const k = FIELD_KEY_RE.test(key) && !PLACEHOLDER_VALUE_RE.test(value) && value ? (labelKind(key) ?? impactField(key, value)) : undefined;
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}
/**
 * "| Severity | medium — throughput stall, not data loss; lanes still produce green work |", "| Scope | 16 open PRs, none
 * landed |": a severity or scope field written out in words says what was hit, i.e. the impact. A bare level ("SEV2",
 * "High", "P1 — major") does not.
 */
function impactField(key: string, value: string): SectionKind | undefined {
  return IMPACT_FIELD_KEY_RE.test(key) && (value.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 5 ? 'impact' : undefined;
}
const IMPACT_FIELD_KEY_RE = /^(?:severity|scope|blast radius)$/i;
/** A field's key: one to three words, no sentence ("Occurred", "Root cause", "Detected"). */
const FIELD_KEY_RE = /^[\p{L}][\p{L}/&-]*(?: [\p{L}/&-]+){0,2}$/u;
const PLACEHOLDER_VALUE_RE = /^(?:tbd|tba|todo|n\/a|-|–|—|\?+|…|\.\.\.)$/i;
