// What in a document is not prose (code, HTML, front matter, code spans over several lines) and the inline
// `postmortem-lint-*` directives read from its HTML comments. Pure.
import type { Nodes, Root, RootContent } from 'mdast';
import type { Directive, Postmortem, Range } from './types';
import { endOf, startOf } from './action-items/common';
import { perBlock } from './per-block';

type R = (s: number, e: number) => Range;

/**
 * `regions`: HTML read as structure (model/html-blocks.ts), in order: inside one, only its own opaque ranges (tags,
 * comments, code) are opaque, not the whole blocks; directives are still read from the blocks' comments.
 */
export function collectOpaque(tree: Root, model: Postmortem, R: R, regions: readonly { start: number; end: number; opaque: [number, number][] }[] = []): void {
  let g = 0;
  for (const o of opaqueOf(tree)) {
    while (g < regions.length && regions[g].end <= o.start) pushRegion(regions[g++], model, R);
    const inRegion = g < regions.length && regions[g].start <= o.start && o.end <= regions[g].end;
    if (!inRegion) model.opaqueRanges.push(R(o.start, o.end));
    if (o.html !== undefined) readDirectives(o.html, model.text.slice(o.start, o.end), o.start, model, R);
  }
  while (g < regions.length) pushRegion(regions[g++], model, R);
}

function pushRegion(region: { opaque: [number, number][] }, model: Postmortem, R: R): void {
  for (const [s, e] of region.opaque) model.opaqueRanges.push(R(s, e));
}

/**
 * What is not prose, in order: code, HTML (with its value: directives are read from it) and front matter nodes, and
 * code spans that run over line breaks (within one paragraph): their lines are code, and a comment written on one of
 * them is code too (the one-line spans are blanked by proseText). A block's are remembered while its text is unchanged.
 */
const opaqueOf = perBlock(
  (block: RootContent) => {
    const out: { start: number; end: number; html?: string }[] = [];
    const visit = (n: Nodes) => {
      if (n.type === 'code' || n.type === 'html' || n.type === 'yaml') {
        out.push(n.type === 'html' ? { start: startOf(n), end: endOf(n), html: n.value } : { start: startOf(n), end: endOf(n) });
        return;
      }
      if (n.type === 'inlineCode' && n.position && n.position.start.line !== n.position.end.line) {
        out.push({ start: startOf(n), end: endOf(n) });
        return;
      }
      if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    };
    visit(block);
    return out;
  },
  (o, by) => ({ ...o, start: o.start + by, end: o.end + by }),
);

const DIRECTIVE_HEAD = /^\s*postmortem-lint-(disable-next-line|disable-line|disable-file|disable|enable|configure-file)\b/;

interface DirectiveMatch {
  index: number;
  /** The whole comment, `<!--` to `-->`. */
  text: string;
  kind: string;
  body: string;
}

/**
 * `<!-- postmortem-lint-<kind> <body> -->` comments, in one pass: each `<!--` is paired with the first `-->` after it,
 * found once for all the openings before it (a lazy `<!--…([\s\S]*?)-->` expression re-reads the rest of the text from
 * every opening when no comment closes: cubic on a run of unclosed directives).
 */
function directiveMatches(s: string): DirectiveMatch[] {
  const out: DirectiveMatch[] = [];
  let close = -1;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', open + 4)) {
    if (close < open + 4) close = s.indexOf('-->', open + 4);
    if (close < 0) break;
    const inner = s.slice(open + 4, close);
    const head = DIRECTIVE_HEAD.exec(inner);
    if (!head) continue;
    out.push({ index: open, text: s.slice(open, close + 3), kind: head[1], body: inner.slice(head[0].length) });
    open = close - 1;
  }
  return out;
}

/**
 * The directives of one HTML node. Their words come from the node's value; their ranges from the source text of the
 * node: remark expands tabs and drops container prefixes in `value`, so offsets into it point past the comment (a
 * tab-indented `disable-next-line` reached one line too far).
 */
function readDirectives(value: string, source: string, base: number, model: Postmortem, R: R): void {
  const inSource = directiveMatches(source);
  const inValue = directiveMatches(value);
  const paired = inSource.length === inValue.length;
  for (const [i, m] of inValue.entries()) {
    const kind = m.kind as Directive['kind'];
    const body = m.body.trim();
    const at = paired ? inSource[i] : m;
    const start = Math.min(base + at.index, base + source.length);
    const range = R(start, Math.min(start + at.text.length, base + source.length));
    if (kind === 'configure-file') {
      try {
        model.directives.push({ kind, rules: [], config: JSON.parse(body || '{}'), range });
      } catch (e) {
        model.directives.push({ kind, rules: [], range, error: `postmortem-lint-configure-file needs a JSON object: ${(e as Error).message}` });
      }
      continue;
    }
    const rules = body.split(/[\s,]+/).filter(Boolean);
    model.directives.push({ kind, rules, range });
  }
}
