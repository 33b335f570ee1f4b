// Detection: is this document a postmortem at all, and how does it say so (front matter, path, sections)? Read by the
// runner before any rule runs, by the workspace owners index and by the archive's light read. rules.md: front matter
// says so, the path matches the globs, or at least two distinct canonical sections; look-alikes and procedures, by
// their content, are not.
import type { Postmortem, SectionKind } from '../model/types';
import { DISTINCTIVE_KINDS } from '../model/sections';
import { genreEvidence, isProcedure, titledPostmortemOfOneEvent, toldAsStatusEntry, toldAsOneIncident, toldAsStoryOfOneIncident } from '../model/genre';
import { listsOtherWriteUps, lookalikeShape, titledAboutPostmortems } from '../model/lookalike';
import { proseText } from '../model/facts';
import { declaresOtherKind } from '../model/declared-kind';
import { isCollectionIndexPath, isInOtherKindFolder, isPostmortemFolder, isPostmortemPath } from '../config/globs';
import type { LintOptions, LintResult } from './lint';

/** rules.md: front matter says so, the path matches the globs, or at least two distinct canonical sections. */
export function detectPostmortem(model: Postmortem, options: Pick<LintOptions, 'filePath' | 'rootDir' | 'config'>): LintResult['detectedBy'] {
  const fm = model.frontMatter?.data;
  if (fm) {
    const t = String(fm.type ?? fm.kind ?? fm.layout ?? fm.category ?? '').toLowerCase();
    // not a folder's index under its folder's front matter ("# Post-mortems" and a sentence, no section of one)
    const indexPage = titledAboutPostmortems(model) && sectionKinds(model).size === 0;
    if ((/^(postmortem|post-mortem|incident[- ]review|incident[- ]report|incident|retrospective)$/.test(t) || 'postmortem' in fm) && !indexPage) return 'front-matter';
  }
  // a blog post tagged as one ("tags: [outage]", "categories: incident") that tells a past event and is no procedure
  if (fm && taggedAsIncident(fm) && tellsAnEvent(model)) return 'front-matter';
  if (options.filePath && isPostmortemPath(options.filePath, options.config?.postmortemGlobs, options.rootDir)) {
    // the path decides, but for kinds of page whose content decides: a collection's README or index page (it lists
    // the postmortems or explains the process), a page kept in a folder of another kind (`incidents/runbooks/`), a
    // page that calls itself another kind ("Runbook: …", "Type: Architecture Decision"), and a page the globs match
    // only by its name ("incident-response.md") that reads as a procedure, a runbook or a page about postmortems
    if (isCollectionIndexPath(options.filePath) || isInOtherKindFolder(options.filePath) || declaresOtherKind(model)) {
      // content decides
    } else if (isPostmortemFolder(options.filePath, options.config?.postmortemGlobs, options.rootDir)) return 'path';
    else if (!readsAsProcess(model, sectionKinds(model))) return 'path';
  }
  const kinds = sectionKinds(model);
  // templates, report forms, pages about postmortems, runbooks, reference pages: their shape decides before their
  // headings (model/lookalike.ts)
  // a page of links to other write-ups may have no section at all: its link texts tell outages (model/lookalike.ts)
  if (kinds.size ? lookalikeShape(model, proseText(model), kinds) : listsOtherWriteUps(model)) return undefined;
  // a status page's entry for one resolved outage: its front matter or its update log says so, whatever its headings
  if (toldAsStatusEntry(model)) return 'sections';
  // runbooks, checklists and meeting notes borrow the headings: the writing decides (model/genre.ts)
  // a blog post told as the story of one dated incident with its cause, whatever its headings
  if (![...kinds].some((k) => DISTINCTIVE_KINDS.has(k!))) return toldAsStoryOfOneIncident(model, proseText(model)) || titledAsOne(model, kinds) ? 'sections' : undefined;
  if (kinds.size >= 2 && !isProcedure(model, proseText(model))) return 'sections';
  // one distinctive section ("Our Response", "Response timeline") under a title naming one incident, told as a dated story
  if (toldAsOneIncident(model, proseText(model)) || (kinds.size < 2 && (toldAsStoryOfOneIncident(model, proseText(model)) || titledAsOne(model, kinds)))) return 'sections';
  return undefined;
}

/** Front matter whose tags or categories name the genre: "tags: [outage]", "categories: [incident, ops]". */
function taggedAsIncident(fm: Record<string, unknown>): boolean {
  const listed = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,\s]+/) : []);
  return [fm.tags, fm.categories, fm.category].flatMap(listed).some((w) => typeof w === 'string' && INCIDENT_TAG_RE.test(w.trim()));
}

/** The text tells something that happened (two signs of a past event at least), and is neither a procedure nor a look-alike. */
function tellsAnEvent(model: Postmortem): boolean {
  const kinds = sectionKinds(model);
  const prose = proseText(model);
  return !readsAsProcess(model, kinds) && lookalikeShape(model, prose, kinds) === undefined && genreEvidence(model, prose).event >= 2;
}
const INCIDENT_TAG_RE = /^(?:outages?|incidents?|post-?mortems?|post mortems?|downtime|incident[- ]reports?|rca)$/i;

/** "Postmortem for … on Tuesday, March 31st" told as a post (model/genre.ts), unless its shape is a look-alike's. */
function titledAsOne(model: Postmortem, kinds: ReadonlySet<SectionKind | undefined>): boolean {
  return titledPostmortemOfOneEvent(model, proseText(model)) && !lookalikeShape(model, proseText(model), kinds);
}

/** The section kinds a reader sees: headings, or bold labels standing in for them ("- **Impact**: …") as in pages without headings. */
function sectionKinds(model: Postmortem): Set<SectionKind | undefined> {
  return new Set([...model.allSections.map((s) => s.kind), ...model.labeledKinds].filter((k) => k && k !== 'deferred'));
}

/**
 * Content that is positively not a postmortem: a procedure, a look-alike shape other than a template, or a page with
 * none of a postmortem's sections that tells nothing that happened (a tool's "Postmortem integration" page, saved as
 * `docs/postmortem.md`, describing how its workflow routes postmortem work: no section, no past event, no date). An
 * overview or description heading is in any page ("Incident Details Page" docs under "## Overview section", a backlog
 * story "Story 4.3: Incident Management" under "## Description"): alone, it is no postmortem section.
 */
function readsAsProcess(model: Postmortem, kinds: ReadonlySet<SectionKind | undefined>): boolean {
  const prose = proseText(model);
  const shape = lookalikeShape(model, prose, kinds);
  const noStorySection = kinds.size === 0 || (kinds.size === 1 && kinds.has('summary'));
  return (shape !== undefined && shape !== 'template') || isProcedure(model, prose) || (noStorySection && genreEvidence(model, prose).event === 0);
}
