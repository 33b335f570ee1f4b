// Postmortems written in another language: the catalogue's sections under their Norwegian, Russian, Chinese, Korean,
// Portuguese names make the document a postmortem and its action items get read; their tables' columns and status
// cells are read in that language too. Pages about postmortems in those languages stay quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/lint/lint';
import { matchSection } from '../../server/src/model/sections';

const read = (text: string) => lint(text, { today: '2026-03-01' });
const items = (text: string) => read(text).model.actionItems.map((i) => ({ text: i.text, status: i.status, owners: i.owners.map((o) => o.value) }));

test('section names in other languages map to the catalogue kinds', () => {
  assert.equal(matchSection('Tidslinje'), 'timeline');
  assert.equal(matchSection('Rotårsaker:'), 'contributing-causes');
  assert.equal(matchSection('Hva gikk dårlig'), 'lessons-learned');
  assert.equal(matchSection('Aksjonspunkter'), 'action-items');
  assert.equal(matchSection('Хронология (07.10.2026, CEST)'), 'timeline');
  assert.equal(matchSection('Что делаем дальше'), 'action-items');
  assert.equal(matchSection('时间线'), 'timeline');
  assert.equal(matchSection('根因 #2——读取触发守卫'), 'contributing-causes');
  assert.equal(matchSection('已添加的防护措施'), 'action-items');
  assert.equal(matchSection('2. 타임라인 (KST, 대략)'), 'timeline');
  assert.equal(matchSection('7. 재발 방지 (조치)'), 'action-items');
  assert.equal(matchSection('2. As 4 Causas Raízes Estruturais'), 'contributing-causes');
  assert.equal(matchSection('Lições aprendidas'), 'lessons-learned');
  // a report's own words that only look like them stay unknown
  assert.equal(matchSection('Что сделано для экономии'), undefined);
  assert.equal(matchSection('Результаты'), undefined);
});

test('a Norwegian report with bold labels and an Aksjonspunkter table is a postmortem; Eier is the owner, a commit reference is done', () => {
  const doc =
    '# Innlogging feilet etter oppgradering\n\n**Sammendrag:** Brukere kunne ikke logge inn i førti minutter.\n\n**Konsekvens:** Tolv tusen innlogginger feilet.\n\n' +
    '## Aksjonspunkter\n\n| Aksjon | Type | Eier | Referanse |\n| --- | --- | --- | --- |\n' +
    '| Låse versjonen av driveren | Forbedring | Kari Nordmann | https://github.com/example/app/commit/4f2a9c1e7d |\n' +
    '| Varsle om fulle tilkoblingspooler | Forbedring | Team innlogging | [#52](https://github.com/example/app/issues/52) |\n' +
    '| Gi tjenesten mer minne | Ola Nordmann | [Utført](https://grafana.example.com/d/app) |\n';
  assert.equal(read(doc).detectedBy, 'sections');
  assert.deepEqual(items(doc), [
    { text: 'Låse versjonen av driveren', status: 'done', owners: ['Kari Nordmann'] },
    { text: 'Varsle om fulle tilkoblingspooler', status: 'open', owners: ['Team innlogging'] },
    { text: 'Gi tjenesten mer minne', status: 'done', owners: [] },
  ]);
});

test('a front-matter title left as "template" gives way to the H1: the filled-in report is judged by its own title', () => {
  const doc =
    '---\nlayout: page\ntitle: template\n---\n\n# Ny søknadsdialog ble lansert for tidlig\n\n**Sammendrag:** Trafikken i produksjon ble rutet til en uferdig dialog.\n\n' +
    '**Rotårsaker:** En feature toggle var konfigurert feil.\n\n## Hva lærte vi?\n\n### Hva gikk dårlig\n* Ingen så trafikken før brukerne meldte fra.\n\n## Tidslinje\n\n| Klokkeslett | Hendelse |\n|:--- |:--- |\n| 12.00 (UTC) | Toggle skrudd på |\n';
  const r = read(doc);
  assert.equal(r.model.title?.value, 'Ny søknadsdialog ble lansert for tidlig');
  assert.equal(r.detectedBy, 'sections');
});

test('Chinese: items under "已添加的防护措施" are done; "**负责人** = 运维组" names the owner', () => {
  const doc =
    '# 事故复盘：导出任务失败\n\n## 摘要\n\n升级后定时导出全部失败。\n\n## 影响\n\n约 300 个客户的日报没有生成。\n\n## 根因\n\n定时器仍往旧队列投递。\n\n' +
    '## 已添加的防护措施\n\n- 队列名称从同一个配置读取。\n\n## 行动项\n\n- 为导出失败率增加告警：**负责人** = 运维组；**判据** = 十分钟内告警。\n';
  assert.equal(read(doc).detectedBy, 'sections');
  assert.deepEqual(
    items(doc).map((i) => [i.status, i.owners]),
    [
      ['done', []],
      ['open', ['运维组']],
    ],
  );
});

test('Russian: "Что уже сделано" holds finished work, "Что делаем дальше" the open follow-ups', () => {
  const doc =
    '# INC-007. Поиск: пустые результаты\n\n## Хронология (UTC)\n\n- 02:00 — обновление индекса.\n- 11:05 — откат.\n\n## Причина\n\nСкрипт переключил псевдоним на неполный индекс.\n\n' +
    '## Что уже сделано\n\n- Откатились на вчерашний индекс.\n\n## Что делаем дальше\n\n- [ ] Скрипт проверяет число документов перед переключением.\n';
  assert.deepEqual(
    items(doc).map((i) => i.status),
    ['done', 'open'],
  );
});

test('Korean: a "| 조치 | 상태 |" table reads ✅ and 완료 as done, 진행 중 as open', () => {
  const doc =
    '# 포스트모템: 업로드 거절\n\n## 1. 요약\n\n첫 업로드가 거절되었다.\n\n## 2. 타임라인 (KST)\n\n- 10:00 업로드\n\n## 4. 원인\n\n검색어가 문제였다.\n\n' +
    '## 7. 재발 방지 (조치)\n\n| 조치 | 상태 |\n|---|---|\n| 검색어 교체 | ✅ a20c931 |\n| 체크리스트 추가 | 완료 |\n| 지원 문의 | 진행 중 |\n';
  assert.deepEqual(
    items(doc).map((i) => i.status),
    ['done', 'done', 'open'],
  );
});

test('pages about postmortems in other languages stay quiet', () => {
  // a README that describes the team's template, its headings quoted on one line
  const readme =
    '# 事故复盘制度\n\n准入：隐蔽 / 系统性 / 重新发现代价高。\n\n## 模板\n\n# <主题>\n\n## 摘要（三十秒） / ## 时间线 / ## 根因\n\n## 新增的防护措施 ← 每条必须是会变红的东西\n\n## 经验教训 ← 放这里\n\n## 条目\n\n（暂无）\n';
  assert.equal(read(readme).detectedBy, undefined);
  // a load report that says what was done to save memory
  const report =
    '# Контакт — нагрузочный отчёт\n\n## Результаты\n\n| Каналы | CPU |\n|---|---|\n| 100 | 40 % |\n\n## Что сделано для экономии\n\n- Буферы переиспользуются.\n\n## Чего этот отчёт не мерил\n\nЗвонки через SIP.\n';
  assert.equal(read(report).detectedBy, undefined);
  assert.deepEqual(read(report).findings, []);
});

test('Japanese: "再発防止策（案）" holds the open follow-ups, "…として取り上げないこと" the ones let go; a report naming JST is in JST', () => {
  const kinds = { 発生から復旧までのタイムライン: 'timeline', 原因: 'contributing-causes', 復旧方法: 'resolution', 障害の内容: 'summary', '再発防止策（案）': 'action-items', 再発防止策として取り上げないこと: 'deferred' };
  for (const [heading, kind] of Object.entries(kinds)) assert.equal(matchSection(heading), kind, heading);
  // the time it came back, and what followed, are not how it was fixed
  assert.deepEqual(['復旧日時', '復旧後の状況'].map((h) => matchSection(h)), [undefined, undefined]);
  const cause = 'タイムゾーンを日本標準時（JST）から協定世界時（UTC）に変換する際に、時差の9時間を直接減算するという方法は不適切であった。端末に設定されているタイムゾーンに基づく変換となるため、利用開始日の表示がずれることになった。';
  const doc = (causeText: string) =>
    '# v1.4.0リリースで発生した障害について\n\n## 障害の内容\n\n利用開始日が正しく表示されない障害が発生した。\n\n### 影響範囲\n\n約2,100万台の端末。\n\n' +
    '## 発生から復旧までのタイムライン\n\n* 11/25\n  * 15:00 - v1.4.0をリリース\n  * 16:17 - 利用者からの報告を受ける\n\n' +
    `## 原因\n\n${causeText}\n\n## 復旧方法\n\nv1.4.1をリリースして修正した。\n\n## 今後の対応\n\n### 再発防止策（案）\n\n再発防止策として、次の項目を検討している。\n\n` +
    '* ローリングアップデートを実施することで、リリースを中断できるようにする\n* ユニットテストを整備する\n';
  const r = read(doc(cause));
  assert.equal(r.detectedBy, 'sections');
  assert.deepEqual(items(doc(cause)).map((i) => i.status), ['open', 'open']);
  assert.deepEqual(r.findings.filter((f) => f.ruleId === 'action-item-owner').length, 2);
  assert.equal(r.findings.filter((f) => f.ruleId === 'timeline-timezone').length, 0);
  // a zone the report does not name leaves the timeline's times unplaced
  const noZone = cause.replace('日本標準時（JST）', '現地時刻').replace('協定世界時（UTC）', '基準時刻');
  assert.equal(read(doc(noZone)).findings.filter((f) => f.ruleId === 'timeline-timezone').length, 1);
});
