// The "Postmortem Action Items" view in the Explorer, as a user sees it: groups with counts, and a click on an item
// opens its postmortem at the item's line. Takes the README's screenshot of the view.
const { before, after } = require('node:test');
const assert = require('node:assert/strict');
const { test, launch, tidy, shot } = require('./helpers');

let browser, page;
before(async () => ({ browser, page } = await launch()));
after(async () => { await browser?.close(); });

test('the view lists the workspace items by status, and a click opens the line', async () => {
  const header = page.locator('.pane-header', { hasText: 'Postmortem Action Items' });
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  // the folder tree above takes the room otherwise: collapse it for the picture
  const folder = page.locator('.pane-header[aria-expanded="true"]').first();
  if (!(await folder.textContent()).includes('Postmortem Action Items')) await folder.click();
  const pane = page.locator('.pane', { has: header });
  // group rows are the tree's first level (item rows mention "no owner" too, in their description)
  const group = (label) => pane.locator('.monaco-list-row[aria-level="1"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
  const noOwner = group('No owner');
  await noOwner.waitFor({ timeout: 60000 });
  // the list is virtual: the groups below the expanded ones are not rendered (the vscode-API suite checks them all)
  await group('Overdue').waitFor();
  const count = Number((await noOwner.locator('.label-description').textContent()).trim());
  assert.ok(count >= 3, `No owner counts the examples' ownerless items (${count})`);
  const item = pane.locator('.monaco-list-row', { hasText: 'Better testing' }).first();
  await item.click();
  await page.locator('.tab.active', { hasText: /\.md/ }).waitFor();
  await page.locator('.monaco-editor .view-line', { hasText: 'Better testing' }).first().waitFor();
  await tidy(page);
  await shot(page, 'action-items.png');
});
