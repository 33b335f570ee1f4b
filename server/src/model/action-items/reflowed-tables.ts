// An action-item table that a markdown formatter reflowed into a paragraph ("| Action Item | Owner | Issue | Notes |
// |---|---|---|---| | Ensure … | [@xster](…) || [Done](…) | | next row …", wrapped at 80 columns): read as the table
// it was, only where every row has exactly the header's number of cells. Anything less regular is left unread.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Paragraph, Root, Table } from 'mdast';
import { endOf, startOf, type ParseContext } from './common';
import { columnRoles } from './tables';

const parser = unified().use(remarkParse).use(remarkGfm);
const SEPARATOR_CELL_RE = /^[ \t]*:?-{3,}:?[ \t]*$/;

/**
 * The table a reflowed paragraph holds, its positions on the document, and the context to read it with (the same
 * text with the row breaks put back: same length, so every offset holds); undefined unless it reads exactly.
 */
export function reflowedTable(p: Paragraph, ctx: ParseContext): { table: Table; ctx: ParseContext } | undefined {
  return reflowed(p, ctx) ?? undelimitedTable(p, ctx);
}

function reflowed(p: Paragraph, ctx: ParseContext): { table: Table; ctx: ParseContext } | undefined {
  const s = startOf(p);
  const e = endOf(p);
  const src = ctx.text.slice(s, e);
  // a pipe escaped or inside code or HTML is not a cell border: not read
  if (src[0] !== '|' || !/\|[ \t]*:?-{3,}/.test(src) || src.includes('\\|') || hidesPipe(p)) return undefined;
  const pipes: number[] = [];
  for (let i = 0; i < src.length; i++) if (src[i] === '|') pipes.push(i);
  const segs: [number, number][] = pipes.slice(1).map((b, i) => [pipes[i] + 1, b]);
  const blank = ([a, b]: [number, number]) => !src.slice(a, b).trim();
  const sep = segs.findIndex(([a, b]) => SEPARATOR_CELL_RE.test(src.slice(a, b)));
  const n = sep - 1;
  // header cells, one gap, n separator cells, one gap, then rows of n cells with one gap between rows
  if (n < 2 || segs.slice(0, n).some(blank) || !isGap(src, segs[n])) return undefined;
  if (!segs.slice(sep, sep + n).every(([a, b]) => SEPARATOR_CELL_RE.test(src.slice(a, b)))) return undefined;
  const body = segs.slice(sep + n);
  if (body.length < n + 1 || body.length % (n + 1) !== 0) return undefined;
  const gaps = [segs[n]];
  for (let i = 0; i < body.length; i += n + 1) {
    if (!isGap(src, body[i])) return undefined;
    gaps.push(body[i]);
  }
  // the text with each gap opening a line and every line break inside a cell a space
  const chars = src.replace(/\r?\n|\r/g, (m) => ' '.repeat(m.length)).split('');
  for (const [a] of gaps) chars[a] = '\n';
  const rebuilt = chars.join('');
  const tree = parser.parse(rebuilt) as Root;
  const table = tree.children[0];
  if (tree.children.length !== 1 || table?.type !== 'table' || table.children.some((r) => r.children.length !== n)) return undefined;
  if (table.children.length !== body.length / (n + 1) + 1) return undefined;
  shift(table, s);
  return { table, ctx: { ...ctx, text: ctx.text.slice(0, s) + rebuilt + ctx.text.slice(e) } };
}

/**
 * A table written without its delimiter row ("| Action | Owner |" over "| Add an alert | Kari |", no "|---|---|"):
 * markdown shows a paragraph of pipes, a reader still sees the table. Read where every line is one row with the
 * header's number of cells (two or more) and the header names the action and an owner, due date or status column.
 */
function undelimitedTable(p: Paragraph, ctx: ParseContext): { table: Table; ctx: ParseContext } | undefined {
  const s = startOf(p);
  const src = ctx.text.slice(s, endOf(p));
  if (src[0] !== '|' || src.includes('\\|') || hidesPipe(p)) return undefined;
  const lines = src.split('\n');
  const n = cellCount(lines[0]);
  if (lines.length < 2 || n < 2 || lines.some((l) => cellCount(l) !== n)) return undefined;
  const roles = columnRoles(lines[0].trim().slice(1, -1).split('|').map((h) => h.trim().toLowerCase()));
  if (roles.action === undefined || (roles.owner ?? roles.due ?? roles.status) === undefined) return undefined;
  // parsed with the delimiter row put in, then every row moved back to where it stands in the document
  const delimiter = `|${' --- |'.repeat(n)}`;
  const tree = parser.parse(`${lines[0]}\n${delimiter}\n${lines.slice(1).join('\n')}`) as Root;
  const table = tree.children[0];
  if (tree.children.length !== 1 || table?.type !== 'table' || table.children.length !== lines.length) return undefined;
  // a row's trailing comment (a disable directive) is a cell past the header's: not read
  if (table.children.some((r) => r.children.length < n || r.children.length > n + 1)) return undefined;
  table.children.forEach((row, i) => shift(row, i === 0 ? s : s - delimiter.length - 1));
  table.position = { start: { ...table.children[0].position!.start }, end: { ...table.children[lines.length - 1].position!.end } };
  return { table, ctx };
}

/** The cells of one line written as a table row ("| a | b |", a trailing `<!-- … -->` comment aside), or -1. */
function cellCount(line: string): number {
  let t = line.trim();
  const comment = t.endsWith('-->') ? t.lastIndexOf('<!--') : -1;
  if (comment > 0) t = t.slice(0, comment).trimEnd();
  return t.length >= 2 && t.startsWith('|') && t.endsWith('|') ? t.split('|').length - 2 : -1;
}

function hidesPipe(n: Nodes): boolean {
  if ((n.type === 'inlineCode' || n.type === 'html') && n.value.includes('|')) return true;
  return 'children' in n && (n.children as Nodes[]).some(hidesPipe);
}

/** Between two rows: blanks only, at least one. */
function isGap(src: string, seg: [number, number] | undefined): boolean {
  return !!seg && seg[1] > seg[0] && !src.slice(seg[0], seg[1]).trim();
}

function shift(node: Nodes, by: number): void {
  const seen = new Set<object>();
  const visit = (n: Nodes) => {
    for (const p of [n.position?.start, n.position?.end]) {
      if (!p || seen.has(p) || p.offset === undefined) continue;
      seen.add(p);
      p.offset += by;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
}
