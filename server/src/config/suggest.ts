// "Did you mean …?" for misspelt keys, rule ids and values.
import { distance } from 'fastest-levenshtein';

/** " (did you mean X?)" when a candidate is close enough to `word`, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return '';
  const limit = Math.max(2, Math.floor(Math.max(word.length, best.length) / 3));
  if (bestD <= limit || (w.length >= 4 && best.toLowerCase().includes(w))) return ` (did you mean ${best}?)`;
  return '';
}

/** Edit distance, bounded: keys of hundreds of characters are not worth a quadratic comparison. */
function levenshtein(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Math.abs(a.length - b.length) + 200;
  return distance(a, b);
}
