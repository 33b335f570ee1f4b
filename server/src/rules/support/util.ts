// The helpers rules share, by job: which items and which of their words (items.ts), short messages (messages.ts),
// dates (dates.ts) and the edits fixes make (edits.ts). Rules import them from here.
export * from './items';
export * from './messages';
export * from './dates';
export * from './edits';
