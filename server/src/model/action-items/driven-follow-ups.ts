// "## Follow-ups this incident drove" over "- A documented recovery runbook and alerts for …": a heading that tells the
// follow-ups as already brought about, and bullets that name what was produced (a thing, not a task). Those are done
// work; a bullet written as a task ("Add …", "We will …") or naming a program still running stays open.
import type { ActionItem, Section } from '../types';
import { normalizeHeading } from '../sections';
import { startsImperative } from '../verbs';
import { commitsToWork } from './commit-sentence';
import { bareWords } from './common';

/** "Follow-ups this incident drove", "Follow-ups the outage prompted": the work it brought about, told in the past. */
const DRIVEN_HEADING_RE = /^follow[- ]?ups (?:this|the) (?:incident|outage|event) (?:drove|prompted|triggered|led to|produced)$/;

/** "A documented runbook …", "An alert for …", "New dashboards …": the thing produced, named without a verb. */
const NAMED_THING_RE = /^(?:an?|new|added|the new)\s+\p{L}/iu;

/** "A broader program to ensure …", "An ongoing effort …": work that goes on, not finished. */
const ONGOING_RE = /\b(?:program(?:me)?|effort|initiative|project|workstream|investigation)s?\s+(?:to|that will|which will)\b|\b(?:ongoing|continuing|eventual|eventually|long[- ]term|in progress|planned|proposed|will|should|needs? to)\b/i;

/** Marks done the open, unmarked items that name what a "… this incident drove" heading says was produced. */
export function markDrivenFollowUps(items: ActionItem[]): void {
  for (const item of items) {
    if (item.status !== 'open' || item.statusField || (item.format !== 'bullet' && item.format !== 'numbered')) continue;
    const heading = drivenHeading(item.section);
    if (!heading) continue;
    const words = bareWords(item.text);
    if (!NAMED_THING_RE.test(words) || startsImperative(words) || commitsToWork(words) || ONGOING_RE.test(words)) continue;
    item.status = 'done';
    item.statusField = { value: 'done', text: heading.title, range: heading.titleRange };
  }
}

function drivenHeading(section: Section): Section | undefined {
  for (let s: Section | undefined = section; s; s = s.parent) {
    if (DRIVEN_HEADING_RE.test(normalizeHeading(s.title))) return s;
    if (s.kind === 'action-items') return undefined;
  }
  return undefined;
}
