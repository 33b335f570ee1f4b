// micromark's `postprocess` (micromark 4.0.3) with micromark-util-subtokenize's `subtokenize` (v2.1.0, MIT): the
// passes that tokenize the content and text inside each flow token, one nesting level a pass. The same steps in the
// same order; only the bookkeeping differs: the library keeps the indexes to jump over in plain objects with integer
// keys (`Object.assign(jumps, gaps)` for every content token, ~40% of the function's time in a profile of the 1 MB
// text) where a Map is used here, and a pass that changed nothing does not copy the events back onto themselves.
// test/unit/markdown-parse.test.ts compares every tree with remark-gfm's.
import { SpliceBuffer } from 'micromark-util-subtokenize';
import { splice } from 'micromark-util-chunked';
import type { Event, Token, TokenizeContext } from 'micromark-util-types';

/** micromark's events after every pass of `subtokenize` (micromark's `postprocess`). */
export function postprocess(events: Event[]): Event[] {
  while (!subtokenize(events)) {
    // one nesting level a pass
  }
  return events;
}

/** One pass; true when no token had content left to tokenize. */
function subtokenize(eventsArray: Event[]): boolean {
  const jumps = new Map<number, number>();
  let more = false;
  let changed = false;
  const events = new SpliceBuffer<Event>(eventsArray);
  for (let index = 0; index < events.length; index++) {
    for (let to = jumps.get(index); to !== undefined; to = jumps.get(index)) index = to;
    const event = events.get(index);
    // the GFM task-list extension needs to know whether text is in the first content of a list item
    if (index && event[1].type === 'chunkFlow' && events.get(index - 1)[1].type === 'listItemPrefix') {
      const subevents = (event[1]._tokenizer as TokenizeContext).events;
      let otherIndex = 0;
      if (otherIndex < subevents.length && subevents[otherIndex][1].type === 'lineEndingBlank') otherIndex += 2;
      if (otherIndex < subevents.length && subevents[otherIndex][1].type === 'content') {
        while (++otherIndex < subevents.length) {
          if (subevents[otherIndex][1].type === 'content') break;
          if (subevents[otherIndex][1].type === 'chunkText') {
            subevents[otherIndex][1]._isInFirstContentOfListItem = true;
            otherIndex++;
          }
        }
      }
    }
    if (event[0] === 'enter') {
      if (event[1].contentType) {
        subcontent(events, index, jumps);
        index = jumps.get(index) as number;
        more = true;
        changed = true;
      }
    } else if (event[1]._container) {
      let otherIndex = index;
      let lineIndex: number | undefined;
      while (otherIndex--) {
        const otherEvent = events.get(otherIndex);
        const type = otherEvent[1].type;
        if (type === 'lineEnding' || type === 'lineEndingBlank') {
          if (otherEvent[0] === 'enter') {
            if (lineIndex) events.get(lineIndex)[1].type = 'lineEndingBlank';
            otherEvent[1].type = 'lineEnding';
            lineIndex = otherIndex;
          }
        } else if (type !== 'linePrefix' && type !== 'listItemIndent') {
          break;
        }
      }
      if (lineIndex) {
        // the container's exit moves before its trailing line endings
        event[1].end = { ...events.get(lineIndex)[1].start };
        const parameters = events.slice(lineIndex, index);
        parameters.unshift(event);
        events.splice(lineIndex, index - lineIndex + 1, parameters);
        changed = true;
      }
    }
  }
  if (changed) splice(eventsArray, 0, Number.POSITIVE_INFINITY, events.slice(0));
  return !more;
}

/** Tokenizes the content of the linked tokens that start at `eventIndex` and puts their events in their place. */
function subcontent(events: SpliceBuffer<Event>, eventIndex: number, jumpsOut: Map<number, number>): void {
  const token = events.get(eventIndex)[1];
  const context = events.get(eventIndex)[2];
  let startPosition = eventIndex - 1;
  const startPositions: number[] = [];
  let tokenizer = token._tokenizer;
  if (!tokenizer) {
    tokenizer = context.parser[token.contentType as NonNullable<Token['contentType']>](token.start);
    if (token._contentTypeTextTrailing) tokenizer._contentTypeTextTrailing = true;
  }
  const childEvents = tokenizer.events;
  const jumps: [number, number][] = [];
  let previous: Token | undefined;
  let current: Token | undefined = token;
  const breaks = [0];
  while (current) {
    while (events.get(++startPosition)[1] !== current) {
      // to the token's own event
    }
    startPositions.push(startPosition);
    if (!current._tokenizer) {
      const stream = context.sliceStream(current);
      if (!current.next) stream.push(null);
      if (previous) tokenizer.defineSkip(current.start);
      if (current._isInFirstContentOfListItem) tokenizer._gfmTasklistFirstContentOfListItem = true;
      tokenizer.write(stream);
      if (current._isInFirstContentOfListItem) tokenizer._gfmTasklistFirstContentOfListItem = undefined;
    }
    previous = current;
    current = current.next;
  }
  current = token;
  for (let index = 1; index < childEvents.length; index++) {
    const [kind, child] = childEvents[index];
    if (kind === 'exit' && childEvents[index - 1][0] === 'enter' && child.type === childEvents[index - 1][1].type && child.start.line !== child.end.line) {
      breaks.push(index + 1);
      (current as Token)._tokenizer = undefined;
      (current as Token).previous = undefined;
      current = (current as Token).next;
    }
  }
  tokenizer.events = [];
  if (current) {
    current._tokenizer = undefined;
    current.previous = undefined;
  } else {
    breaks.pop();
  }
  for (let index = breaks.length - 1; index >= 0; index--) {
    const slice = childEvents.slice(breaks[index], breaks[index + 1]);
    const start = startPositions.pop() as number;
    jumps.push([start, start + slice.length - 1]);
    events.splice(start, 2, slice);
  }
  jumps.reverse();
  let adjust = 0;
  for (const [from, to] of jumps) {
    jumpsOut.set(adjust + from, adjust + to);
    adjust += to - from - 1;
  }
}
