// The injected grammar colours owners, dates, priorities, tickets and directives in the default theme;
// "New Postmortem" opens the full template.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const { test, launch, openFile, palette, gotoLine, tidy, lineOf, shot } = require('./helpers');

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

/** Colour of the editor token whose text is exactly `text`. */
async function colourOf(text) {
  const span = page.locator('.monaco-editor .view-line span span', { hasText: text }).filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
  await span.waitFor();
  return span.evaluate((el) => window.getComputedStyle(el).color);
}

test('owners, dates, priorities, tickets and directives get their own colours', async () => {
  const rel = 'examples/good-postmortem.md';
  await openFile(page, rel);
  await palette(page, 'View: Close Panel').catch(() => undefined);
  await gotoLine(page, lineOf(rel, /^## Action items/));
  // TextMate tokenization is asynchronous: wait until the heading is coloured as a heading
  await page.locator('.monaco-editor .view-line span span:not(.mtk1)', { hasText: '## Action items' }).waitFor({ timeout: 60000 });
  const plain = await colourOf('| Action | Owner | Due | Priority | Ticket |').catch(() => undefined);
  const owner = await colourOf('@kenji');
  const date = await colourOf('2026-11-27');
  const priority = (await colourOf('P1'));
  const ticket = await colourOf('PAY-891');
  const colours = { plain, owner, date, priority, ticket };
  assert.equal(new Set([owner, date, priority, ticket]).size, 4, `four distinct colours: ${JSON.stringify(colours)}`);
  if (plain) for (const c of [owner, date, priority, ticket]) assert.notEqual(c, plain, `coloured unlike plain text: ${JSON.stringify(colours)}`);
  await tidy(page);
  await shot(page, 'grammar.png');
});

test('postmortem-lint comments: the directive and the rule id stand out from the comment', async () => {
  const rel = 'postmortems/too-many.md';
  await openFile(page, rel);
  await gotoLine(page, lineOf(rel, /postmortem-lint-disable-next-line/));
  const directive = await colourOf('postmortem-lint-disable-next-line');
  const rule = await colourOf('action-item-low-priority');
  // the comment's own punctuation (its token may include the neighbouring space)
  const open = await page.locator('.monaco-editor .view-line span span', { hasText: '-->' }).first().evaluate((el) => window.getComputedStyle(el).color);
  assert.equal(new Set([directive, rule, open]).size, 3, JSON.stringify({ directive, rule, open }));
});

test('"New Postmortem" opens the full template, coloured', async () => {
  await palette(page, 'Postmortem: New Postmortem');
  await page.locator('.tab.active', { hasText: 'Untitled' }).waitFor();
  // text only the template has (the editor renders only the lines in view)
  await page.locator('.view-line', { hasText: 'In 2–4 sentences for a reader who joins a year from now' }).waitFor();
  await page.locator('.view-line span span:not(.mtk1)', { hasText: 'SEV1' }).first().waitFor();
  await shot(page, 'new-postmortem.png');
});
