// Template text the product writes (New Postmortem, Insert Section…, the snippets) that the writer has not replaced
// yet: `YYYY-MM-DD`, `HH:MM`, `@owner`, `ABC-123`, `ACRONYM`, and the prompt sentences that say what belongs in a
// section. Computed once per model; empty-section reports each one until it is replaced. Pure.
import type { Field, Postmortem } from '../../model/types';
import { rangeOf } from '../../model/lines';
import { proseText } from './util';
import { matchesByLine, memoByText } from '../../model/memo';

/** Tokens the templates use as blanks. */
const TOKEN_RE = /\bYYYY-MM-DD\b|\bHH:MM\b|(?<![\w@])@owner\b|\bABC-12\d\b|\*\*ACRONYM\*\*/g;
/** Words every match of TOKEN_RE holds (a line without any of them has no token). */
const TOKEN_WORDS = ['YYYY-MM-DD', 'HH:MM', '@owner', 'ABC-12', '**ACRONYM**'];

/**
 * The first words of every prompt sentence in snippets/postmortem.code-snippets (a unit test checks that each snippet
 * default is recognised, so this list cannot fall behind the snippets).
 */
export const PROMPT_STARTS = [
  'In 2–4 sentences for a reader who joins a year from now',
  'Who was affected, in numbers:',
  'For how long: e.g.',
  'Business cost: e.g.',
  'What happened, what we saw',
  'Why we chose that action, and what else we considered',
  'Write these before the meeting:',
  'A condition in a system or process that made the failure possible',
  'How we found out (alert, customer report, dashboard)',
  'What restored service and why that was the right call',
  'Something that limited the impact and that we should keep doing',
  'Something in how we work (not only what we built)',
  'Something that helped by chance',
  'what it stands for and what it is, for a reader from another team',
];

const cache = new WeakMap<Postmortem, Field<string>[]>();

/** Unreplaced template text in the document's prose (and a `date: YYYY-MM-DD` in the front matter), in order. */
export function templatePlaceholders(model: Postmortem): Field<string>[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: Field<string>[] = [];
  const add = (start: number, end: number) => {
    const text = model.text.slice(start, end);
    out.push({ value: text, text, range: rangeOf(model.lines, start, end) });
  };
  const fm = model.frontMatter;
  if (fm) {
    const m = /^date:[ \t]*(YYYY-MM-DD)[ \t]*$/m.exec(model.text.slice(fm.range.start.offset, fm.range.end.offset));
    if (m) add(fm.range.start.offset + m.index + m[0].indexOf('YYYY'), fm.range.start.offset + m.index + m[0].indexOf('YYYY') + 10);
  }
  const prose = proseText(model);
  for (const l of candidateLines(model, prose)) {
    const s = model.lines.lineStart(l);
    for (const [a, b] of lineHits(prose.slice(s, model.lines.lineEnd(l)))) add(s + a, s + b);
  }
  cache.set(model, out);
  return out;
}

/**
 * The lines that can hold a placeholder, in order: those holding a prompt's first words or a token. A line without
 * either has none (lineHits finds only those), so the other lines are not read one by one.
 */
function candidateLines(model: Postmortem, prose: string): number[] {
  const lines = new Set<number>();
  for (const m of needles(prose)) lines.add(model.lines.positionAt(m.index).line);
  return [...lines].sort((a, b) => a - b);
}

/**
 * Where a prompt's first words or a token stand, paragraph by paragraph (each paragraph's remembered: an edit leaves
 * most as they were). None holds a line break, so the lines holding one are those holding a match: a match that hides
 * another (overlapping it) is on the same line.
 */
const needles = matchesByLine(new RegExp([...PROMPT_STARTS, ...TOKEN_WORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'));

/** The placeholders of one line of prose, as [start, end] in the line (a function of the line: remembered). */
const lineHits = memoByText((line: string): [number, number][] => {
  if (!line.trim()) return [];
  const body = line.replace(/^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[[ xX]?\][ \t]+)?/, '');
  const at = line.length - body.length;
  const start = PROMPT_STARTS.find((p) => body.replace(/^\*\*[^*]*\*\*:?\s*/, '').startsWith(p));
  if (start) return [[at, line.trimEnd().length]];
  return [...line.matchAll(TOKEN_RE)].map((m) => [m.index, m.index + m[0].length]);
});
