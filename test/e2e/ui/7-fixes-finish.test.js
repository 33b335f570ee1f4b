// Issue 10, points 3 and 4, as a writer meets them: each quick fix applied from Ctrl+. finishes the job (the finding
// is gone from the Problems panel), the prompts keep what was typed and focus a sensible default, "Fix all" does what
// its name says, and a disable comment between two list items keeps the list whole in the markdown preview.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('../lib');
const { test, MOD, WS_DIR, applyQuickFix, at, closeAll, launch, openFile, palette, untilFile, untilProblems } = require('./helpers');

let browser, page;
before(async () => {
  ({ browser, page } = await launch());
  // tall enough that the maximised Problems panel renders every row of the weak example at once
  await page.setViewportSize({ width: 1400, height: 1500 });
  await closeAll(page);
});
after(async () => { await browser?.close(); });

// the weak example as shipped (an earlier test file edits the workspace's copy)
const WEAK = fs.readFileSync(path.join(ROOT, 'examples/weak-postmortem.md'), 'utf8');

const iso = (d) => d.toISOString().slice(0, 10);
const daysFromToday = (n) => iso(new Date(Date.now() + n * 86400000));

/** A complete postmortem whose only findings are on its action items (dates relative to today, so it never ages). */
function writeFixesDoc(rel, { timeline = true } = {}) {
  const day = daysFromToday(-7);
  const due = daysFromToday(14);
  const text = [
    '---', 'title: "Search returned empty results after an index mapping change"', `date: ${day}`, 'type: postmortem', 'severity: SEV2',
    'status: draft', 'audience: internal', '---', '', '# Search returned empty results after an index mapping change', '',
    '## Summary', '', `On ${day} from 09:12 to 10:05 UTC, search returned empty results for 40% of queries after a deploy changed the`,
    'index mapping. We rolled the deploy back because the mapping could not be fixed in place.', '',
    '## Impact', '', '- 8,200 customers saw empty search results during 53 minutes (40% of queries).', '',
    ...(timeline ? ['## Timeline', '', 'All times UTC.', '', '- **09:12** Deploy SRCH-410 with the new index mapping reaches all nodes.',
      '- **09:40** The empty-result alert pages the on-call engineer.', '- **10:05** Rollback complete; empty results back to 0.2%.', ''] : []),
    '## Contributing causes', '', '- **The deploy pipeline does not check a mapping change against the live index.**', '',
    '## Detection', '', 'The empty-result alert paged at 09:40, 28 minutes after the start.', '',
    '## Resolution', '', 'We rolled back SRCH-410 because the old mapping was known to work.', '',
    '## Action items', '',
    `- [ ] Add a mapping check to the search deploy pipeline — @dana, due ${due}, P1`,
    '- [ ] Alert when the empty-result rate exceeds 5% for 10 minutes',
    '- [ ] Better testing',
    `- [ ] Run index rebuilds between 02:00 and 04:00 UTC only — @kenji, due ${due}, P2`, '',
  ].join('\n');
  fs.writeFileSync(path.join(WS_DIR, rel), text);
  return text;
}

/** 1-based line of `re` in `text` (lines are looked up in the text the test wrote, not on disk, which the editor may be
 * rewriting at that moment: auto save truncates, then writes). */
function lineIn(text, re) {
  const i = text.split('\n').findIndex((l) => re.test(l));
  assert.ok(i >= 0, `no line matching ${re}`);
  return i + 1;
}

/** Checks the Problems panel, maximised so that it renders every row, then gives the editor its room back. */
async function problems(fileName, ok, what) {
  await palette(page, 'View: Toggle Maximized Panel');
  try {
    return await untilProblems(page, fileName, ok, what);
  } finally {
    await palette(page, 'View: Toggle Maximized Panel');
  }
}

/** The quick pick's rows, as their labels (without the description), once one matches `ready`. */
async function pickRows(ready) {
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: ready }).first().waitFor();
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) => rows
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((r) => (r.querySelector('.label-name') ?? r).textContent.trim()));
}

/** The label of the focused row of the quick pick. */
async function focusedPick() {
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
  await focused.waitFor();
  return focused.evaluate((r) => (r.querySelector('.label-name') ?? r).textContent.trim());
}

const FIXES = 'postmortems/first-day-fixes.md';
let fixesText = '';
// the fixes below write into these lines only, so their numbers do not change
const fixesLine = () => lineIn(fixesText, /Alert when the empty-result rate/);

test('"Set due date…" reads a typed "next friday", shows the date, writes it, and the due-date finding goes', async () => {
  fixesText = writeFixesDoc(FIXES);
  await openFile(page, FIXES);
  await page.keyboard.press(`${MOD}+Shift+M`);
  const line = fixesLine();
  await problems('first-day-fixes.md', (rows) => at(rows, 'action-item-due-date', line).length === 1, 'the due-date finding');
  await applyQuickFix(page, line, 'Set due date…');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('next friday');
  // the typed words become a date, shown before accepting
  const typed = page.locator('.quick-input-list .monaco-list-row', { hasText: '"next friday"' }).first();
  await typed.waitFor();
  const date = /\d{4}-\d{2}-\d{2}/.exec(await typed.textContent())?.[0];
  assert.ok(date, `the pick shows the date: ${await typed.textContent()}`);
  assert.equal(new Date(`${date}T12:00:00Z`).getUTCDay(), 5, `${date} is a Friday`);
  assert.ok(date > daysFromToday(0), `${date} is ahead`);
  await page.keyboard.press('Enter');
  await page.locator('.view-line', { hasText: `due ${date}` }).waitFor();
  const rows = await problems('first-day-fixes.md', (r) => at(r, 'action-item-due-date', line).length === 0, 'the due-date finding to go');
  assert.equal(at(rows, 'action-item-owner', line).length, 1, 'the owner finding is still there: the fix did its own job only');
});

test('"Assign an owner…" offers the people written in postmortems, never a handle made from a team name', async () => {
  const line = fixesLine();
  await applyQuickFix(page, line, 'Assign an owner…');
  const rows = await pickRows('@dana');
  const owners = rows.filter((r) => r.startsWith('@'));
  assert.deepEqual(owners.slice(0, 2), ['@dana', '@kenji'], `this postmortem's owners come first: ${JSON.stringify(rows)}`);
  assert.equal(await focusedPick(), '@dana');
  assert.deepEqual(owners.filter((r) => /team/i.test(r)), [], `no made-up team handles: ${JSON.stringify(rows)}`);
  await page.keyboard.press('Enter');
  // monaco renders spaces as nbsp: \s matches both
  await page.locator('.view-line', { hasText: /Alert\swhen\sthe\sempty-result\srate.*@dana/ }).waitFor();
  await problems('first-day-fixes.md', (r) => at(r, 'action-item-owner', line).length === 0, 'the owner finding to go');
});

test('"Set priority…" focuses P2, not P0, and the priority finding goes', async () => {
  const line = fixesLine();
  await applyQuickFix(page, line, 'Set priority…');
  await pickRows('P0');
  assert.equal(await focusedPick(), 'P2', 'the focused choice is P2');
  await page.keyboard.press('Enter');
  await page.locator('.view-line', { hasText: /Alert\swhen\sthe\sempty-result\srate.*\bP2\b/ }).waitFor();
  // nothing is left on the item: owner, date and priority are all written, in the list's own format
  await problems('first-day-fixes.md', (r) => r.every((x) => !x.includes(`[Ln ${line},`)), 'no finding left on the item');
  await page.keyboard.press(`${MOD}+S`);
  const text = await untilFile(path.join(WS_DIR, FIXES), (t) => /Alert when .*P2/.test(t));
  assert.match(text.split('\n')[line - 1], /^- \[ \] Alert when the empty-result rate exceeds 5% for 10 minutes — @dana, due \d{4}-\d{2}-\d{2}, P2$/);
});

test('"Rewrite as a specific action" inserts a snippet: what is typed fills the first blank, Tab goes to the next', async () => {
  const line = lineIn(fixesText, /^- \[ \] Better testing$/);
  await applyQuickFix(page, line, 'Rewrite as a specific action');
  // each <…> of the template is a tab stop showing its words, the first one selected
  await page.locator('.view-line', { hasText: 'Add specific check for component so that failure is caught before stage' }).waitFor();
  await page.keyboard.type('a mapping check');
  await page.locator('.view-line', { hasText: 'Add a mapping check for component so that' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.type('the search deploy');
  await page.locator('.view-line', { hasText: 'Add a mapping check for the search deploy so that failure' }).waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+S`);
  await untilFile(path.join(WS_DIR, FIXES), (t) => t.includes('Add a mapping check for the search deploy so that'));
});

test('"Fix all postmortem-lint problems that need no answer" inserts the missing section and its finding goes', async () => {
  const rel = 'postmortems/first-day-no-timeline.md';
  writeFixesDoc(rel, { timeline: false });
  await openFile(page, rel);
  await problems('first-day-no-timeline.md', (r) => r.some((x) => x.includes('missing-section[')), 'the missing Timeline');
  await page.locator('.monaco-editor .view-lines').first().click();
  await palette(page, 'Source Action...');
  const entry = page.locator('.action-widget .monaco-list-row.action', { hasText: /^Fix all postmortem-lint problems that need no answer \(1\)$/ });
  await entry.waitFor();
  for (let i = 0; i < 30 && !/focused/.test(await entry.getAttribute('class')); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.view-line', { hasText: /^##\s+Timeline/ }).waitFor();
  await problems('first-day-no-timeline.md', (r) => !r.some((x) => x.includes('missing-section[')), 'the missing-section finding to go');
});

test('"Fix all with defaults…" asks once for an owner and a date, and every item gets them', async () => {
  const rel = 'postmortems/first-day-weak.md';
  fs.writeFileSync(path.join(WS_DIR, rel), WEAK);
  await openFile(page, rel);
  const status = page.locator('.statusbar-item', { hasText: /\d+ open/ }).first();
  await status.filter({ hasText: '8 no owner' }).filter({ hasText: '9 no date' }).waitFor({ timeout: 60000 });
  const line = lineIn(WEAK, /^- \[ \] Better testing$/);
  await applyQuickFix(page, line, /^Fix all with defaults… \(an owner for 8, a date for 9 items\)$/);
  // one owner for all
  const ownerRows = await pickRows('@dana');
  assert.match(await page.locator('.quick-input-widget').textContent(), /One owner for the 8 items without one/);
  assert.equal(ownerRows[0], '@dana', JSON.stringify(ownerRows));
  assert.equal(await focusedPick(), '@dana');
  await page.keyboard.press('Enter');
  // one date for all
  await pickRows('In 2 weeks');
  assert.match(await page.locator('.quick-input-widget').textContent(), /One due date for the 9 items without one/);
  const twoWeeks = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'In 2 weeks' }).first();
  for (let i = 0; i < 10 && !/focused/.test(await twoWeeks.getAttribute('class')); i++) await page.keyboard.press('ArrowDown');
  const date = /\d{4}-\d{2}-\d{2}/.exec(await twoWeeks.textContent())[0];
  await page.keyboard.press('Enter');
  // the status bar counts nothing missing; the Problems panel has no owner or due-date finding left
  await status.filter({ hasNotText: 'no owner' }).filter({ hasNotText: 'no date' }).waitFor();
  const rows = await problems('first-day-weak.md', (r) => !r.some((x) => /action-item-(owner|due-date)\[/.test(x)), 'no owner or due-date finding');
  assert.ok(rows.some((x) => x.includes('action-item-vague[')), 'what needs the writer\'s words is still reported');
  await page.keyboard.press(`${MOD}+S`);
  const text = await untilFile(path.join(WS_DIR, rel), (t) => t.includes(`due ${date}`));
  for (const item of text.split('\n').filter((l) => l.startsWith('- [ ] '))) {
    assert.match(item, /@\w/, `owned: ${item}`);
    assert.match(item, /\d{4}-\d{2}-\d{2}/, `dated: ${item}`);
  }
  assert.match(text, /- \[ \] Better testing — @dana, due \d{4}-\d{2}-\d{2}\n/);
});

test('"Disable postmortem-lint rules for this line" on a middle item keeps the list whole in the markdown preview', async () => {
  await closeAll(page);
  const rel = 'postmortems/first-day-disable.md';
  fs.writeFileSync(path.join(WS_DIR, rel), WEAK);
  const items = WEAK.split('\n').filter((l) => l.startsWith('- [ ] ')).length;
  await openFile(page, rel);
  const line = lineIn(WEAK, /^- \[ \] Improve monitoring/); // the second item of the list
  await problems('first-day-disable.md', (r) => at(r, 'action-item-vague', line).length === 1, 'the findings on the second item');
  await applyQuickFix(page, line, /^Disable postmortem-lint rules for this line/);
  await page.locator('.view-line', { hasText: 'postmortem-lint-disable' }).waitFor();
  await problems('first-day-disable.md', (r) => r.every((x) => !x.includes(`[Ln ${line},`)) && at(r, 'action-item-vague', line - 1).length === 1,
    'no finding left on the line, the item above still reported');
  await palette(page, 'Markdown: Open Preview to the Side');
  const preview = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await preview.locator('h2', { hasText: 'Action items' }).waitFor();
  const frame = await (await preview.locator('h2', { hasText: 'Action items' }).elementHandle()).ownerFrame();
  await frame.waitForFunction((n) => document.querySelectorAll('li').length >= n, items);
  const lists = await frame.evaluate(() => {
    const h = [...document.querySelectorAll('h2')].find((x) => x.textContent.trim() === 'Action items');
    const out = [];
    for (let el = h.nextElementSibling; el && !/^H[1-6]$/.test(el.tagName); el = el.nextElementSibling) {
      if (el.tagName === 'UL' || el.tagName === 'OL') out.push(el.querySelectorAll(':scope > li').length);
    }
    return out;
  });
  assert.deepEqual(lists, [items], `one list of ${items} items under "Action items" (got lists of ${JSON.stringify(lists)})`);
  await closeAll(page);
});
