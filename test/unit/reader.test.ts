// The reader view's model and renderer: what a reader sees, and that a hostile document runs nothing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';
import { buildReaderModel } from '../../server/src/reader/model';
import { renderReaderBody, renderReaderHtml, renderStandaloneHtml } from '../../server/src/reader/render';
import { READER_CSS } from '../../server/src/reader/styles';
import { clauseAround } from '../../server/src/reader/extract';
import { formatMinutes } from '../../server/src/reader/duration';
import { isIsoDate, normaliseOwner, ownerProblem, substitute } from '../../client/src/answers';
import { fullTemplate, parseJsonc, sectionSnippets, snippetEntries } from '../../client/src/snippet-file';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TODAY = '2026-03-01';

const POSTMORTEM = `---
title: Checkout errors after payments config push
date: 2026-01-10
severity: SEV2
status: final
---

# Checkout errors after payments config push

## Summary

Checkout returned HTTP 500 for 38% of requests because a config push removed the payments DB pool limit.

## Impact

- 2,300 users could not check out (38% of requests).
- Errors lasted 47 minutes.
- About $12k in failed orders and 210 support tickets.

## Timeline

All times UTC.

- 14:05 UTC config push lands; error rate climbs
- 14:20 UTC on-call paged by the Service Level Objective (SLO) burn alert
- 14:52 UTC rollback complete, service restored

## Contributing causes

- The deploy pipeline lets a config change skip canary.
- The PDB for payments allowed all pods to restart at once.

## Action items

| Action | Owner | Due | Priority | Ticket | Status |
| --- | --- | --- | --- | --- | --- |
| Alert when checkout p99 exceeds 1 s for 5 minutes | @alice | 2026-01-20 | P1 | PAY-101 | Open |
| Make config pushes go through canary for payments | | 2026-04-01 | P1 | PAY-102 | Open |
| Add a pool-limit check to the config linter | @bob | next sprint | P2 | PAY-103 | Open |
| Write a runbook for payments DB pool exhaustion | @carol | 2026-01-15 | P2 | PAY-104 | Open |
| Roll back the config | @dave | 2026-01-10 | P1 | PAY-100 | Done |

## Deferred

- Rewrite the payments service in Rust — @erin

## Glossary

- MTTR: mean time to recovery
`;

const HOSTILE = `---
title: "<img src=x onerror=\\"window.__pwned=1\\">"
type: postmortem
---

# Hostile <script>window.__pwned=1</script>

## Summary

<script>window.__pwned=1</script>

<img src=x onerror="window.__pwned=1">

[click me](javascript:window.__pwned=1) and [again](JaVaScRiPt:window.__pwned=1) and [entity](&#106;avascript:window.__pwned=1)
and [data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)

<iframe src="javascript:window.__pwned=1"></iframe>

<a href="javascript:window.__pwned=1">raw link</a> <svg onload="window.__pwned=1"></svg>

<div style="background:url(javascript:window.__pwned=1)" onclick="window.__pwned=1">div</div>

## Impact

<details open ontoggle="window.__pwned=1">x</details>

## Action items

- [ ] <script>window.__pwned=1</script> Add a check — @alice, due 2026-02-01, P1
- [ ] [bad](javascript:window.__pwned=1) <img src=x onerror="window.__pwned=1"> — @bob, due 2026-02-01, P2

| Action | Owner | Due |
| --- | --- | --- |
| <img src=x onerror=window.__pwned=1> | @eve | 2026-02-01 |
`;

function model(text: string, filePath = '/work/postmortems/2026-01-10-checkout.md') {
  return buildReaderModel(lint(text, { filePath, today: TODAY }), { today: TODAY, uri: 'file://' + filePath, version: 3 });
}

/** Every start tag in the page: its name and its attributes (name → value), parsed the way a browser would. */
function tags(html: string): { tag: string; name: string; attrs: [string, string][] }[] {
  const out: { tag: string; name: string; attrs: [string, string][] }[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    const attrs: [string, string][] = [];
    for (const a of m[2].matchAll(/\s+([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?/g)) {
      const raw = a[2] ?? '';
      const value = raw.replace(/^["']|["']$/g, '').replace(/&#(\d+);/g, (_, d) => String.fromCharCode(+d)).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/&amp;/g, '&');
      attrs.push([a[1].toLowerCase(), value]);
    }
    out.push({ tag: m[0], name: m[1].toLowerCase(), attrs });
  }
  return out;
}

describe('reader view security', () => {
  const nonce = 'abc123NONCE';
  const page = renderReaderHtml(model(HOSTILE), {
    standalone: false,
    nonce,
    cspSource: 'https://webview.test',
    scriptUri: 'https://webview.test/dist/media/reader.js',
    styleUri: 'https://webview.test/media/reader.css',
  });
  const exported = renderStandaloneHtml(HOSTILE, { filePath: '/x/hostile.md', today: TODAY });

  for (const [name, html] of [
    ['webview page', page],
    ['exported page', exported],
  ] as const) {
    test(`${name}: no script, handler, iframe or javascript: URL from the document reaches the HTML`, () => {
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      if (name === 'webview page') {
        assert.deepEqual(scripts, [`<script nonce="${nonce}" src="https://webview.test/dist/media/reader.js">`]);
      } else {
        assert.deepEqual(scripts, []);
      }
      const all = tags(html);
      assert.ok(all.length > 50);
      for (const t of all) {
        for (const [name, value] of t.attrs) {
          assert.doesNotMatch(name, /^on/, `event handler attribute in ${t.tag}`);
          assert.notEqual(name, 'style', `inline style in ${t.tag}`);
          if (['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href'].includes(name)) {
            const squeezed = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
            assert.doesNotMatch(squeezed, /^(javascript|data|vbscript):/i, `unsafe URL in ${t.tag}`);
          }
        }
      }
      assert.doesNotMatch(html, /<(iframe|svg|object|embed|details|form|base|meta http-equiv="refresh")\b/i);
      // the document's text is still there, escaped
      assert.match(html, /click me/);
      assert.match(html, /&lt;img src=x onerror=/);
    });
  }

  test('webview page: strict CSP meta with the script nonce, styles only from the extension', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
    assert.ok(meta, 'CSP meta present');
    const csp = meta[1].replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(csp, /style-src https:\/\/webview\.test(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(page, /<link rel="stylesheet" href="https:\/\/webview\.test\/media\/reader\.css">/);
    assert.doesNotMatch(page, /<style/);
  });

  test('exported page: self-contained, inline CSS, a CSP that allows no script', () => {
    assert.match(exported, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    assert.match(exported, /<style>[^<]*\.header-card/);
    assert.doesNotMatch(exported, /<link\b|<script\b/i);
  });

  test('a nonce is generated when none is given, and differs between pages', () => {
    const a = /script-src 'nonce-([^']+)'/.exec(renderReaderHtml(model(HOSTILE), { standalone: false, scriptUri: 'x.js' }).replace(/&#39;/g, "'"));
    const b = /script-src 'nonce-([^']+)'/.exec(renderReaderHtml(model(HOSTILE), { standalone: false, scriptUri: 'x.js' }).replace(/&#39;/g, "'"));
    assert.ok(a && b && a[1].length >= 16);
    assert.notEqual(a[1], b[1]);
  });
});

describe('reader model', () => {
  const m = model(POSTMORTEM);

  test('header card: title, incident date, severity, status', () => {
    assert.equal(m.isPostmortem, true);
    assert.equal(m.title, 'Checkout errors after payments config push');
    assert.equal(m.header.date, '2026-01-10');
    assert.equal(m.header.severity, 'SEV2');
    assert.equal(m.header.status, 'final');
  });

  test('the duration the writer stated is shown as written, and says where it was written', () => {
    assert.equal(m.header.duration?.minutes, 47);
    assert.equal(m.header.duration?.label, '47 minutes');
    assert.match(m.header.duration?.source ?? '', /as written in Impact: “lasted 47 minutes”/);
  });

  test('without a stated duration it is computed from the timeline, and the card says how', () => {
    const computed = model(POSTMORTEM.replace('- Errors lasted 47 minutes.\n', ''));
    assert.equal(computed.header.duration?.minutes, 47);
    assert.equal(computed.header.duration?.label, '47 min');
    assert.match(computed.header.duration?.source ?? '', /computed from the timeline: 14:05 \(first entry\) → 14:52 UTC \(resolved\)/);
  });

  test('the computed duration names the zone the timeline is in, also when it is stated only in its heading', () => {
    const doc = `# DNS outage\n\n## Summary\n\nThe resolver stopped answering on 2026-01-10.\n\n## Timeline (US/Pacific)\n\n- 14:05 alerts fire\n- 14:52 resolved: resolver restarted\n\n## Action items\n\n- [ ] Alert on resolver latency — @ana, 2026-02-01\n`;
    assert.match(model(doc).header.duration?.source ?? '', /14:05 \(first entry\) → 14:52 US\/Pacific \(resolved\)/);
  });

  test('the good example: the card says 47 minutes as its Impact does, not 50 from the triggering merge at 14:02', () => {
    const good = buildReaderModel(lint(readFileSync(root + 'examples/good-postmortem.md', 'utf8'), { filePath: '/p/good-postmortem.md', today: TODAY }), { today: TODAY });
    assert.equal(good.header.duration?.label, '47 minutes');
    assert.doesNotMatch(renderReaderBody(good), /50 min/);
  });

  test('impact figures are pulled out of the Impact section as written, with the words around them', () => {
    const contexts = m.header.impact.map((f) => f.context);
    for (const want of ['2,300 users', '38% of requests', '47 minutes', '$12k', '210 support tickets']) {
      assert.ok(contexts.some((c) => c.includes(want)), `${want} in ${JSON.stringify(contexts)}`);
    }
    const users = m.header.impact.find((f) => f.text === '2,300 users')!;
    assert.equal(users.context, '2,300 users could not check out (38% of requests).');
    assert.equal(users.location.line, 15);
    assert.equal(users.location.character, 2);
  });

  test('a bare figure keeps what it counts: "3 enterprise customers" comes with its clause, one line per clause', () => {
    const good = buildReaderModel(lint(readFileSync(root + 'examples/good-postmortem.md', 'utf8'), { filePath: '/p/good-postmortem.md', today: TODAY }), { today: TODAY });
    const contexts = good.header.impact.map((f) => f.context);
    assert.ok(contexts.includes('SLA credits owed to 3 enterprise customers.'), JSON.stringify(contexts));
    assert.ok(contexts.includes('About 1,900 orders failed'), JSON.stringify(contexts));
    assert.ok(contexts.some((c) => c.includes('38% of checkout requests') && c.includes('12,400 customers saw an error')), JSON.stringify(contexts));
    assert.equal(new Set(contexts).size, contexts.length, 'each clause once');
    const pub = buildReaderModel(lint(readFileSync(root + 'examples/public-postmortem.md', 'utf8'), { filePath: '/p/public-postmortem.md', today: TODAY }), { today: TODAY });
    const rate = pub.header.impact.find((f) => f.context.includes('per minute'));
    assert.equal(rate?.context, 'The send rate of the mail transfer tier fell from 4,000 to 900 per minute for 2 hours and 15 minutes.');
  });

  test('a stated duration in hours and minutes is read whole: "for 2 hours and 15 minutes" is 135 minutes', () => {
    const pub = buildReaderModel(lint(readFileSync(root + 'examples/public-postmortem.md', 'utf8'), { filePath: '/p/public-postmortem.md', today: TODAY }), { today: TODAY });
    assert.equal(pub.header.duration?.minutes, 135);
    assert.equal(pub.header.duration?.label, '2 hours 15 minutes');
    assert.match(pub.header.duration?.source ?? '', /as written in Impact: “for 2 hours and 15 minutes”/);
  });

  test("a template's worked example is not taken for the incident's duration", () => {
    const tpl = model(POSTMORTEM.replace('- Errors lasted 47 minutes.\n', '- For how long: e.g. 47 minutes (14:05–14:52 UTC)\n')
      .replace(/## Timeline[\s\S]*?## Contributing/, '## Timeline\n\nAll times UTC.\n\n## Contributing')
      .replace('Checkout returned HTTP 500', 'Example: On 2026-03-02 from 14:05 to 14:52 UTC, checkout returned HTTP 500'));
    assert.equal(tpl.header.duration, undefined, JSON.stringify(tpl.header.duration));
  });

  test('a long clause is cut to the words around its figure', () => {
    const long = 'Because of the retry storm that followed the failover of the primary database in the eu-west region, 9% of checkout requests failed for the whole afternoon while the team worked on it.';
    const at = long.indexOf('9%');
    const c = clauseAround(long, at, at + '9% of checkout requests'.length);
    assert.ok(c.length <= 112, c);
    assert.match(c, /9% of checkout requests failed/);
    assert.match(c, /^… |…$/);
  });

  test('action items: owner, due, priority, ticket, and the overdue / no owner / no date / done marks', () => {
    const byText = (s: string) => m.actionItems.find((i) => i.text.startsWith(s))!;
    const alert = byText('Alert when checkout p99');
    assert.deepEqual(
      { owner: alert.owner, due: alert.due, priority: alert.priority, tickets: alert.tickets, overdue: alert.overdue, days: alert.overdueDays },
      { owner: '@alice', due: '2026-01-20', priority: 'P1', tickets: ['PAY-101'], overdue: true, days: 40 },
    );
    const canary = byText('Make config pushes');
    assert.equal(canary.noOwner, true);
    assert.equal(canary.overdue, false);
    const lintCheck = byText('Add a pool-limit check');
    assert.equal(lintCheck.noDate, true);
    assert.equal(lintCheck.due, 'next sprint');
    const rollback = byText('Roll back the config');
    assert.equal(rollback.status, 'done');
    assert.equal(rollback.overdue, false);
    assert.equal(rollback.noOwner, false);
    assert.deepEqual(m.counts, { total: 5, open: 4, done: 1, noOwner: 1, noDate: 1, overdue: 2, deferred: 1 });
  });

  test('a bullet item\'s inline owner, date and priority are not repeated in its action text', () => {
    const bullets = model(POSTMORTEM.replace(/\| Action \| Owner[\s\S]*?\| Done \|\n/, '- [ ] Fail config validation when `db.pool.max` is missing — @kenji, due next sprint, P1\n- [ ] Page the payments on-call when pool usage exceeds 90% (@lee, 2026-04-01)\n'));
    assert.deepEqual(
      bullets.actionItems.map((i) => [i.text, i.owner, i.due, i.priority]),
      [
        ['Fail config validation when db.pool.max is missing', '@kenji', 'next sprint', 'P1'],
        ['Page the payments on-call when pool usage exceeds 90%', '@lee', '2026-04-01', undefined],
      ],
    );
  });

  test('deferred items are listed separately and never flagged', () => {
    assert.equal(m.deferredItems.length, 1);
    assert.equal(m.deferredItems[0].text, 'Rewrite the payments service in Rust', 'inline metadata is shown in its own column');
    assert.equal(m.deferredItems[0].owner, '@erin');
    assert.equal(m.deferredItems[0].noDate, false);
    assert.ok(!m.actionItems.some((i) => /Rewrite/.test(i.text)));
    // the header's counts add up: the deferred item is said to be outside the total
    const counts = /<p class="item-counts">([^<]*)<\/p>/.exec(renderReaderBody(m))?.[1] ?? '';
    const total = Number(/^(\d+) action items?/.exec(counts)?.[1]);
    assert.equal(total, Number(/(\d+) open/.exec(counts)?.[1]) + Number(/(\d+) done/.exec(counts)?.[1] ?? 0), counts);
    assert.match(counts, / · 1 deferred, not counted$/);
  });

  test('glossary: inline expansions, Glossary section definitions, and acronyms left unexplained', () => {
    const g = Object.fromEntries(m.glossary.map((e) => [e.term, e]));
    assert.equal(g.SLO?.expansion, 'Service Level Objective');
    assert.equal(g.SLO?.source, 'inline');
    assert.equal(g.MTTR?.expansion, 'mean time to recovery');
    assert.equal(g.MTTR?.source, 'glossary');
    assert.ok(g.PDB, 'PDB is listed');
    assert.equal(g.PDB.expansion, undefined);
    assert.equal(g.PDB.location?.line, 30);
    assert.ok(!g.P1 && !g.SEV2 && !g.PAY, 'priorities, severities and ticket keys are not acronyms');
    assert.equal(g.HTTP?.source, 'common', 'widely known acronyms get their usual meaning, marked as such');
  });

  test('summary and contributing causes come first, the title is not repeated in the full document', () => {
    assert.match(m.summaryHtml ?? '', /38% of requests/);
    assert.match(m.causesHtml ?? '', /skip canary/);
    assert.doesNotMatch(m.documentHtml, /<h1/);
    assert.match(m.documentHtml, /<h2 id="user-content-timeline" data-line="19">Timeline<\/h2>/);
    assert.match(m.documentHtml, /<table/);
  });

  test('context gaps carry their line so the reader can jump there', () => {
    const noImpact = model(POSTMORTEM.replace(/## Impact[\s\S]*?## Timeline/, '## Timeline'));
    const gap = noImpact.contextGaps.find((g) => g.ruleId === 'missing-section');
    assert.ok(gap, JSON.stringify(noImpact.contextGaps));
    assert.match(gap.message, /impact/i);
    assert.equal(typeof gap.location.line, 'number');
    const undated = model(POSTMORTEM.replace('date: 2026-01-10\n', ''));
    assert.ok(undated.contextGaps.some((g) => g.ruleId === 'incident-date'));
  });
});

describe('reader page', () => {
  const html = renderReaderHtml(model(POSTMORTEM), { standalone: false, nonce: 'n', scriptUri: 's.js', styleUri: 'c.css', cspSource: 'vscode-resource:' });

  test('stable hooks for the end-to-end tests: ids and classes', () => {
    assert.match(html, /<h1 id="reader-title">Checkout errors after payments config push<\/h1>/);
    assert.match(html, /<header class="header-card"/);
    assert.match(html, /<table class="action-items">/);
    assert.equal((html.match(/<tr class="action-item[ "]/g) ?? []).length, 5);
    assert.match(html, /<tr class="action-item overdue"/);
    assert.match(html, /<tr class="action-item no-owner"/);
    assert.match(html, /<tr class="action-item no-date"/);
    assert.match(html, /<tr class="action-item done"/);
    assert.match(html, /<table class="deferred-items">/);
    assert.match(html, /<section class="context-gaps"/);
    assert.match(html, /<section class="glossary"/);
    assert.match(html, /<li class="impact-figure" data-figure="2,300 users"><strong>2,300 users<\/strong> could not check out \(38% of requests\)\.<\/li>/);
  });

  test('line links carry the range to reveal; the export shows them as text', () => {
    // a button: the webview host scrolls the page to the top when an <a href="#"> is clicked
    assert.match(html, /<button type="button" class="source-link" data-line="\d+" data-character="\d+" data-end-line="\d+" data-end-character="\d+"/);
    assert.doesNotMatch(html, /href="#"/);
    const exported = renderStandaloneHtml(POSTMORTEM, { filePath: '/p/postmortems/x.md', today: TODAY });
    assert.doesNotMatch(exported, /class="source-link" href/);
    assert.match(exported, /<span class="source-link">line \d+<\/span>/);
  });

  test('the page embeds the body the webview swaps in, given or computed', () => {
    const m = model(POSTMORTEM);
    const body = renderReaderBody(m, { standalone: false });
    assert.ok(renderReaderHtml(m, { standalone: false, nonce: 'n' }).includes(`>${body}</main>`));
    assert.equal(renderReaderHtml(m, { standalone: false, nonce: 'n' }, body), renderReaderHtml(m, { standalone: false, nonce: 'n' }));
  });

  test('the export matches path globs relative to the config folder, as lint does', () => {
    const text = '# DB failover\n\nNotes only.\n\n## Action items\n\n- [ ] Better testing\n';
    const options = { filePath: '/team/incidents/db.md', rootDir: '/team', config: { postmortemGlobs: ['incidents/*.md'] }, today: TODAY };
    assert.equal(lint(text, options).isPostmortem, true);
    assert.equal(lint(text, { ...options, rootDir: undefined }).isPostmortem, false, 'the glob is relative: the root matters');
    const page = renderStandaloneHtml(text, options);
    assert.doesNotMatch(page, /not-postmortem/);
    assert.match(page, /<table class="action-items">/);
  });

  test('a document that is not a postmortem gets a plain preview with a note', () => {
    const readme = '# My tool\n\n## Roadmap\n\n- [ ] Add a CLI\n- [ ] Better docs\n';
    const m = model(readme, '/repo/README.md');
    assert.equal(m.isPostmortem, false);
    const page = renderReaderHtml(m, { standalone: true });
    assert.match(page, /class="note not-postmortem"/);
    assert.match(page, /Add a CLI/);
    assert.doesNotMatch(page, /<table class="action-items"|<section class="context-gaps"/);
  });

  test('an ignored postmortem (a template) gets a plain preview that says why', () => {
    const options = { filePath: '/team/postmortems/template.md', rootDir: '/team', config: { ignore: ['postmortems/template.md'] }, today: TODAY };
    const page = renderStandaloneHtml(POSTMORTEM, options);
    assert.match(page, /class="note not-postmortem">This file matches an <code>ignore<\/code> glob/);
    assert.doesNotMatch(page, /<table class="action-items">/);
    assert.match(renderStandaloneHtml(POSTMORTEM, { ...options, config: {} }), /<table class="action-items">/, 'the same file without the glob is a postmortem');
  });

  test('never throws, whatever the input', () => {
    const inputs = ['', '\u0000\u0001\u0002binary\uFFFD', '---\n: broken: [\n---\n# x', 'a\r\nb\r\n## Summary\r\n\r\n## Impact\r\n1 user\r\n', '# 🚒 Ünïcödé\n\n## Summary\n\n山田太郎 (SRE)', '#'.repeat(10000), '- '.repeat(5000), '|a|\n|-|\n' + '|x|\n'.repeat(2000)];
    for (const text of inputs) {
      const html = renderStandaloneHtml(text, { all: true, today: TODAY });
      assert.match(html, /^<!DOCTYPE html>/);
      assert.match(html, /<\/html>\n$/);
    }
  });

  test('every CommonMark spec example renders without throwing and without a script', () => {
    const require = createRequire(import.meta.url);
    const spec = require('commonmark-spec') as { tests: { markdown: string }[] };
    assert.ok(spec.tests.length > 500);
    for (const t of spec.tests) {
      const html = renderStandaloneHtml(`## Summary\n\n${t.markdown}\n\n## Action items\n\n${t.markdown}`, { all: true, today: TODAY });
      assert.doesNotMatch(html, /<script\b/i, t.markdown);
      for (const tag of tags(html)) {
        for (const [name, value] of tag.attrs) {
          assert.doesNotMatch(name, /^on/, t.markdown);
          if (name === 'href' || name === 'src') assert.doesNotMatch(value, /^\s*javascript:/i, t.markdown);
        }
      }
    }
  });
});

describe('reader helpers', () => {
  test('durations read like a person would say them', () => {
    assert.equal(formatMinutes(47), '47 min');
    assert.equal(formatMinutes(60), '1 h');
    assert.equal(formatMinutes(185), '3 h 5 min');
    assert.equal(formatMinutes(3 * 1440 + 240), '3 d 4 h');
  });

  test('media/reader.css is the CSS the export inlines (regenerate with UPDATE_READER_CSS=1)', () => {
    const file = root + 'media/reader.css';
    const header = '/* Generated from server/src/reader/styles.ts by test/unit/reader.test.ts (UPDATE_READER_CSS=1). */\n';
    if (process.env.UPDATE_READER_CSS) writeFileSync(file, header + READER_CSS);
    assert.equal(readFileSync(file, 'utf8'), header + READER_CSS);
  });

  test('owner answers are normalised to one @handle; placeholders are refused', () => {
    assert.equal(normaliseOwner('alice'), '@alice');
    assert.equal(normaliseOwner(' @@alice '), '@alice');
    assert.equal(normaliseOwner('Jane Doe'), '@Jane-Doe');
    assert.equal(normaliseOwner('josé.garcía'), '@josé.garcía');
    assert.equal(ownerProblem('山田太郎'), undefined);
    assert.match(ownerProblem('TBD') ?? '', /placeholder/);
    assert.match(ownerProblem('team') ?? '', /placeholder/);
    assert.match(ownerProblem('') ?? '', /name/);
    assert.match(ownerProblem('a,b') ?? '', /handle/);
  });

  test('dates must be real ISO dates', () => {
    assert.ok(isIsoDate('2026-02-28'));
    assert.ok(!isIsoDate('2026-02-30'));
    assert.ok(!isIsoDate('02/03/2026'));
    assert.ok(!isIsoDate('next sprint'));
  });

  test('the answer replaces the placeholder once, with one @', () => {
    assert.equal(substitute(' — @owner', '@owner', '@alice', 'owner'), ' — @alice');
    assert.equal(substitute(' — @OWNER', 'OWNER', '@alice', 'owner'), ' — @alice');
    assert.equal(substitute('| OWNER |', 'OWNER', '@alice', 'owner'), '| @alice |');
    assert.equal(substitute(', due YYYY-MM-DD', 'YYYY-MM-DD', '2026-03-08', 'date'), ', due 2026-03-08');
  });

  test('the snippet file (the template\'s one source) has the full template and one snippet per section', () => {
    const entries = snippetEntries(parseJsonc(readFileSync(root + 'snippets/postmortem.code-snippets', 'utf8')));
    const full = fullTemplate(entries);
    assert.ok(full, 'full template present');
    for (const h of ['## Summary', '## Impact', '## Timeline', '## Contributing causes', '## Action items', '## Glossary']) assert.ok(full.body.includes(h), h);
    const kinds = sectionSnippets(entries).map((s) => s.kind);
    for (const k of ['summary', 'impact', 'timeline', 'contributing-causes', 'detection', 'resolution', 'action-items', 'lessons-learned', 'glossary']) assert.ok(kinds.includes(k), k);
    assert.deepEqual(parseJsonc('{ // c\n "a": "http://x", /* b */ "b": [1,], }'), { a: 'http://x', b: [1] });
  });
});

describe('reader view: remote images and the nonce', () => {
  const doc = `---\ntype: postmortem\n---\n# Outage\n\n## Summary\n\nPixel: ![pixel](https://tracker.invalid/p.png) and ![local](diagram.png).\n`;
  test('a remote image is a placeholder naming its host unless remote images are allowed; the CSP follows', () => {
    const page = renderReaderHtml(buildReaderModel(lint(doc, { today: TODAY }), { today: TODAY }), { standalone: false, nonce: 'abcdef123456', cspSource: 'https://webview.test' });
    assert.match(page, /<span class="remote-image" title="Remote image not loaded: https:\/\/tracker\.invalid\/p\.png">\[remote image not loaded: pixel \(tracker\.invalid\)\]<\/span>/);
    assert.ok(!page.includes('<img src="https://tracker.invalid'), 'no remote img');
    assert.ok(page.includes('<img src="diagram.png"'), 'a relative image is kept (the webview only serves its own roots)');
    assert.match(page, /img-src https:\/\/webview\.test data:;/);
    const allowed = renderReaderHtml(buildReaderModel(lint(doc, { today: TODAY }), { today: TODAY, remoteImages: true }), {
      standalone: false,
      nonce: 'abcdef123456',
      cspSource: 'https://webview.test',
      remoteImages: true,
    });
    assert.ok(allowed.includes('<img src="https://tracker.invalid/p.png" alt="pixel">'), allowed);
    assert.match(allowed, /img-src https:\/\/webview\.test data: https:;/);
  });

  test('a nonce that is not plain base64-like text is replaced, never written into the page', () => {
    const bad = `x"><script>alert(1)</script><p a="`;
    const page = renderReaderHtml(buildReaderModel(lint(doc, { today: TODAY }), { today: TODAY }), { standalone: false, nonce: bad, scriptUri: 'https://webview.test/r.js' });
    assert.ok(!page.includes('alert(1)'), page);
    const used = /<script nonce="([A-Za-z0-9]+)" src=/.exec(page)?.[1];
    assert.ok(used && page.includes(`script-src &#39;nonce-${used}&#39;`), 'a fresh nonce is used in both places');
  });
});

describe('reader view: the audience switch', () => {
  const LEAKY = `---
audience: internal
---

# Search outage

## Summary

Search failed for 2,300 users for 25 minutes (UTC) after an index change.

## Impact

2,300 users could not search for 25 minutes.

## Timeline (UTC)

- 09:12 index change deployed to search-7.prod.internal by @dana
- 09:40 change reverted

## Action items

- Validate index mappings before deploy — @dana, due 2026-03-20, P1
`;
  const leaky = () => buildReaderModel(lint(LEAKY, { filePath: '/p/postmortems/leaky.md', today: TODAY }), { today: TODAY });

  test('each audience gets the findings its rules would report; only the public one has leaks', () => {
    const m = leaky();
    assert.deepEqual(m.audiences.map((a) => a.audience), ['internal', 'business', 'public']);
    const byAudience = Object.fromEntries(m.audiences.map((a) => [a.audience, a]));
    assert.deepEqual(byAudience.internal.findings, [], 'internal readers may see everything');
    assert.equal(byAudience.public.leaks, 3, 'the host and both @handles');
    const leakLines = byAudience.public.findings.filter((f) => f.ruleId === 'public-internal-detail').map((f) => f.location.line);
    assert.deepEqual(leakLines, [16, 16, 21]);
    assert.equal(byAudience.business.leaks, 0);
  });

  test('what would leak is marked in the document, exactly, and only highlighted when Public is chosen (CSS)', () => {
    const html = renderReaderBody(leaky());
    const marks = [...html.matchAll(/<mark class="leak"[^>]*>(.*?)<\/mark>/g)].map((x) => x[1]);
    assert.deepEqual(marks, ['search-7.prod.internal', '@dana', '@dana']);
    assert.match(html, /id="audience-internal" value="internal" checked/, "the switch starts on the document's own audience");
    assert.ok(html.indexOf('class="audience-radio"') < html.indexOf('id="document"'), 'radios come before the document');
    assert.match(READER_CSS, /#audience-public:checked ~ \.document mark\.leak \{[^}]*background/);
    assert.match(READER_CSS, /mark\.leak \{ background: none/);
  });

  test('the standalone export has the switch without any script', () => {
    const html = renderStandaloneHtml(LEAKY, { filePath: '/p/postmortems/leaky.md', today: TODAY });
    assert.match(html, /<mark class="leak"/);
    assert.match(html, /<label for="audience-public"/);
    assert.doesNotMatch(html, /<script/i);
  });

  test("a document cannot fake a leak mark or the switch: its own <mark> and <input> are not rendered as ours", () => {
    const hostile = LEAKY.replace('## Impact', '<mark class="leak">fake</mark> <input type="radio" name="pm-audience" id="audience-public">\n\n## Impact');
    const html = renderReaderBody(buildReaderModel(lint(hostile, { filePath: '/p/postmortems/leaky.md', today: TODAY }), { today: TODAY }));
    assert.doesNotMatch(html, /<mark class="leak"[^>]*>fake/);
    assert.equal((html.match(/id="audience-public"/g) ?? []).length, 1);
  });
});
