// A reference page that happens to use two section names: npm's `npm-config.md` ("Description", and "fix" as the
// name of a sub-command), a library's threat model ("Mitigation/Countermeasures", "Next Steps & Review"). Many
// headings, few of them a postmortem's, and not one past event told: not the story of an incident. Read by the
// detection only when the headings alone made the page look like a postmortem.
import type { Postmortem } from './types';
import { genreEvidence } from './genre';

/** Headings (besides the title) of which the postmortem's sections are under half, with no past event told. */
export function readsAsReferencePage(model: Postmortem, prose: string): boolean {
  const h1s = model.allSections.filter((s) => s.depth === 1);
  const headings = model.allSections.filter((s) => !(h1s.length === 1 && s === h1s[0]));
  if (headings.length < MIN_HEADINGS) return false;
  const named = headings.filter((s) => s.kind && s.kind !== 'deferred').length;
  if (named * 2 >= headings.length) return false;
  return genreEvidence(model, prose).event === 0;
}
const MIN_HEADINGS = 8;
