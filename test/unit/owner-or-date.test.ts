// The readers that tell tracked work from finished details and standing practices ask the item readers (fields.ts,
// due.ts) whether a line names an owner or a date, instead of guessing with their own expressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesOwnerOrDate } from '../../server/src/model/action-items/common';
import { findDue } from '../../server/src/model/due';

const seg = (text: string) => ({ text, offset: 0 });

test('an owner or a date, as an item would be read, counts', () => {
  for (const s of [
    'Page the on-call when the scanner fires — @rui',
    'Owner: Lena',
    'Owner: TBD',
    'Rotate the keys, due 2026-12-20',
    'Rotate the keys by end of Q3',
    'Rotate the keys before March 3, 2026',
    'Rotate the keys ASAP',
  ])
    assert.ok(namesOwnerOrDate(seg(s)), s);
});

test('the words "owner" and "due to" in a sentence are not fields', () => {
  for (const s of [
    'Names the owner field of each bucket in its log line',
    'No longer fails silently when the write is refused due to an expiry rule',
    'Always ask the bucket’s owner before changing a shared variable',
    'Sam suggests we add a retry — @sam suggests it',
  ])
    assert.equal(namesOwnerOrDate(seg(s)), false, s);
});

test('"due to" gives a cause, not a due date', () => {
  assert.equal(findDue(seg('Investigate the retries due to timeouts in the client')), undefined);
  assert.equal(findDue(seg('Fix the retries, due 2026-05-01'))?.text, '2026-05-01');
  assert.equal(findDue(seg('Fix the retries, due next sprint'))?.text, 'next sprint');
});

test('the day work was shipped or done is not its due date', () => {
  assert.equal(findDue(seg('No alert on queue depth — **shipped 2026-10-02.** The alert now pages.')), undefined);
  assert.equal(findDue(seg('Cap the dead-letter queue (done on 2026-10-02)')), undefined);
  assert.equal(findDue(seg('Cap the dead-letter queue, due 2026-11-02; alert shipped 2026-10-02'))?.text, '2026-11-02');
  assert.equal(findDue(seg('Cap the dead-letter queue by 2026-11-02'))?.text, '2026-11-02');
});

test('a due day with a two-digit year after a due keyword is a date, month first, ambiguous when either could be the month', () => {
  const at = (s: string) => {
    const d = findDue(seg(s));
    return d?.kind === 'date' ? `${d.iso}${d.ambiguous ? ' ambiguous' : ''}` : d?.kind;
  };
  assert.equal(at('Disk monitoring will be put in place by 04-04-17'), '2017-04-04');
  assert.equal(at('Rotate the keys before 3/14/26'), '2026-03-14');
  assert.equal(at('Rotate the keys before 14/3/26'), '2026-03-14');
  assert.equal(at('Rotate the keys by 03/04/26'), '2026-03-04 ambiguous');
  // not after a due keyword, or not a day at all: not read
  assert.equal(at('Upgraded to 04-04-17 build'), undefined);
  assert.equal(at('Rotate the keys by 13/14/26'), undefined);
});
