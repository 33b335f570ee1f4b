// A lint's findings crossing from the lint thread as a few flat arrays instead of an object graph: every finding is
// the same shape (rule, severity, message, range of two positions), so nine numbers and three indexes into a table of
// strings carry it. On a 1 MB document (~8,000 findings, ~32,000 objects) the generic graph cut (lsp/graph-chunks.ts)
// took 40–400 ms to encode and 20–180 ms to decode, on the path from keystroke to squiggles; these arrays take a few
// ms each way. The rest of the early result (isPostmortem, detectedBy, limited …) is small and crosses as it is.
import type { Finding, Severity } from '../model/types';

/** Numbers per finding: rule, severity and message (indexes into `strings`), then start and end line, character, offset. */
const STRIDE = 9;

export interface EncodedFindings {
  /** The result without its findings (plain data: structured clone copies it). */
  rest: Record<string, unknown>;
  strings: string[];
  numbers: Float64Array;
}

/** `result` (findings without fixes, and other plain fields) as flat arrays. */
export function encodeFindings(result: { findings: readonly Finding[] } & Record<string, unknown>): EncodedFindings {
  const { findings, ...rest } = result;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  // Float64: offsets and lines of any text the linter accepts fit exactly
  const numbers = new Float64Array(findings.length * STRIDE);
  let k = 0;
  for (const f of findings) {
    const { start, end } = f.range;
    numbers[k++] = at(f.ruleId);
    numbers[k++] = at(f.severity);
    numbers[k++] = at(f.message);
    numbers[k++] = start.line;
    numbers[k++] = start.character;
    numbers[k++] = start.offset;
    numbers[k++] = end.line;
    numbers[k++] = end.character;
    numbers[k++] = end.offset;
  }
  return { rest, strings, numbers };
}

/** The result back, its findings rebuilt (without fixes: the lint thread builds those when asked). */
export function decodeFindings(e: EncodedFindings): Record<string, unknown> & { findings: Finding[] } {
  const { strings, numbers } = e;
  const findings: Finding[] = new Array<Finding>(numbers.length / STRIDE);
  for (let i = 0, k = 0; k < numbers.length; i++, k += STRIDE) {
    findings[i] = {
      ruleId: strings[numbers[k]],
      severity: strings[numbers[k + 1]] as Severity,
      message: strings[numbers[k + 2]],
      range: {
        start: { line: numbers[k + 3], character: numbers[k + 4], offset: numbers[k + 5] },
        end: { line: numbers[k + 6], character: numbers[k + 7], offset: numbers[k + 8] },
      },
    };
  }
  return { ...e.rest, findings };
}
