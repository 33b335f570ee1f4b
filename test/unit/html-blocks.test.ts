// HTML blocks in markdown read as the structure a reader sees (model/html-blocks.ts): headings as sections, list
// items as action items with ranges into the source, `<b>Label:</b>` paragraphs as bold labels; inline HTML in prose
// stays prose, broken HTML never throws, fixes never write markdown or markup inside the HTML.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostmortem, parseMarkdown } from '../../server/src/model/parse';
import { readHtmlBlocks } from '../../server/src/model/html-blocks';
import { readableSource } from '../../server/src/model/html-regions';
import { createLineIndex } from '../../server/src/model/lines';
import { proseText } from '../../server/src/model/facts';
import { lint } from '../../server/src/lint/lint';
import { answerFix, applyEdits } from '../../server/src/lint/edits';
import { suppressionFixes } from '../../server/src/lint/suppress-fixes';
import type { Postmortem, Range } from '../../server/src/model/types';

const TODAY = '2026-03-01';
const slice = (m: Postmortem, r: Range) => m.text.slice(r.start.offset, r.end.offset);

const POST = [
  '<p>On 3 February the wiki was down for six hours after its database disk filled up.</p>',
  '<h2>What happened?</h2>',
  '<p>At 09:10 UTC the nightly export wrote to the database volume.</p>',
  '<h2>Why did it happen?</h2>',
  '<p>The export read its path from a variable the upgrade removed, so it fell back to the database volume.</p>',
  '<h2>What are we changing?</h2>',
  '<ul>',
  '  <li><span style="color: #222222;">Add an alert on free space for the database volume.</span></li>',
  '  <li>Rotate the credentials of the export job.</li><ul><li>The old key has been revoked.</li></ul>',
  '  <li>We have moved the export target into the config file.</li>',
  '</ul>',
  '',
].join('\n');

describe('HTML headings, lists and labels', () => {
  test('an <h2> is a section with its title, depth and title range inside the tags', () => {
    const m = parsePostmortem(POST);
    assert.deepEqual(
      m.allSections.map((s) => [s.title, s.depth, s.kind]),
      [
        ['What happened?', 2, 'timeline'],
        ['Why did it happen?', 2, 'contributing-causes'],
        ['What are we changing?', 2, 'action-items'],
      ],
    );
    const s = m.allSections[0];
    assert.equal(slice(m, s.titleRange), 'What happened?');
    assert.equal(slice(m, s.headingRange), '<h2>What happened?</h2>');
    assert.ok(slice(m, s.bodyRange).includes('At 09:10 UTC'));
  });

  test('<li> items are action items whose ranges point into the source', () => {
    const m = parsePostmortem(POST);
    const items = m.actionItems;
    assert.deepEqual(
      items.map((i) => [i.text, i.status, i.format]),
      [
        ['Add an alert on free space for the database volume.', 'open', 'bullet'],
        ['Rotate the credentials of the export job.', 'open', 'bullet'],
        ['We have moved the export target into the config file.', 'done', 'bullet'],
      ],
    );
    // the text range is the words, without the <span>; the item range is the <li> element
    assert.equal(slice(m, items[0].textRange), 'Add an alert on free space for the database volume.');
    assert.ok(slice(m, items[0].range).startsWith('<li>'));
    assert.equal(items[0].textRange.start.line, 7);
    // a list written right inside the list is the sub-list of the item before it
    assert.equal(items[1].subItems.length, 1);
    assert.ok(slice(m, items[1].subItems[0]).includes('The old key has been revoked.'));
  });

  test('ranges stay right with CRLF line breaks', () => {
    const text = '<h2>Action items</h2>\r\n<ul>\r\n  <li>Add a disk alert\r\n  on the db host</li>\r\n  <li>Write the runbook</li>\r\n</ul>\r\n';
    const m = parsePostmortem(text);
    assert.deepEqual(m.actionItems.map((i) => [slice(m, i.textRange), i.textRange.start.line, i.textRange.start.character]), [
      ['Add a disk alert\r\n  on the db host', 2, 6],
      ['Write the runbook', 4, 6],
    ]);
  });

  test('an <ol> gives numbered items', () => {
    const m = parsePostmortem('<h2>Action items</h2>\n<ol><li>Add a disk alert</li><li>Write the restore runbook</li></ol>\n');
    assert.deepEqual(m.actionItems.map((i) => [i.text, i.format]), [
      ['Add a disk alert', 'numbered'],
      ['Write the restore runbook', 'numbered'],
    ]);
  });

  test('<b>Label:</b> at the start of a paragraph (also inside a <span>, after <br><br>) is a bold label', () => {
    const text = [
      '# Mail outage',
      '',
      '<p><span><b>Overview:</b></span><br /><span>Mail was delayed for two days.</span><br /><br />',
      '<span><b>Timeline:</b></span><br /><span>On 6 May the disks failed.</span><br /><br />',
      '<span>The word <b>Impact:</b> inside a sentence is no label.</span></p>',
      '',
    ].join('\n');
    const m = parsePostmortem(text);
    assert.deepEqual(m.labeledSections.map((l) => [l.kind, l.title]), [
      ['summary', 'Overview'],
      ['timeline', 'Timeline'],
    ]);
    assert.equal(slice(m, m.labeledSections[0].titleRange), 'Overview:');
    assert.ok(!m.labeledKinds.includes('impact'));
  });

  test('the text of HTML read as structure is prose; its tags, attributes and code are not', () => {
    const m = parsePostmortem(POST);
    const prose = proseText(m);
    assert.ok(prose.includes('Add an alert on free space'));
    assert.ok(!prose.includes('<li>') && !prose.includes('#222222'));
    assert.equal(prose.length, POST.length);
  });

  test('a list the blank line of an <li> cut in two (the rest read as indented code) is one list', () => {
    const text = [
      '<h2>Action items</h2>',
      '<ul>',
      '  <li>Proxy the tracker with these rules:',
      '',
      '      <pre>',
      '<code>',
      'ProxyPass /jira !',
      '</code>',
      '</pre>',
      '  </li>',
      '  <li>Use Fail2Ban against brute-force logins</li>',
      '</ul>',
      '',
    ].join('\n');
    const m = parsePostmortem(text);
    assert.deepEqual(m.actionItems.map((i) => i.text), ['Proxy the tracker with these rules:', 'Use Fail2Ban against brute-force logins']);
    // the <pre> stays code: not prose
    assert.ok(!proseText(m).includes('ProxyPass'));
  });
});

describe('what stays as it was', () => {
  test('a document with no HTML block gets the same tree back (nothing extra to do)', () => {
    const text = '# T\n\nSome <b>inline</b> HTML in prose.<br>\n\n## Action items\n\n- Add an alert\n';
    const tree = parseMarkdown(text);
    const reading = readHtmlBlocks(tree, text, createLineIndex(text));
    assert.equal(reading.tree, tree);
    assert.equal(reading.regions.length, 0);
  });

  test('inline HTML inside a markdown paragraph stays prose: no section, no label', () => {
    const m = parsePostmortem('# T\n\nWe saw <h2>errors</h2> in the log and <b>Impact:</b> was small.\n');
    assert.deepEqual(m.allSections.map((s) => s.title), ['T']);
    assert.deepEqual(m.labeledKinds, []);
  });

  test('a collapsed <details> list and an HTML table are not read', () => {
    const text = '## Action items\n\n<details>\n<summary>Old list</summary>\n<ul><li>Investigate further</li></ul>\n</details>\n\n<table><tr><td><ul><li>Cell item</li></ul></td></tr></table>\n';
    assert.deepEqual(parsePostmortem(text).actionItems, []);
  });

  test('broken, unclosed and odd HTML never throws and keeps ranges inside the text', () => {
    const cases = [
      '<ul><li>unclosed <b>bold',
      '<h2>',
      '<h2></h2><ul></ul><p></p>',
      '</li></ul></h2>',
      '<ul>\n<li>a\n\n    <li>b\n\n<li>c',
      '<p>a<p>b<ul><li><h3>x</h3></li>',
      '<ol start="x"><li>one</ol>',
      '<li>stray item</li>',
      '<h2>Action items</h2>\r\n<ul>\r\n<li>Add an alert &amp; a page\r\n</ul>\r\n',
      '\uFEFF<h2>A</h2><ul><li>b',
      '<ul>' + '<li><ul>'.repeat(300) + 'deep',
      '<p>' + '<b>'.repeat(500) + 'x',
      '<!-- <ul><li>commented</li></ul> -->\n<h2>Impact</h2>',
    ];
    for (const text of cases) {
      const r = lint(text, { all: true, today: TODAY });
      for (const s of r.model.allSections) assert.ok(s.titleRange.end.offset <= text.length, text);
      for (const i of r.model.actionItems) assert.ok(i.range.start.offset >= 0 && i.textRange.end.offset <= text.length, text);
      for (const f of r.findings) void f.fixes;
    }
  });

  test('an HTML block that leaves a comment open is not read, nor any HTML after it (a browser hides it all)', () => {
    const text = '# Outage\n\n<h2>Action items</h2><!--<h2>Old</h2>\n\n<p>checkout checkout checkout checkout</p>\n\ncheckout checkout checkout\n\n<ul><li>Add an alert</li></ul>\n';
    const m = parsePostmortem(text);
    assert.deepEqual(m.allSections.map((s) => s.title), ['Outage']);
    assert.deepEqual(m.actionItems, []);
  });

  test('a comment left open after an unclosed list item is not closed by a comment written below it (a "disable" fix)', () => {
    const text = '# Checkout outage\n\n# Deferred\n\n<li>Improve monitoring\n\nyesterday checkout<!--<h2>Action items</h2>\n\n# Summary\n';
    const opts = { filePath: 'postmortems/a.md', today: '2026-11-30' };
    const before = lint(text, opts).findings;
    assert.ok(before.some((f) => f.ruleId === 'relative-date'), "'yesterday' is read as prose");
    const empty = before.find((f) => f.ruleId === 'empty-section')!;
    const [line] = suppressionFixes(parsePostmortem(text), empty);
    const after = lint(applyEdits(text, line.edits), opts).findings;
    assert.ok(!after.some((f) => f.ruleId === 'empty-section'), 'the finding is silenced');
    assert.deepEqual(after.filter((f) => f.ruleId !== 'empty-section').map((f) => f.message), before.filter((f) => f.ruleId !== 'empty-section').map((f) => f.message));
  });

  test('a commented-out list is not read', () => {
    const m = parsePostmortem('## Action items\n\n<!-- <ul><li>commented</li></ul> -->\n');
    assert.deepEqual(m.actionItems, []);
  });
});

describe('fixes on items read from HTML', () => {
  const findingsOf = (text: string) => lint(text, { all: true, today: TODAY }).findings;

  test('"Assign an owner" writes inside the item text, and the HTML stays as it was around it', () => {
    const f = findingsOf(POST).find((x) => x.ruleId === 'action-item-owner')!;
    const fix = f.fixes!.find((x) => x.title.startsWith('Assign'))!;
    const after = applyEdits(POST, answerFix(fix, '@alice'));
    assert.ok(after.includes('<span style="color: #222222;">Add an alert on free space for the database volume — @alice.</span></li>'), after);
    const again = lint(after, { all: true, today: TODAY });
    assert.ok(again.model.actionItems.find((i) => i.text.startsWith('Add an alert'))!.owners.length === 1);
  });

  test('an HTML item with a sub-list gets its owner inline, not a markdown sub-bullet', () => {
    const f = findingsOf(POST).filter((x) => x.ruleId === 'action-item-owner')[1];
    const fix = f.fixes!.find((x) => x.title.startsWith('Assign'))!;
    assert.equal(fix.prompt?.ownerForm, 'handle');
    const after = applyEdits(POST, answerFix(fix, '@bo'));
    assert.ok(after.includes('<li>Rotate the credentials of the export job — @bo.</li><ul>'), after);
  });

  test('no rewrite template (its <…> would be tags) and no move to a markdown Deferred section', () => {
    const text = POST.replace('Add an alert on free space for the database volume.', 'Improve monitoring');
    const f = findingsOf(text).find((x) => x.ruleId === 'action-item-vague')!;
    assert.ok(f, 'the vague item is still reported');
    assert.deepEqual(f.fixes, []);
  });

  test('no disable-next-line comment inside the HTML block: only "for this file"', () => {
    const r = lint(POST, { all: true, today: TODAY });
    const f = r.findings.find((x) => x.ruleId === 'action-item-owner')!;
    const titles = suppressionFixes(r.model, f).map((x) => x.title);
    assert.ok(titles.every((t) => !/this line/.test(t)), titles.join('; '));
    assert.ok(titles.some((t) => /this file/.test(t)));
  });

  test('no missing-section skeleton inserted inside HTML; the finding stays quiet where all headings are HTML', () => {
    const r = lint(POST, { all: true, today: TODAY });
    assert.deepEqual(r.findings.filter((x) => x.ruleId === 'missing-section'), []);
    // a markdown title above HTML sections: still only HTML structure, still quiet
    const titled = lint('# Wiki outage\n\n' + POST, { all: true, today: TODAY });
    assert.deepEqual(titled.findings.filter((x) => x.ruleId === 'missing-section'), []);
    // a markdown section next to the HTML: judged, and a skeleton never lands inside the HTML
    const mixed = lint('# Wiki outage\n\n## Summary\n\nThe wiki was down.\n\n' + POST, { all: true, today: TODAY });
    const missing = mixed.findings.filter((x) => x.ruleId === 'missing-section');
    assert.ok(missing.length > 0);
    const html = mixed.model.htmlBlocks;
    for (const fix of missing.flatMap((x) => x.fixes ?? [])) {
      for (const e of fix.edits) assert.ok(!html.some((r) => r.start.offset < e.range.start.offset && e.range.start.offset < r.end.offset), fix.title);
    }
  });
});

describe('an item read from HTML is judged on its words', () => {
  test('readableSource blanks tags and no-break spaces inside HTML (same length) and leaves markdown as it is', () => {
    const text = '<h2>Action items</h2>\n<ul><li>Look at <a href="https://x.example/a.b">disabling CGI</a>&nbsp;support on all web hosts</li></ul>\n\n## Notes\n\nSee <b>this</b>.\n';
    const m = parsePostmortem(text);
    const item = m.actionItems[0];
    const words = readableSource(m, item.textRange.start.offset, item.textRange.end.offset);
    assert.equal(words.length, item.textRange.end.offset - item.textRange.start.offset);
    assert.equal(words.replace(/\s+/g, ' '), 'Look at disabling CGI support on all web hosts');
    const md = text.indexOf('See <b>');
    assert.equal(readableSource(m, md, md + 15), 'See <b>this</b>');
  });

  test('an unclosed "<" or comment blanks nothing after it', () => {
    const text = '<ul><li>Add a check for a < b and <!-- x in the deploy job</li></ul>\n';
    const m = parsePostmortem('<h2>Action items</h2>\n' + text);
    const s = m.text.indexOf('Add');
    assert.equal(readableSource(m, s, s + 25), 'Add a check for a < b and');
  });
});

describe('labels in a page without headings', () => {
  test('"**Action items:**" over a list holds the items when no heading is above it (markdown and HTML alike)', () => {
    const md = '**Summary:** Mail was delayed for two days after two disks failed.\n\n**Action items:**\n\n- Buy two spare disks for the list server\n- Write the restore runbook — @sam, due 2026-04-01\n';
    const html = '<p><span><b>Summary:</b></span><br /><span>Mail was delayed for two days after two disks failed.</span><br /><br /><span><b>Action items:</b></span><br /></p>\n<ul><li><span>Buy two spare disks for the list server</span></li><li>Write the restore runbook — @sam, due 2026-04-01</li></ul>\n';
    for (const text of [md, html]) {
      const m = parsePostmortem(text);
      assert.deepEqual(m.allSections, []);
      assert.deepEqual(m.actionItems.map((i) => [i.text, i.owners.length, i.section.title, i.group]), [
        ['Buy two spare disks for the list server', 0, 'Action items', 'Action items'],
        ['Write the restore runbook', 1, 'Action items', 'Action items'],
      ], text);
      const r = lint(text, { all: true, today: TODAY });
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'action-item-owner').map((f) => slice(m, f.range).slice(0, 12)), ['Buy two spar']);
    }
  });
});
