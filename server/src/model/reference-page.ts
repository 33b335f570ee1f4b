// A reference page that happens to use a section name or two: npm's `npm-config.md` ("Description", and "fix" as
// the name of a sub-command), a library's threat model ("Mitigation/Countermeasures", "Next Steps & Review"), a
// URI library's README or Node's `esm.md` whose only "Resolution" is an algorithm's. Not the story of an incident.
// Read by the detection (model/lookalike.ts) only when the headings made the page look like a postmortem.
import type { Postmortem, SectionKind } from './types';
import { genreEvidence, INCIDENT_RE } from './genre';
import { DISTINCTIVE_KINDS, normalizeHeading, SYMPTOM_HEADING_RE } from './sections';

/**
 * A reference page, told by either of two signs that nothing went wrong and no incident is told:
 * - many headings (8 or more besides the title), under half of them a postmortem's sections, and not one past event
 *   told (genre.ts);
 * - "Resolution" the only distinctive section, and no word for something that went wrong in the title or the opening
 *   ("Resolution algorithm", "URI resolution").
 * `kinds`: the canonical section kinds its headings and bold labels matched.
 */
export function readsAsReferencePage(model: Postmortem, prose: string, kinds: ReadonlySet<SectionKind | undefined>): boolean {
  return (manyHeadingsFewSections(model) && genreEvidence(model, prose).event === 0) || onlyAResolution(model, prose, kinds);
}

function manyHeadingsFewSections(model: Postmortem): boolean {
  const h1s = model.allSections.filter((s) => s.depth === 1);
  const headings = model.allSections.filter((s) => !(h1s.length === 1 && s === h1s[0]));
  if (headings.length < MIN_HEADINGS) return false;
  const named = headings.filter((s) => s.kind && s.kind !== 'deferred').length;
  return named * 2 < headings.length;
}
const MIN_HEADINGS = 8;

function onlyAResolution(model: Postmortem, prose: string, kinds: ReadonlySet<SectionKind | undefined>): boolean {
  const distinctive = [...kinds].filter((k) => k && DISTINCTIVE_KINDS.has(k));
  if (distinctive.length !== 1 || distinctive[0] !== 'resolution') return false;
  const title = model.title?.value ?? model.allSections[0]?.title ?? '';
  return !/\bpost[- ]?mortem\b/i.test(title) && !INCIDENT_RE.test(title) && !INCIDENT_RE.test(prose.slice(0, OPENING_CHARS)) && !hasSymptomHeading(model);
}
/** A "Symptom" / "Síntoma" section says what went wrong, in whatever language the rest is written. */
function hasSymptomHeading(model: Postmortem): boolean {
  return model.allSections.some((s) => SYMPTOM_HEADING_RE.test(normalizeHeading(s.title)));
}
const OPENING_CHARS = 1500;
