// "##Summary" without the space after its marks (kramdown, Jekyll alert pages) is the heading a reader sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem } from '../../server/src/model/parse';

const titles = (md: string) => parsePostmortem(md).allSections.map((s) => `${s.depth} ${s.title} ${s.kind ?? '-'}`);

test('"##Summary" and "###Root cause" are sections, with their kinds and title ranges', () => {
  const md = 'Intro line.\n\n##Summary\n\nThe service stopped.\n\n###Root cause\n\nA bad rule.\n';
  assert.deepEqual(titles(md), ['2 Summary summary', '3 Root cause contributing-causes']);
  const s = parsePostmortem(md).allSections[0];
  assert.equal(md.slice(s.titleRange.start.offset, s.titleRange.end.offset), 'Summary');
});

test('a single mark, a mark before a digit, a line inside a paragraph or code stays as written', () => {
  assert.deepEqual(titles('#1 was merged.\n\n##2 is next.\n\nText\n##Summary inside a paragraph\n\n```\n##Summary\n```\n'), []);
});
