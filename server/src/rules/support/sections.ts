// What belongs in each canonical section: used by missing-section and empty-section messages and prompt lines.
import type { SectionKind } from '../../model/types';

export const SECTION_PURPOSE: Record<SectionKind, { why: string; prompt: string }> = {
  summary: {
    why: 'a reader a year from now starts here: what happened, to whom, for how long, and what stopped it',
    prompt: 'TODO: two or three sentences: what happened, who was affected, for how long, and what ended it.',
  },
  impact: {
    why: 'without numbers nobody can tell whether this was a blip or a crisis, or compare it with the next incident',
    prompt: 'TODO: who was affected and how much: users, failed requests, minutes of downtime, money, support tickets.',
  },
  timeline: {
    why: 'the order of events (with a time zone) is how a reader sees what was known when, and why each call was made',
    prompt: 'TODO: timestamped events (with a time zone) from the trigger to recovery, including what was seen at each step.',
  },
  'contributing-causes': {
    why: 'action items only make sense against the systemic causes they address',
    prompt: 'TODO: the conditions that made this possible, down to systemic causes, not the person who pressed the button.',
  },
  detection: {
    why: 'how the incident was noticed tells the next team which signals work and which stayed silent',
    prompt: 'TODO: how the incident was noticed (alert, customer report, luck) and how long that took.',
  },
  resolution: {
    why: 'what was done, and why that was the right call, is the context a future responder needs',
    prompt: 'TODO: what stopped the impact, why that was the right call, and what else was considered.',
  },
  'action-items': {
    why: 'a postmortem that changes nothing is a ritual: the few changes you commit to, each with an owner and a date, are the point',
    prompt: 'TODO: three to five actions, each with one owner (@name), a due date (YYYY-MM-DD) and a priority.',
  },
  'lessons-learned': {
    why: 'what went well, what went wrong and where you got lucky is what the wider organisation learns from',
    prompt: 'TODO: what went well, what went wrong, and where we got lucky.',
  },
  glossary: {
    why: 'a reader outside the team needs the acronyms and system names explained',
    prompt: 'TODO: the acronyms and system names used above, each with one line of explanation.',
  },
  deferred: {
    why: 'items let go on purpose belong here, so the decision is visible',
    prompt: 'TODO: items we decided not to do now, and why.',
  },
};
