// Configuration: path globs, .postmortemrc parsing/validation (messages name file and key), merging, upward lookup.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Rule } from '../../server/src/model/types';
import { DEFAULT_POSTMORTEM_GLOBS, isPostmortemPath } from '../../server/src/config/globs';
import { parseConfigText } from '../../server/src/config/parse';
import { formatConfigProblem, validateConfig } from '../../server/src/config/validate';
import { applyEditorSettings, mergeConfig, mergeRuleSetting, resolveRule } from '../../server/src/config/merge';
import { findConfigFile, invalidateConfigCache, loadConfigFile, loadConfigForFile } from '../../server/src/config/load';
import { rules as registry } from '../../server/src/rules/index';
import { lint, LINTER_RULE_ID } from '../../server/src/lint/lint';

// A small registry with the option shapes real rules use, so these tests do not depend on any rule's details.
const fakeRule = (id: string, properties: Record<string, unknown>, defaultOptions: object = {}): Rule<object> => ({
  id,
  description: `${id} description`,
  defaultSeverity: 'warning',
  defaultOptions,
  optionsSchema: { type: 'object', properties, additionalProperties: false },
  check: () => undefined,
});
const RULES: Rule<object>[] = [
  fakeRule('action-item-owner', { requirePerson: { type: 'boolean' } }, { requirePerson: false }),
  fakeRule('action-items-too-many', { max: { type: 'integer', minimum: 1 } }, { max: 5 }),
  fakeRule('missing-section', { required: { type: 'array', items: { type: 'string', enum: ['summary', 'impact', 'timeline'] } } }),
  fakeRule('action-item-due-window', { days: { type: 'object', additionalProperties: { type: 'integer' } }, style: { enum: ['strict', 'loose'] } }),
  fakeRule('empty-section', {}),
];

const lines = (raw: unknown, file = '.postmortemrc.json') => validateConfig(raw, file, RULES).problems.map((p) => formatConfigProblem(p));

describe('isPostmortemPath', () => {
  const root = '/repo';
  it('matches the default folders and file names, case-insensitively', () => {
    for (const p of [
      'docs/postmortems/2024-03-db.md',
      'Postmortem/a.md',
      'post-mortems/x.md',
      'team/incidents/2024/q1/outage.md',
      'incident-reviews/a.md',
      'retros/sprint-4.md',
      'notes/2024-01-12-payments-incident.md',
      'notes/DB-Postmortem.md',
      'notes/api-post-mortem.md',
    ]) {
      assert.equal(isPostmortemPath(`${root}/${p}`, undefined, root), true, p);
    }
  });
  it('does not match ordinary files, nor folders above the root', () => {
    for (const p of ['README.md', 'docs/roadmap.md', 'docs/retrospect/a.md']) assert.equal(isPostmortemPath(`${root}/${p}`, undefined, root), false, p);
    // The checkout lives in a folder named "incidents": only the path below the root counts.
    assert.equal(isPostmortemPath('/home/incidents/repo/README.md', undefined, '/home/incidents/repo'), false);
  });
  it('uses configured globs instead of the defaults; [] turns path detection off', () => {
    assert.equal(isPostmortemPath('/repo/docs/pm/2024.md', ['docs/pm/*.md'], root), true);
    assert.equal(isPostmortemPath('/repo/docs/pm/2024.md', ['./docs/pm/*.md'], root), true);
    assert.equal(isPostmortemPath('/repo/postmortems/2024.md', ['docs/pm/*.md'], root), false);
    assert.equal(isPostmortemPath('/repo/postmortems/2024.md', [], root), false);
  });
  it('handles Windows paths and relative paths, and never throws on bad input', () => {
    assert.equal(isPostmortemPath('C:\\repo\\retros\\a.md', undefined, 'C:\\repo'), true);
    assert.equal(isPostmortemPath('postmortems/a.md', undefined), true);
    assert.equal(isPostmortemPath('', undefined, root), false);
    assert.equal(isPostmortemPath('/repo/a.md', ['[unclosed', 'a.md'], root), true);
    assert.ok(DEFAULT_POSTMORTEM_GLOBS.length >= 2);
  });
});

describe('parseConfigText', () => {
  it('reports broken JSON with line and column', () => {
    const r = parseConfigText('{\n  "rules": {\n    "action-item-owner": "error",\n  }\n}\n', '/x/.postmortemrc.json');
    assert.equal(r.raw, undefined);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].file, '/x/.postmortemrc.json');
    assert.match(r.problems[0].message, /^broken JSON at line 4, column 3: /);
  });
  it('reports an empty JSON file and truncated JSON', () => {
    assert.match(parseConfigText('  \n', 'a.json').problems[0].message, /the file is empty/);
    assert.match(parseConfigText('{"rules": {', 'a.json').problems[0].message, /^broken JSON at line 1/);
  });
  it('reports broken YAML with its line', () => {
    const r = parseConfigText('rules:\n  action-item-owner: error\n   bad: [\n', '.postmortemrc.yaml');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /^broken YAML at line \d+, column \d+: /);
  });
  it('reports a YAML warning (an unknown tag) as a problem with its line, and writes nothing to stderr', async () => {
    const warned: string[] = [];
    const onWarning = (w: Error) => warned.push(w.message);
    process.on('warning', onWarning);
    try {
      const r = parseConfigText('rules:\n  action-item-owner: !binary x\n', '.postmortemrc.yaml');
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0].message, /^broken YAML at line 2, column \d+: Unresolved tag: !binary/);
      // a front matter with the same tag is read without a process warning either
      lint('---\ndate: !binary |-\n  MjAwNA==\ntype: postmortem\n---\n# Notes\n', { today: '2026-03-01' });
      // process warnings are emitted on a later tick
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warned, []);
  });
  it('reads YAML and JSON (with a BOM); an empty YAML file is an empty config', () => {
    assert.deepEqual(parseConfigText('rules:\n  action-item-owner: error\n', 'c.yml').raw, { rules: { 'action-item-owner': 'error' } });
    assert.deepEqual(parseConfigText('\uFEFF{"rules":{}}', 'c.json').raw, { rules: {} });
    assert.deepEqual(parseConfigText('', 'c.yaml'), { raw: undefined, problems: [] });
  });
});

describe('validateConfig', () => {
  it('names the file and the key of an unknown rule id, with a suggestion', () => {
    assert.deepEqual(lines({ rules: { 'action-item-ownr': 'error' } }), [
      '.postmortemrc.json: rules.action-item-ownr: unknown rule id (did you mean action-item-owner?)',
    ]);
    assert.match(lines({ rules: { 'completely-different': 'error' } })[0], /^\.postmortemrc\.json: rules\.completely-different: unknown rule id; run postmortem-lint --help/);
  });
  it('rejects bad severities and says which ones exist', () => {
    assert.deepEqual(lines({ rules: { 'action-item-owner': 'warn' } }), [
      '.postmortemrc.json: rules.action-item-owner: bad severity "warn" (did you mean "warning"?); use one of "off", "error", "warning", "information", "hint"',
    ]);
    assert.match(lines({ rules: { 'action-item-owner': 2 } })[0], /bad severity 2 \(numeric levels are not used here: write "error"\)/);
    assert.match(lines({ rules: { 'action-item-owner': ['eror', {}] } })[0], /rules\.action-item-owner\[0\]: bad severity "eror" \(did you mean error\?\)/);
    assert.match(lines({ rules: { 'action-item-owner': [] } })[0], /expected \[severity\] or \[severity, \{ options \}\]/);
    assert.match(lines({ rules: { 'action-items-too-many': { max: 3 } } })[0], /options go in an array: \["warning", \{"max":3\}\]/);
  });
  it('rejects unknown option keys and wrong option types', () => {
    assert.deepEqual(lines({ rules: { 'action-items-too-many': ['warning', { maxx: 3 }] } }), [
      '.postmortemrc.json: rules.action-items-too-many[1].maxx: unknown option (did you mean max?); options for action-items-too-many are max',
    ]);
    assert.deepEqual(lines({ rules: { 'action-items-too-many': ['warning', { max: 'three' }] } }), [
      '.postmortemrc.json: rules.action-items-too-many[1].max: expected a whole number, found "three"',
    ]);
    assert.match(lines({ rules: { 'action-items-too-many': ['warning', { max: 0 }] } })[0], /max: must be at least 1, found 0/);
    assert.match(lines({ rules: { 'action-items-too-many': ['warning', { max: 2.5 }] } })[0], /max: expected a whole number, found 2.5/);
    assert.match(lines({ rules: { 'action-item-owner': ['error', { requirePerson: 'yes' }] } })[0], /requirePerson: expected a boolean, found "yes"/);
    assert.match(lines({ rules: { 'missing-section': ['error', { required: ['summary', 'impakt'] }] } })[0], /required\[1\]: "impakt" is not allowed \(did you mean impact\?\)/);
    assert.match(lines({ rules: { 'missing-section': ['error', { required: 'summary' }] } })[0], /required: expected an array, found "summary"/);
    assert.match(lines({ rules: { 'action-item-due-window': ['error', { days: { SEV1: 'x' } }] } })[0], /days\.SEV1: expected a whole number/);
    assert.match(lines({ rules: { 'action-item-due-window': ['error', { style: 'lax' }] } })[0], /style: "lax" is not allowed; use one of "strict", "loose"/);
    assert.match(lines({ rules: { 'empty-section': ['error', { anything: 1 }] } })[0], /empty-section takes no options/);
    assert.match(lines({ rules: { 'empty-section': ['error', 'x'] } })[0], /rules\.empty-section\[1\]: expected an options object, found "x"/);
  });
  it('keeps the valid parts and drops the invalid ones', () => {
    const r = validateConfig(
      { rules: { 'action-item-owner': 'error', 'action-item-ownr': 'error', 'action-items-too-many': ['information', { max: 3 }], 'empty-section': 'nope' } },
      'c.json',
      RULES,
    );
    assert.deepEqual(r.config, { rules: { 'action-item-owner': 'error', 'action-items-too-many': ['information', { max: 3 }] } });
    assert.equal(r.problems.length, 2);
  });
  it('checks top-level keys and the globs', () => {
    assert.deepEqual(lines({ rule: {} }), ['.postmortemrc.json: rule: unknown key (did you mean rules?); allowed keys are rules, postmortemGlobs, ignore']);
    assert.match(lines({ ignore: 'template.md' })[0], /^\.postmortemrc\.json: ignore: expected an array of globs such as \["postmortems\/template\.md"\]/);
    assert.match(lines({ postmortemGlobs: 'docs/*.md' })[0], /postmortemGlobs: expected an array of globs/);
    assert.match(lines({ postmortemGlobs: ['ok/*.md', 3, ''] })[0], /postmortemGlobs\[1\]: expected a non-empty glob string, found 3/);
    assert.match(lines([1, 2])[0], /^\.postmortemrc\.json: expected an object such as/);
    assert.match(lines('rules')[0], /found "rules"/);
    assert.deepEqual(lines({ $schema: './schemas/postmortemrc.schema.json', rules: {} }), []);
    assert.deepEqual(validateConfig(null, 'c.yaml', RULES), { config: {}, problems: [] });
  });
});

describe('merging', () => {
  it('keeps options when a later layer only changes the severity', () => {
    assert.deepEqual(mergeRuleSetting(['warning', { max: 3 }], 'error'), ['error', { max: 3 }]);
    assert.deepEqual(mergeRuleSetting(['warning', { max: 3, x: 1 }], ['hint', { max: 4 }]), ['hint', { max: 4, x: 1 }]);
    assert.equal(mergeRuleSetting('warning', 'off'), 'off');
    assert.equal(mergeRuleSetting(undefined, 'error'), 'error');
  });
  it('merges layers, later winning, globs replaced', () => {
    const c = mergeConfig(
      { rules: { a: 'error', b: ['warning', { max: 2 }] }, postmortemGlobs: ['x/**'] },
      undefined,
      { rules: { b: 'information', c: 'off' }, postmortemGlobs: ['y/**'] },
    );
    assert.deepEqual(c, { rules: { a: 'error', b: ['information', { max: 2 }], c: 'off' }, postmortemGlobs: ['y/**'] });
  });
  it('resolves a rule with its defaults', () => {
    const rule = RULES[1];
    assert.deepEqual(resolveRule(undefined, rule), { severity: 'warning', options: { max: 5 } });
    assert.deepEqual(resolveRule({ rules: { 'action-items-too-many': 'error' } }, rule), { severity: 'error', options: { max: 5 } });
  });
  it('layers editor settings over the .postmortemrc, with maxActionItems overriding max', () => {
    const rc = { rules: { 'action-items-too-many': ['error', { max: 4 }] as ['error', { max: number }] }, postmortemGlobs: ['pm/**'] };
    const r = applyEditorSettings(rc, { rules: { 'action-item-owner': 'hint' }, postmortemGlobs: [], maxActionItems: 3 }, RULES);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config, { rules: { 'action-items-too-many': ['error', { max: 3 }], 'action-item-owner': 'hint' }, postmortemGlobs: ['pm/**'] });
    const none = applyEditorSettings(rc, { rules: {}, postmortemGlobs: ['other/**'], maxActionItems: null }, RULES);
    assert.deepEqual(none.config, { rules: rc.rules, postmortemGlobs: ['other/**'] });
  });
  it('reports bad editor settings under their setting names', () => {
    const r = applyEditorSettings({}, { rules: { 'action-item-ownr': 'error' }, maxActionItems: 0 }, RULES);
    assert.deepEqual(
      r.problems.map((p) => formatConfigProblem(p)),
      ['settings: postmortemLint.rules.action-item-ownr: unknown rule id (did you mean action-item-owner?)', 'settings: postmortemLint.maxActionItems: expected a whole number of at least 1 (or null), found 0'],
    );
  });
});

describe('loading .postmortemrc upward from a file', () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };
  const someRule = () => registry[0].id;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pml-config-'));
    invalidateConfigCache();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest config file and uses its folder as the root for globs', () => {
    write('.postmortemrc.yaml', `rules:\n  ${someRule()}: hint\n`);
    const doc = write('a/b/c/pm.md', '# x\n');
    const loaded = loadConfigForFile(doc);
    assert.equal(loaded.file, path.join(dir, '.postmortemrc.yaml'));
    assert.equal(loaded.rootDir, dir);
    assert.deepEqual(loaded.config, { rules: { [someRule()]: 'hint' } });
    assert.deepEqual(loaded.problems, []);
  });
  it('caches per folder until invalidated', () => {
    const doc = path.join(dir, 'a/b/c/pm.md');
    write('a/.postmortemrc.json', JSON.stringify({ rules: { [someRule()]: 'error' } }));
    assert.equal(loadConfigForFile(doc).file, path.join(dir, '.postmortemrc.yaml'), 'cached lookup');
    invalidateConfigCache(path.join(dir, 'a/.postmortemrc.json'));
    const loaded = loadConfigForFile(doc);
    assert.equal(loaded.file, path.join(dir, 'a/.postmortemrc.json'));
    assert.deepEqual(loaded.config, { rules: { [someRule()]: 'error' } });
    write('a/.postmortemrc.json', JSON.stringify({ rules: { [someRule()]: 'off' } }));
    invalidateConfigCache(path.join(dir, 'a/.postmortemrc.json'));
    assert.deepEqual(loadConfigForFile(doc).config, { rules: { [someRule()]: 'off' } });
  });
  it('prefers .postmortemrc.json over .yaml in the same folder', () => {
    write('j/.postmortemrc.yaml', 'rules: {}\n');
    write('j/.postmortemrc.json', '{"rules": {}}');
    assert.equal(findConfigFile(path.join(dir, 'j/x.md')), path.join(dir, 'j/.postmortemrc.json'));
  });
  it('returns problems, never throws, for broken and unreadable configs', () => {
    write('broken/.postmortemrc.json', '{ "rules": ');
    const b = loadConfigForFile(path.join(dir, 'broken/pm.md'));
    assert.equal(b.problems.length, 1);
    assert.equal(b.problems[0].file, path.join(dir, 'broken/.postmortemrc.json'));
    assert.match(b.problems[0].message, /^broken JSON/);
    fs.mkdirSync(path.join(dir, 'dirconf/.postmortemrc.yml'), { recursive: true });
    // A folder named like a config file is a mistake to report, not a reason to fall back silently to another config.
    assert.equal(findConfigFile(path.join(dir, 'dirconf/x.md')), path.join(dir, 'dirconf/.postmortemrc.yml'));
    assert.deepEqual(loadConfigForFile(path.join(dir, 'dirconf/x.md')).problems.map((p) => p.message), ['is a folder, not a file']);
    const missing = loadConfigFile(path.join(dir, 'nope.json'));
    assert.deepEqual(missing.problems.map((p) => p.message), ['file not found']);
  });
  it('validates against the real registry', () => {
    write('real/.postmortemrc.json', JSON.stringify({ rules: { [someRule() + 'x']: 'error' } }));
    const r = loadConfigForFile(path.join(dir, 'real/pm.md'));
    assert.equal(r.problems.length, 1);
    assert.equal(formatConfigProblem(r.problems[0], '.postmortemrc.json'), `.postmortemrc.json: rules.${someRule()}x: unknown rule id (did you mean ${someRule()}?)`);
  });
});

describe('the inline postmortem-lint-configure-file comment is validated like .postmortemrc', () => {
  const doc = (json: string) =>
    `---\ntype: postmortem\n---\n<!-- postmortem-lint-configure-file ${json} -->\n# Outage\n\n## Action items\n\n- [ ] Add a canary stage\n`;
  const run = (json: string) => lint(doc(json), { today: '2026-03-01' });
  const linter = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.ruleId === LINTER_RULE_ID);
  const has = (r: ReturnType<typeof run>, id: string) => r.findings.some((f) => f.ruleId === id);

  it('one finding on the comment per problem, naming the key; only the valid settings apply', () => {
    const cases: [string, RegExp][] = [
      ['{"rules": {"action-item-ownr": "off"}}', /^postmortem-lint-configure-file: rules\.action-item-ownr: unknown rule id \(did you mean action-item-owner\?\)$/],
      ['{"rules": {"action-item-owner": "loud"}}', /^postmortem-lint-configure-file: rules\.action-item-owner: bad severity "loud"/],
      ['{"rules": {"action-items-too-many": ["warning", {"max": "many"}]}}', /^postmortem-lint-configure-file: rules\.action-items-too-many\[1\]\.max: expected a whole number, found "many"$/],
      ['[1,2,3]', /^postmortem-lint-configure-file: expected an object such as/],
      ['"off"', /^postmortem-lint-configure-file: expected an object such as/],
      ['{"rules": {"__proto__": {"action-item-due-date": "off"}}}', /^postmortem-lint-configure-file: rules\.__proto__: unknown rule id/],
      ['{"action-item-owner": "off"}', /^postmortem-lint-configure-file: action-item-owner: rule settings go under "rules"/],
      ['{"ignore": ["**"]}', /^postmortem-lint-configure-file: ignore: has no effect in a comment; set it in \.postmortemrc$/],
    ];
    for (const [json, re] of cases) {
      const r = run(json);
      const f = linter(r);
      assert.equal(f.length, 1, `${json}: ${f.map((x) => x.message).join(' | ')}`);
      assert.match(f[0].message, re, json);
      assert.equal(f[0].range.start.line, 3, 'on the comment');
      // nothing invalid took effect: the owner and due-date rules still run
      assert.ok(has(r, 'action-item-owner') && has(r, 'action-item-due-date'), json);
    }
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'action-item-due-date'), false);
    assert.equal(({} as Record<string, unknown>)['action-item-due-date'], undefined);
  });

  it('valid settings still apply, merged over the configuration (a bare severity keeps its options)', () => {
    const r = lint(doc('{"rules": {"action-item-owner": "off", "missing-section": "error"}}'), {
      today: '2026-03-01',
      config: { rules: { 'missing-section': ['warning', { required: ['summary'] }] } },
    });
    assert.deepEqual(linter(r), []);
    assert.ok(!has(r, 'action-item-owner'));
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'missing-section').map((f) => [f.severity, f.message.slice(0, 23)]),
      [['error', "No 'Summary' section: a"]],
    );
  });

  it('a comment with thousands of problems gives five findings and "… and N more"', () => {
    const rules = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`nope-${i}`, 'off']));
    const f = linter(run(JSON.stringify({ rules })));
    assert.equal(f.length, 6);
    assert.equal(f[5].message, 'postmortem-lint-configure-file: … and 2995 more problems');
  });
});
