// A markdown parser built once per extension set. `fromMarkdown` (and remark-parse through unified, which calls it)
// combines micromark's extensions with its constructs and builds the mdast compiler's handlers and tables anew on
// every call (~25–30 µs, ~5% of a cold 1 MB lint's 2,716 sections), and hands each token to its handler in a fresh copy
// of the compiler's context. Here micromark's parser and the compiler's handlers are made once:
// - micromark: `parse(options)` once; the state it keeps for one document (`defined`: definition labels, `lazy`: lazy
//   lines, and what an extension adds, such as the footnote extension's `gfmFootnotes`) is reset before each text;
// - mdast-util-from-markdown: its handlers (`config`, with `enter`, `exit`, `buffer`, `resume`) are taken from the
//   context of one compile, seen by a `beforeEnter` listener that is then removed; each text is compiled by
//   `compile` below (the library's own compile and list preparation, v2.1.0, MIT), with one context whose
//   `sliceSerialize` is set for each event and whose `data` is new for each text, as the library's is.
// Every node is built by the library's handlers; test/unit/markdown-parse.test.ts compares every tree with remark-gfm's.
import { parse, preprocess } from 'micromark';
import { fromMarkdown, type CompileContext, type Extension as MdastExtension, type Handle } from 'mdast-util-from-markdown';
import type { Event, Extension as MicromarkExtension, Point as TokenPoint, Token } from 'micromark-util-types';
import type { Root } from 'mdast';
import { postprocess } from './micromark-subtokenize';
import type { Point } from 'unist';

type Config = CompileContext['config'];

/** The parser of texts with these extensions (micromark's and mdast-util-from-markdown's, in remark's order). */
export function markdownParser(extensions: MicromarkExtension[], mdastExtensions: MdastExtension[]): (text: string) => Root {
  const tokens = micromarkEvents(extensions);
  const handlers = compilerHandlers(extensions, mdastExtensions);
  return (text) => compile(tokens(text), handlers);
}

/** micromark's events for a text, from one parser whose per-document state is reset before each text. */
function micromarkEvents(extensions: MicromarkExtension[]): (text: string) => Event[] {
  const parser = parse({ extensions });
  const own = new Set(Object.keys(parser));
  const state = parser as unknown as Record<string, unknown>;
  return (text) => {
    parser.defined = [];
    parser.lazy = {};
    for (const key of Object.keys(parser)) if (!own.has(key)) delete state[key];
    return postprocess(parser.document().write(preprocess()(text, undefined, true)));
  };
}

/** The compiler's handlers for these extensions: the context of one compile, without the listener that saw it. */
function compilerHandlers(extensions: MicromarkExtension[], mdastExtensions: MdastExtension[]): CompileContext {
  let seen: CompileContext | undefined;
  const listener: Handle = function (this: CompileContext) {
    seen ??= { ...this };
  };
  fromMarkdown('a', { extensions, mdastExtensions: [...mdastExtensions, { beforeEnter: listener }] });
  if (!seen) throw new Error('mdast-util-from-markdown compiled no event');
  const listeners = seen.config.beforeEnter;
  listeners.splice(listeners.indexOf(listener), 1);
  return seen;
}

/** mdast-util-from-markdown's `compile` (v2.1.0), with one context for all events. */
function compile(events: Event[], handlers: CompileContext): Root {
  const config: Config = handlers.config;
  let tree: Root = { type: 'root', children: [], position: undefined };
  const context: CompileContext = {
    stack: [tree],
    tokenStack: [],
    config,
    enter: handlers.enter,
    exit: handlers.exit,
    buffer: handlers.buffer,
    resume: handlers.resume,
    data: {},
    sliceSerialize: handlers.sliceSerialize,
  };
  events = withListItems(events);
  for (const event of events) {
    const [kind, token, tokenizer] = event;
    context.sliceSerialize = tokenizer.sliceSerialize;
    if (kind === 'enter') for (const listener of config.beforeEnter) listener.call(context, token);
    const handles = config[kind];
    if (Object.hasOwn(handles, token.type)) handles[token.type].call(context, token);
    if (kind === 'exit') for (const listener of config.afterExit) listener.call(context, token);
  }
  const open = context.tokenStack[context.tokenStack.length - 1];
  if (open) (open[1] ?? unclosed).call(context, undefined, open[0]);
  const origin = { line: 1, column: 1, offset: 0 };
  tree.position = {
    start: point(events.length > 0 ? events[0][1].start : origin),
    end: point(events.length > 0 ? events[events.length - 2][1].end : origin),
  };
  for (const transform of config.transforms) tree = (transform(tree) as Root | undefined) ?? tree;
  return tree;
}

function point(d: Point): Point {
  return { line: d.line, column: d.column, offset: d.offset };
}

/** mdast-util-from-markdown's error for a token left open (its `defaultOnError`). */
function unclosed(this: CompileContext, left: Token | undefined, right: Token): undefined {
  const where = (t: Token) => `${t.start.line}:${t.start.column}-${t.end.line}:${t.end.column}`;
  if (left) throw new Error(`Cannot close \`${left.type}\` (${where(left)}): a different token (\`${right.type}\`, ${where(right)}) is open`);
  throw new Error(`Cannot close document, a token (\`${right.type}\`, ${where(right)}) is still open`);
}

/** The events with `listItem` tokens added and each list's and item's spread set: each list is prepared while it is last. */
function withListItems(events: Event[]): Event[] {
  const prepared: Event[] = [];
  const lists: number[] = [];
  for (const event of events) {
    prepared.push(event);
    const type = event[1].type;
    if (type !== 'listOrdered' && type !== 'listUnordered') continue;
    if (event[0] === 'enter') lists.push(prepared.length - 1);
    else prepareList(prepared, lists.pop() ?? 0);
  }
  return prepared;
}

/** mdast-util-from-markdown's `prepareList` (v2.1.0): the list's items and spread, for the list that ends `events`. */
function prepareList(events: Event[], start: number): void {
  const end = events.length - 1;
  let index = start - 1;
  let containerBalance = -1;
  let listSpread = false;
  let listItem: Token | undefined;
  let lineIndex: number | undefined;
  let firstBlankLineIndex: number | undefined;
  let atMarker: boolean | undefined;
  const insertions: { at: number; event: Event }[] = [];
  while (++index <= end) {
    const event = events[index];
    switch (event[1].type) {
      case 'listUnordered':
      case 'listOrdered':
      case 'blockQuote':
        containerBalance += event[0] === 'enter' ? 1 : -1;
        atMarker = undefined;
        break;
      case 'lineEndingBlank':
        if (event[0] === 'enter') {
          if (listItem && !atMarker && !containerBalance && !firstBlankLineIndex) firstBlankLineIndex = index;
          atMarker = undefined;
        }
        break;
      case 'linePrefix':
      case 'listItemValue':
      case 'listItemMarker':
      case 'listItemPrefix':
      case 'listItemPrefixWhitespace':
        break;
      default:
        atMarker = undefined;
    }
    if (
      (!containerBalance && event[0] === 'enter' && event[1].type === 'listItemPrefix') ||
      (containerBalance === -1 && event[0] === 'exit' && (event[1].type === 'listUnordered' || event[1].type === 'listOrdered'))
    ) {
      if (listItem) {
        let tailIndex = index;
        lineIndex = undefined;
        while (tailIndex--) {
          const tailEvent = events[tailIndex];
          const type = tailEvent[1].type;
          if (type === 'lineEnding' || type === 'lineEndingBlank') {
            if (tailEvent[0] === 'exit') continue;
            if (lineIndex) {
              events[lineIndex][1].type = 'lineEndingBlank';
              listSpread = true;
            }
            tailEvent[1].type = 'lineEnding';
            lineIndex = tailIndex;
          } else if (
            type !== 'linePrefix' &&
            type !== 'blockQuotePrefix' &&
            type !== 'blockQuotePrefixWhitespace' &&
            type !== 'blockQuoteMarker' &&
            type !== 'listItemIndent'
          ) {
            break;
          }
        }
        if (firstBlankLineIndex && (!lineIndex || firstBlankLineIndex < lineIndex)) listItem._spread = true;
        listItem.end = { ...(lineIndex ? events[lineIndex][1].start : event[1].end) };
        insertions.push({ at: lineIndex || index, event: ['exit', listItem, event[2]] });
      }
      if (event[1].type === 'listItemPrefix') {
        const item: Token = { type: 'listItem', _spread: false, start: { ...event[1].start }, end: undefined as unknown as TokenPoint };
        listItem = item;
        insertions.push({ at: index, event: ['enter', item, event[2]] });
        firstBlankLineIndex = undefined;
        atMarker = true;
      }
    }
  }
  // the list is at the end of `events`: take it off, then push it back with the insertions merged in
  const listEvents = events.splice(start);
  let insertion = 0;
  for (let i = 0; i < listEvents.length; i++) {
    while (insertion < insertions.length && insertions[insertion].at === start + i) events.push(insertions[insertion++].event);
    events.push(listEvents[i]);
  }
  events[start][1]._spread = listSpread;
}
