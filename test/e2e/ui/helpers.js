// Shared playwright-core helpers for the UI tests (one browser per test file, one code-server per run).
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS } = require('../lib');

const CS_URL = process.env.CS_URL || 'http://127.0.0.1:18080';
const WS_DIR = process.env.WS_DIR;
const SHOT_DIR = process.env.SHOT_DIR || path.resolve(__dirname, '../../../.e2e/screenshots');
const MOD = 'Control';

async function launch() {
  if (!WS_DIR) throw new Error('WS_DIR is not set: run the UI tests through test/e2e/run-ui.js');
  fs.mkdirSync(SHOT_DIR, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30000);
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS_DIR)}`);
  await page.locator('.monaco-workbench').waitFor();
  // the explorer lists the workspace once the remote extension host connection is up
  await page.getByRole('treeitem', { name: 'postmortems' }).waitFor();
  return { browser, page };
}

/** Runs a command palette entry by its full title. */
async function palette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Closes every editor, discarding unsaved untitled ones (an earlier test file may leave a New Postmortem open). */
async function closeAll(page) {
  await palette(page, 'View: Close All Editor Groups');
  const dialog = page.locator('.monaco-dialog-box');
  const tab = page.locator('.tabs-container .tab');
  // done when no tab is left; each unsaved editor asks first (however long the workbench takes to ask)
  for (;;) {
    const next = await Promise.race([
      dialog.waitFor().then(() => 'dialog'),
      tab.first().waitFor({ state: 'detached' }).then(() => 'closed'),
    ]);
    if (next === 'closed' && !(await dialog.isVisible())) return;
    if (await dialog.isVisible()) {
      await dialog.getByRole('button', { name: /Don't Save/ }).click();
      await dialog.waitFor({ state: 'detached' });
    }
  }
}

/** Opens a workspace file with Quick Open and waits for its tab. */
async function openFile(page, rel) {
  const base = path.basename(rel);
  await page.keyboard.press(`${MOD}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(rel);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: base }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Puts the cursor on a 1-based line with Go to Line. */
async function gotoLine(page, line) {
  await page.keyboard.press(`${MOD}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** A quiet workbench for screenshots: no notifications, no panel unless asked. */
async function tidy(page) {
  await palette(page, 'Notifications: Clear All Notifications');
}

/** 1-based line of the first line of a workspace file matching `re`. */
function lineOf(rel, re) {
  const lines = fs.readFileSync(path.join(WS_DIR, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`${rel} has no line matching ${re}`);
  return i + 1;
}

function readerFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

async function shot(page, name) {
  const file = path.join(SHOT_DIR, name);
  await page.screenshot({ path: file });
  return file;
}

/** Resolves with a file's text once `ok(text)` holds: re-read on every change event, rejects after `ms`. */
function untilFile(file, ok, ms = 15000) {
  return new Promise((resolve, reject) => {
    const check = () => { const t = fs.readFileSync(file, 'utf8'); if (ok(t)) { done(); resolve(t); } };
    const watcher = fs.watch(file, check);
    const timer = setTimeout(() => { done(); reject(new Error(`${file} did not reach the expected content in ${ms} ms`)); }, ms);
    function done() { watcher.close(); clearTimeout(timer); }
    check();
  });
}

module.exports = { untilFile, closeAll, CS_URL, WS_DIR, SHOT_DIR, MOD, launch, palette, openFile, gotoLine, tidy, lineOf, readerFrame, shot };
