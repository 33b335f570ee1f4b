// Offset ↔ (line, character) mapping. Lines end at \n, \r\n or a lone \r, as in LSP.
import type { LineIndex, Position, Range } from './types';

export function createLineIndex(text: string): LineIndex {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  const length = text.length;
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineEnd = (line: number): number => {
    if (line >= starts.length - 1) return length;
    let end = starts[line + 1];
    if (end > 0 && text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && text.charCodeAt(end - 1) === 13) end--;
    return end;
  };
  return {
    lineCount: starts.length,
    positionAt(offset: number): Position {
      const o = Math.max(0, Math.min(length, Math.floor(offset)));
      const line = lineOf(o);
      return { line, character: o - starts[line], offset: o };
    },
    offsetAt(line: number, character: number): number {
      if (line < 0) return 0;
      if (line >= starts.length) return length;
      return Math.min(starts[line] + Math.max(0, character), lineEnd(line));
    },
    lineStart: (line: number) => starts[Math.max(0, Math.min(line, starts.length - 1))],
    lineEnd: (line: number) => lineEnd(Math.max(0, Math.min(line, starts.length - 1))),
  };
}

export function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(Math.max(start, end)) };
}
