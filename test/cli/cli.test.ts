// The postmortem-lint binary, run as users run it: bundled with esbuild exactly as scripts/build.mjs does, then
// `node cli.js …` on temporary folders holding small postmortems. Each format, each exit code, config errors,
// --all, folder recursion, --today, and the render subcommand.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli } from './build-cli';
import { lint } from '../../server/src/lint/lint';
import { rules as registry } from '../../server/src/rules/index';
import { escapeGithubData, escapeGithubProperty } from '../../server/src/cli/format';
import pkg from '../../package.json';

const TODAY = '2026-03-01';

const BAD = `---
title: Payments outage
date: 2026-01-10
severity: SEV2
type: postmortem
---
# Payments outage on 2026-01-10

## Summary

Card payments failed for 38 minutes after a config push removed the database connection limit.

## Impact

4,100 checkout attempts failed; 312 customers contacted support.

## Timeline (UTC)

- 14:02 Config push to payments-api.
- 14:40 Rollback completed.

## Contributing causes

The connection limit was removed from \`payments.yaml\` because the review did not show the rendered value.

## Action items

- [ ] Better testing
- [ ] Alert when payments p99 latency exceeds 800 ms for 5 minutes — @alice, due 2026-02-01, P1
- [ ] Add a retry budget to the payments client, due next sprint, P2
`;

/** Line (1-based) of the first line containing `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

// One "Next steps" section is not enough to look like a postmortem; with --all its checklist is checked as action items.
const README = `# Our project

A tool that does things.

## Next steps

- [ ] Better testing
- [ ] Improve monitoring
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cli: string;
let tmp: string;

function run(args: string[], cwd = tmp, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', POSTMORTEM_LINT_TODAY: '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(rel: string, text: string, base = tmp): string {
  const p = path.join(base, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

/** A fresh folder for tests that need their own configuration. */
function scratch(name: string): string {
  const d = path.join(tmp, '..', `${path.basename(tmp)}-${name}`);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-cli-'));
  cli = await buildCli(path.join(tmp, '..', `${path.basename(tmp)}-bin`));
  write('postmortems/payments.md', BAD);
  write('README.md', README);
  write('node_modules/some-pkg/postmortems/x.md', BAD);
  write('.git/postmortems/x.md', BAD);
  write('docs/incidents/2026/payments-copy.md', BAD);
});

after(() => {
  for (const d of [tmp, `${tmp}-bin`, `${tmp}-cfg`, `${tmp}-yaml`, `${tmp}-broken`, `${tmp}-unknown`, `${tmp}-clean`, `${tmp}-names`, `${tmp}-ignore`, `${tmp}-links`, `${tmp}-unreadable`, `${tmp}-encodings`, `${tmp}-badrc`, `${tmp}-bigrc`]) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

describe('postmortem-lint: formats', () => {
  it('text: one "path:line:col  severity  rule-id  message" line per finding, then a summary', () => {
    const r = run(['postmortems/payments.md', '--today', TODAY]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const findingLines = lines.filter((l) => l.startsWith('postmortems/payments.md:'));
    assert.ok(findingLines.length >= 3, r.stdout);
    for (const l of findingLines) assert.match(l, /^postmortems\/payments\.md:\d+:\d+ +(error|warning|information|hint) {2,}[a-z-]+ {2,}\S.*$/);
    const vague = lineOf(BAD, 'Better testing');
    assert.ok(findingLines.some((l) => l.startsWith(`postmortems/payments.md:${vague}:`) && /\baction-item-vague\b/.test(l)), r.stdout);
    assert.match(lines[lines.length - 1], /^\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ information, \d+ hints?\) in 1 of 1 postmortem\.$/);
  });

  it('json: an array of {file,line,column,endLine,endColumn,rule,severity,message}, 1-based, equal to the engine\'s findings', () => {
    const r = run(['--format', 'json', 'postmortems/payments.md', '--today', TODAY]);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(Array.isArray(findings) && findings.length >= 3);
    for (const f of findings) {
      assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
      assert.equal(f.file, 'postmortems/payments.md');
      assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)));
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
    }
    // The CLI reports exactly what the engine finds for the same text and configuration.
    const direct = lint(BAD, { filePath: path.join(tmp, 'postmortems/payments.md'), rootDir: tmp, today: TODAY }).findings;
    const key = (rule: string, line: number, col: number, msg: string) => `${line}:${col} ${rule} ${msg}`;
    assert.deepEqual(
      findings.map((f) => key(f.rule, f.line, f.column, f.message)).sort(),
      direct.map((f) => key(f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.message)).sort(),
    );
    const vague = findings.find((f) => f.rule === 'action-item-vague');
    assert.ok(vague, 'the vague item is reported');
    assert.equal(vague.line, lineOf(BAD, 'Better testing'));
  });

  it('sarif: SARIF 2.1.0 with the rule registry as tool.driver.rules and results with locations', () => {
    const r = run(['-f', 'sarif', 'postmortems', '--today', TODAY]);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'postmortem-lint');
    assert.equal(driver.version, pkg.version);
    const ids = driver.rules.map((d: { id: string }) => d.id);
    for (const rule of registry) assert.ok(ids.includes(rule.id), `driver lists ${rule.id}`);
    for (const d of driver.rules.filter((x: { id: string }) => registry.some((rr) => rr.id === x.id))) {
      // no helpUri (SARIF wants an absolute URI and the pages have no web address): the page itself is the help
      assert.equal(d.helpUri, undefined);
      assert.match(d.help.text, new RegExp(`docs[\\\\/]rules[\\\\/]${d.id}\\.md$`));
      assert.match(d.help.markdown, new RegExp(`^# ${d.id}\\b`));
      assert.ok(d.shortDescription.text.length > 0);
    }
    const results = log.runs[0].results;
    assert.ok(results.length >= 3);
    for (const res of results) {
      assert.equal(typeof res.ruleId, 'string');
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note', 'none'].includes(res.level));
      assert.ok(res.message.text.length > 0);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'postmortems/payments.md');
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine);
    }
    assert.match(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  it('github: workflow annotation commands with positions and the rule as title', () => {
    const r = run(['--format=github', 'postmortems/payments.md', '--today', TODAY]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 3);
    for (const l of lines) {
      assert.match(l, /^::(error|warning|notice) file=postmortems\/payments\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
      assert.ok(!/[\r]/.test(l));
    }
    const vague = lineOf(BAD, 'Better testing');
    assert.ok(lines.some((l) => l.includes(`line=${vague},`) && l.includes('title=action-item-vague::')), r.stdout);
  });

  it('github: escapes %, line breaks, commas and colons as the runner expects', () => {
    assert.equal(escapeGithubData('50% of 2\r\nnext: a, b'), '50%25 of 2%0D%0Anext: a, b');
    assert.equal(escapeGithubProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
    const dir = scratch('names');
    write('postmortems/db, cache: outage.md', BAD, dir);
    const r = run(['-f', 'github', 'postmortems', '--today', TODAY], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /file=postmortems\/db%2C cache%3A outage\.md,line=/);
  });
});

describe('postmortem-lint: exit codes', () => {
  it('0 when nothing reaches --fail-on; 1 when something does', () => {
    const json = JSON.parse(run(['-f', 'json', 'postmortems/payments.md', '--today', TODAY]).stdout) as JsonFinding[];
    const has = (s: string) => json.some((f) => f.severity === s);
    assert.ok(has('warning'));
    assert.equal(run(['postmortems/payments.md', '--today', TODAY, '--fail-on', 'never']).code, 0);
    assert.equal(run(['postmortems/payments.md', '--today', TODAY, '--fail-on', 'error']).code, has('error') ? 1 : 0);
    assert.equal(run(['postmortems/payments.md', '--today', TODAY, '--fail-on', 'warning']).code, 1);
    assert.equal(run(['postmortems/payments.md', '--today', TODAY, '--fail-on', 'information']).code, 1);
  });

  it('0 for a README that does not look like a postmortem, and says it was skipped', () => {
    const r = run(['README.md']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No problems in 0 postmortems\./);
    assert.match(r.stdout, /1 file skipped because it does not look like a postmortem: README\.md \(use --all to lint it anyway\)\./);
  });

  it('--all lints the README too', () => {
    const r = run(['--all', '-f', 'json', 'README.md', '--today', TODAY]);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(findings.some((f) => f.rule === 'action-item-vague' && f.line === lineOf(README, 'Better testing')), r.stdout);
  });

  it('2 with a one-line reason for usage errors', () => {
    fs.mkdirSync(path.join(tmp, 'no-markdown-here'), { recursive: true });
    const cases: [string[], RegExp][] = [
      [['--frobnicate', 'README.md'], /^postmortem-lint: unknown option --frobnicate \(see postmortem-lint --help\)\n$/],
      [['--format', 'xml', 'README.md'], /^postmortem-lint: --format must be one of text, json, sarif, github; got "xml"/],
      [['--fail-on', 'sometimes', 'README.md'], /^postmortem-lint: --fail-on must be one of error, warning, information, never; got "sometimes"/],
      [['--today', '2026-02-30', 'README.md'], /^postmortem-lint: --today must be a date written YYYY-MM-DD/],
      [['--today'], /^postmortem-lint: option --today needs a value/],
      [[], /^postmortem-lint: no files given/],
      [['does-not-exist.md'], /^postmortem-lint: file not found: does-not-exist\.md\n$/],
      [['nothing/**/*.md'], /^postmortem-lint: no files match nothing\/\*\*\/\*\.md\n$/],
      [['no-markdown-here'], /^postmortem-lint: no markdown files in no-markdown-here\n$/],
      [['--ignore', ' ', 'README.md'], /^postmortem-lint: --ignore needs a glob/],
      [['--config', 'missing-rc.json', 'README.md'], /^postmortem-lint: missing-rc\.json: file not found\n$/],
    ];
    for (const [args, re] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, re, args.join(' '));
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, args.join(' '));
      assert.equal(r.stdout, '');
    }
  });

  it('2 for a broken config, naming the file and where it broke', () => {
    const dir = scratch('broken');
    write('.postmortemrc.json', '{\n  "rules": {\n    "action-item-owner": "error",\n  }\n}\n', dir);
    write('postmortems/a.md', BAD, dir);
    const r = run(['postmortems/a.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^postmortem-lint: \.postmortemrc\.json: broken JSON at line 4, column 3: .+\n$/);
    assert.equal(r.stdout, '');
  });

  it('2 for an unknown rule id, naming the file and the key, with a suggestion', () => {
    const dir = scratch('unknown');
    write('.postmortemrc.yaml', 'rules:\n  action-item-ownr: error\n', dir);
    write('postmortems/a.md', BAD, dir);
    const r = run(['postmortems'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'postmortem-lint: .postmortemrc.yaml: rules.action-item-ownr: unknown rule id (did you mean action-item-owner?)\n');
  });
});

describe('postmortem-lint: files, configuration, today', () => {
  it('searches folders for markdown, skipping node_modules and .git', () => {
    const r = run(['-f', 'json', '.', '--today', TODAY]);
    const files = [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file))].sort();
    assert.deepEqual(files, ['docs/incidents/2026/payments-copy.md', 'postmortems/payments.md']);
  });

  it('expands globs and keeps the folder as given in paths', () => {
    const g = run(['-f', 'json', 'docs/**/*.md', '--today', TODAY]);
    assert.deepEqual([...new Set((JSON.parse(g.stdout) as JsonFinding[]).map((f) => f.file))], ['docs/incidents/2026/payments-copy.md']);
    const d = run(['-f', 'json', 'docs/', '--today', TODAY]);
    assert.deepEqual([...new Set((JSON.parse(d.stdout) as JsonFinding[]).map((f) => f.file))], ['docs/incidents/2026/payments-copy.md']);
  });

  it('--today decides what is overdue (and POSTMORTEM_LINT_TODAY does when --today is absent)', () => {
    const overdue = (r: Run) => (JSON.parse(r.stdout) as JsonFinding[]).filter((f) => f.rule === 'action-item-overdue');
    const before = overdue(run(['-f', 'json', 'postmortems/payments.md', '--today', '2026-01-15']));
    const afterDue = overdue(run(['-f', 'json', 'postmortems/payments.md', '--today', '2026-03-01']));
    assert.equal(before.length, 0);
    assert.equal(afterDue.length, 1);
    assert.equal(afterDue[0].line, lineOf(BAD, 'due 2026-02-01'));
    assert.equal(overdue(run(['-f', 'json', 'postmortems/payments.md'], tmp, { POSTMORTEM_LINT_TODAY: '2026-03-01' })).length, 1);
  });

  it('applies the nearest .postmortemrc.yaml upward from each file', () => {
    const dir = scratch('yaml');
    write('.postmortemrc.yaml', 'rules:\n  action-item-vague: error\n  action-item-owner: "off"\n', dir);
    write('team/postmortems/a.md', BAD, dir);
    const findings = JSON.parse(run(['-f', 'json', 'team', '--today', TODAY], dir).stdout) as JsonFinding[];
    assert.ok(findings.some((f) => f.rule === 'action-item-vague' && f.severity === 'error'));
    assert.ok(!findings.some((f) => f.rule === 'action-item-owner'));
  });

  it('--config applies one file to every input', () => {
    const dir = scratch('cfg');
    write('ci/rc.json', JSON.stringify({ rules: { 'action-item-vague': 'off', 'action-items-too-many': ['warning', { max: 1 }] } }), dir);
    write('postmortems/a.md', BAD, dir);
    const findings = JSON.parse(run(['-f', 'json', '--config', 'ci/rc.json', 'postmortems', '--today', TODAY], dir).stdout) as JsonFinding[];
    assert.ok(!findings.some((f) => f.rule === 'action-item-vague'));
    assert.ok(findings.some((f) => f.rule === 'action-items-too-many'));
  });

  it('ignore globs: a template beside the postmortems gets no findings, from --ignore or the rc file, even with --all', () => {
    const dir = scratch('ignore');
    write('postmortems/2026-01-payments.md', BAD, dir);
    write('postmortems/template.md', BAD, dir);
    const files = (r: Run) => [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file))];
    assert.deepEqual(files(run(['-f', 'json', 'postmortems', '--today', TODAY], dir)), ['postmortems/2026-01-payments.md', 'postmortems/template.md']);
    assert.deepEqual(files(run(['-f', 'json', 'postmortems', '--ignore', 'postmortems/template.md', '--today', TODAY], dir)), ['postmortems/2026-01-payments.md']);
    const text = run(['postmortems', '--ignore', '**/template.md', '--today', TODAY], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /in 1 of 1 postmortem\.\n1 file ignored because it matches an ignore glob: postmortems\/template\.md\.\n$/);
    write('.postmortemrc.json', JSON.stringify({ ignore: ['postmortems/template.md'] }), dir);
    assert.deepEqual(files(run(['-f', 'json', '--all', 'postmortems', '--today', TODAY], dir)), ['postmortems/2026-01-payments.md']);
    write('.postmortemrc.json', JSON.stringify({ ignore: 'postmortems/template.md' }), dir);
    const broken = run(['postmortems'], dir);
    assert.equal(broken.code, 2);
    assert.equal(broken.stderr, 'postmortem-lint: .postmortemrc.json: ignore: expected an array of globs such as ["postmortems/template.md"], found "postmortems/template.md"\n');
  });

  it('-o writes the report to a file', () => {
    const out = path.join(tmp, 'report.sarif');
    const r = run(['-f', 'sarif', '-o', out, 'postmortems/payments.md', '--today', TODAY]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).version, '2.1.0');
  });

  it('--help lists every rule; --version prints the package version', () => {
    const h = run(['--help']);
    assert.equal(h.code, 0);
    for (const rule of registry) assert.ok(h.stdout.includes(rule.id), rule.id);
    assert.match(h.stdout, /--today <date>/);
    const v = run(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout, `${pkg.version}\n`);
  });
});

describe('postmortem-lint render', () => {
  it('writes a self-contained HTML reader view of a postmortem', () => {
    const out = path.join(tmp, 'out.html');
    const r = run(['render', 'postmortems/payments.md', '-o', out, '--today', TODAY]);
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /<html/i);
    assert.ok(html.includes('Payments outage'), 'the title is in the page');
    assert.ok(html.includes('Alert when payments p99 latency exceeds 800 ms'), 'the action items are in the page');
  });
  it('exits 2 for a missing file or a missing argument', () => {
    const missing = run(['render', 'nope.md', '-o', path.join(tmp, 'x.html')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'postmortem-lint: file not found: nope.md\n');
    assert.equal(run(['render']).code, 2);
  });
});

describe('postmortem-lint: hostile files and configs (one line each, the run goes on)', () => {
  const PM = '---\ntype: postmortem\n---\n# Outage\n\n## Action items\n\n- [ ] Better testing\n';
  const files = (r: Run) => [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file))].sort();

  it('a glob over a tree with symbolic link cycles lints each file once and finishes (links to files count)', () => {
    const dir = scratch('links');
    write('docs/a.md', PM, dir);
    fs.symlinkSync('.', path.join(dir, 'docs/self'));
    fs.symlinkSync('.', path.join(dir, 'docs/self2'));
    fs.symlinkSync('a.md', path.join(dir, 'docs/alias.md'));
    for (const input of ['docs/**/*.md', 'docs']) {
      const r = run(['-f', 'json', input, '--today', TODAY], dir);
      assert.equal(r.code, 1, `${input}: ${r.stderr}`);
      assert.deepEqual(files(r), ['docs/a.md', 'docs/alias.md'], input);
    }
  });

  it('a listed file that cannot be read (gone, a link loop) is one line on stderr; the others are reported; exit 2', () => {
    const dir = scratch('unreadable');
    write('pm/a.md', PM, dir);
    fs.symlinkSync('deleted-since.md', path.join(dir, 'pm/gone.md'));
    fs.symlinkSync('loop.md', path.join(dir, 'pm/loop.md'));
    fs.mkdirSync(path.join(dir, 'pm/folder.md'));
    const r = run(['-f', 'json', 'pm', '--today', TODAY], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(files(r), ['pm/a.md']);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      'postmortem-lint: cannot read pm/gone.md: it no longer exists (deleted, or a link to a missing file)',
      'postmortem-lint: cannot read pm/loop.md: it is a symbolic link loop',
    ]);
    // a folder named like a markdown file is searched, not read
    write('pm/folder.md/inner.md', PM, dir);
    assert.deepEqual(files(run(['-f', 'json', 'pm/folder.md', '--today', TODAY], dir)), ['pm/folder.md/inner.md']);
  });

  it('UTF-16 files with a byte order mark are decoded; invalid UTF-8 is linted with a one-line warning naming the line', () => {
    const dir = scratch('encodings');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PM, 'utf16le')]);
    const be = Buffer.from(le.subarray(2));
    be.swap16();
    write('pm/le.md', '', dir);
    fs.writeFileSync(path.join(dir, 'pm/le.md'), le);
    fs.writeFileSync(path.join(dir, 'pm/be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    fs.writeFileSync(path.join(dir, 'pm/latin1.md'), Buffer.from(PM.replace('# Outage', '# Caf\u00e9 outage'), 'latin1'));
    const r = run(['-f', 'json', 'pm', '--today', TODAY], dir);
    assert.equal(r.code, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    for (const f of ['pm/be.md', 'pm/latin1.md', 'pm/le.md']) {
      assert.ok(findings.some((x) => x.file === f && x.rule === 'action-item-vague' && x.line === 8), `${f}: ${r.stdout}`);
    }
    assert.equal(r.stderr, 'postmortem-lint: pm/latin1.md: not valid UTF-8 (first bad byte on line 4); save it as UTF-8\n');
  });

  it('a .postmortemrc.json that is a dangling link, a link loop or a folder stops the run naming the file (exit 2)', () => {
    const dir = scratch('badrc');
    write('pm/a.md', PM, dir);
    const rc = path.join(dir, '.postmortemrc.json');
    const cases: [() => void, string][] = [
      [() => fs.symlinkSync('/nonexistent/shared.json', rc), 'postmortem-lint: .postmortemrc.json: is a symbolic link to a missing file (/nonexistent/shared.json)\n'],
      [() => fs.symlinkSync('.postmortemrc.json', rc), 'postmortem-lint: .postmortemrc.json: is a symbolic link loop\n'],
      [() => fs.mkdirSync(rc), 'postmortem-lint: .postmortemrc.json: is a folder, not a file\n'],
    ];
    for (const [make, expected] of cases) {
      fs.rmSync(rc, { recursive: true, force: true });
      make();
      const r = run(['pm'], dir);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.equal(r.stderr, expected);
      assert.equal(r.stdout, '');
    }
    fs.rmSync(rc, { recursive: true, force: true });
  });

  it('a config with thousands of problems prints ten and "… and N more"; a 50 MB config is refused in one line', () => {
    const dir = scratch('bigrc');
    write('pm/a.md', PM, dir);
    const keys = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknown-${i}`, 1]));
    write('.postmortemrc.json', JSON.stringify(keys), dir);
    const r = run(['pm'], dir);
    assert.equal(r.code, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 11, r.stderr.slice(0, 2000));
    assert.match(lines[0], /^postmortem-lint: \.postmortemrc\.json: unknown-0: unknown key/);
    assert.equal(lines[10], 'postmortem-lint: .postmortemrc.json: … and 4990 more problems');
    write('.postmortemrc.json', `{"rules": {}, "notes": "${'x'.repeat(50_000_000)}"}`, dir);
    const b = run(['pm'], dir);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /^postmortem-lint: \.postmortemrc\.json: is \d+\.\d MB; a configuration file may be at most 1 MB \(is it the right file\?\)\n$/);
  });

  it('render of a folder says it is a folder', () => {
    const r = run(['render', 'postmortems']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'postmortem-lint: postmortems is a folder: render takes one markdown file\n');
  });
});
