// A story told under chapter headings of its own: a blog post of one outage whose headings are the writer's jokes
// ("Setting the Scene", "The Fateful Day of PAIN", "Epilogue"), none a section the catalogue knows, with the events as
// time-stamped lines ("**Monday, 8am PST**, I restored the database …"). A reader sees the impact, the timeline and
// the causes in the story; which chapter holds which is the reader's call, so missing-section does not guess (it
// still asks for follow-ups, which the engine reads from prose wherever they are). Pure: reads only the model.
import type { Postmortem, Section, SectionKind } from './types';
import { proseText, timeStampedSteps } from './facts';
import { toldAsStory } from './genre';

/** The sections a story holds without naming them: told in its chapters, not under headings of their own. */
export const TOLD_IN_STORY: readonly SectionKind[] = ['summary', 'impact', 'timeline', 'contributing-causes'];

const memo = new WeakMap<Postmortem, boolean>();

/**
 * At least three headings below the title besides a follow-up section, none the catalogue reads as a section (nor a
 * bold label standing in for one), writing that tells one past event at length (toldAsStory), and at least three lines that open with a time.
 */
export function toldUnderStoryHeadings(model: Postmortem): boolean {
  let v = memo.get(model);
  if (v === undefined) {
    v = read(model);
    memo.set(model, v);
  }
  return v;
}

function read(model: Postmortem): boolean {
  const h1s = model.allSections.filter((s) => s.depth === 1);
  const title = h1s.length === 1 ? h1s[0] : undefined;
  // a follow-up section (the writer's own, or the one missing-section's fix adds) does not make the chapters sections
  const followUps = (s: Section): boolean => s.effectiveKind === 'action-items' || (!!s.parent && followUps(s.parent));
  const chapters = model.allSections.filter((s) => s !== title && !followUps(s));
  if (chapters.length < 3 || model.labeledKinds.some((k) => k !== 'action-items') || chapters.some((s) => s.kind || s.effectiveKind)) return false;
  return timeStampedSteps(model.text) >= 3 && toldAsStory(model, proseText(model));
}
