// Shapes the twenty-seventh held-out set showed (test/eval/heldout27/FIRST-RUN.md), each read as a reader reads it: a
// disclosure of a planned pause is not a postmortem, even in an incidents folder; Spanish incident records are.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/lint/lint';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'test/fixtures');

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const at = (text: string, filePath: string) => lint(text, { filePath, rootDir: ROOT, today: '2026-03-01' });

describe('heldout27: a disclosure of planned work', () => {
  const pause = fixture('lookalike-planned-pause-disclosure.md');

  test('saved in an incidents folder, it gets no finding (the content decides, as for a drill)', () => {
    const r = at(pause, 'incidents/2026-03-02-search-pause.md');
    assert.equal(r.isPostmortem, false);
    assert.deepEqual(r.findings, []);
  });

  test('a migration that failed is still a postmortem there, and by its headings', () => {
    const failed = pause.replace('Search taken offline for index rebuild', 'Search index rebuild failed').replace('## Scope', '## Root cause\n\nThe rebuild ran out of disk.\n\n## Scope');
    assert.equal(at(failed, 'incidents/2026-03-02-search-pause.md').isPostmortem, true);
    assert.equal(at(failed, 'docs/search.md').isPostmortem, true);
  });

  test('a pause told with a root cause is a postmortem: something made it necessary', () => {
    const caused = pause.replace('## Scope', '## Root cause\n\nThe old index was corrupted by a bad shard move.\n\n## Scope');
    assert.equal(at(caused, 'docs/search.md').isPostmortem, true);
  });
});

describe('heldout27: Spanish incident records', () => {
  test('"Síntoma", "Acciones tomadas" and "Próximos pasos" make an open issue a postmortem; its next steps are items', () => {
    const r = at(fixture('other-language-spanish-open-issue.md'), 'docs/impresora.md');
    assert.equal(r.isPostmortem, true);
    assert.deepEqual(
      r.model.actionItems.map((i) => [i.text.slice(0, 20), i.status]),
      [
        ['Probar la ruta hacia', 'open'],
        ['Revisar los filtros ', 'open'],
      ],
    );
  });

  test('"Log del Incidente" is the timeline: its bracketed times with no zone are reported', () => {
    const r = at(fixture('other-language-spanish-record.md'), 'docs/correo.md');
    assert.ok(r.findings.some((f) => f.ruleId === 'timeline-timezone'));
    const zoned = fixture('other-language-spanish-record.md').replace('## Log del Incidente', '## Log del Incidente (UTC)');
    assert.ok(!at(zoned, 'docs/correo.md').findings.some((f) => f.ruleId === 'timeline-timezone'));
  });

  test('missing-section stays quiet on a Spanish record: its headings are not read as English ones', () => {
    const r = at(fixture('other-language-spanish-open-issue.md'), 'docs/impresora.md');
    assert.ok(!r.findings.some((f) => f.ruleId === 'missing-section'));
  });
});

describe('heldout27: a status or priority cell after a marker', () => {
  test('"⏳ Pendiente" and "🔄 En progreso" are open, "✅ Completo" done; "🔴 Crítica" / "🟢 Baja" are priorities', () => {
    const items = at(fixture('other-language-spanish-status-table.md'), 'docs/facturacion.md').model.actionItems;
    assert.deepEqual(
      items.map((i) => [i.text.slice(0, 12), i.status, i.priority?.value.level]),
      [
        ['Archivar reg', 'open', 0],
        ['Alerta de vo', 'open', 1],
        ['Documentar l', 'done', 2],
        ['Revisar el t', 'open', 3],
      ],
    );
  });

  test('"⏳ Pending" in English is open too', () => {
    const md = '# Outage\n\n## Summary\n\nThe disk filled.\n\n## Action items\n\n| Action | Status | Owner |\n|---|---|---|\n| Rotate the logs | ⏳ Pending | @ana |\n';
    assert.deepEqual(at(md, 'docs/outage.md').model.actionItems.map((i) => i.status), ['open']);
  });
});

describe('heldout27: a table of settings checked OK', () => {
  test('under the action items, its rows are not items: the code lens and reader count only the two to do', () => {
    const items = at(fixture('action-items-settings-checked-table.md'), 'docs/checkout.md').model.actionItems;
    assert.deepEqual(
      items.map((i) => i.text.slice(0, 8)),
      ['Validate', 'Page on '],
    );
  });

  test('a row whose state is not OK keeps the table an item table', () => {
    const text = fixture('action-items-settings-checked-table.md').replace('| statement_timeout | OK | 30s |', '| statement_timeout | Pending | 30s |');
    assert.equal(at(text, 'docs/checkout.md').model.actionItems.length, 5);
  });

  test('"Checklist de Configuración (✅ TODOS OK)" is no follow-up heading: "todos" is "all" there', () => {
    const md = '# Incidente: sin monstruos\n\n## Resumen\n\nNo aparecen.\n\n## Checklist de Configuración (✅ TODOS OK)\n\n- `doMobSpawning` es `true`\n\n## TODOs\n\n- Probar de noche\n';
    const r = at(md, 'docs/x.md');
    assert.deepEqual(
      r.model.allSections.map((s) => s.kind),
      [undefined, 'summary', undefined, 'action-items'],
    );
  });
});

describe('heldout27: a row or bullet that says the list is empty', () => {
  const index = '# Incident and corrective-action index\n\nAdd one row per incident.\n\n| Incident | Severity | Status | Open actions |\n| --- | --- | --- | ---: |\n| None recorded | — | — | 0 |\n';

  test('an index page in an incidents folder: its "None recorded" row is no open item', () => {
    const r = at(index, 'docs/incidents/corrective-actions.md');
    assert.deepEqual(r.model.actionItems, []);
    assert.deepEqual(r.findings, []);
  });

  test('"None yet", "No open actions", "n/a", "Ninguno" are not items; "None of the alerts fired: add one" is', () => {
    const md = (cell: string) => `# Outage\n\n## Summary\n\nThe disk filled.\n\n## Action items\n\n- ${cell}\n`;
    for (const cell of ['None yet', 'No open actions', 'n/a', 'Ninguno', 'Nothing to report.']) assert.equal(at(md(cell), 'docs/o.md').model.actionItems.length, 0, cell);
    assert.equal(at(md('None of the alerts fired: add a disk alert at 80%'), 'docs/o.md').model.actionItems.length, 1);
  });
});
