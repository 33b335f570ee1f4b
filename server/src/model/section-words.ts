// Section names in other languages: the catalogue's kinds as postmortems written in Norwegian, Danish or Swedish,
// Russian or Ukrainian, Chinese, Japanese, Korean, Portuguese or Spanish, and Polish name them ("## Tidslinje", "**Rotårsaker:**",
// "## Хронология", "## 根因", "## 재발 방지", "## Lições aprendidas"). Read by sections.ts after its English names,
// from the normalised heading (lower case, numbering and ASCII parentheticals gone). Without them a postmortem in
// another language had no section the engine knew: it was not judged one, and its action items were never read.
// Latin and Cyrillic names are matched from the heading's start, as the English ones are; a Chinese heading joins its
// words without spaces ("事实与根因", "已添加的防护措施"), so its core words are found anywhere in it (a Japanese one too).
import type { SectionKind } from './types';

/** Not followed by another letter: `\b` knows only ASCII letters. */
const END = '(?![\\p{L}\\p{N}])';

const LOCAL_MATCHERS: [SectionKind, RegExp][] = [
  // Norwegian, Danish, Swedish
  ['summary', new RegExp(`^(?:sammendrag|sammandrag|oppsummering|sammenfatning|sammanfattning)${END}`, 'u')],
  ['impact', new RegExp(`^(?:konsekvens(?:er)?|påvirkning|påverkan)${END}`, 'u')],
  ['timeline', new RegExp(`^(?:tidslinjen?|tidsforløp|hendelsesforløp(?:et)?|händelseförlopp(?:et)?)${END}`, 'u')],
  ['contributing-causes', new RegExp(`^(?:rotårsak(?:er)?|grunnårsak(?:er)?|grundårsag(?:er)?|grundorsak(?:er)?|utløsende (?:faktor|årsak)(?:er)?)${END}`, 'u')],
  ['detection', new RegExp(`^(?:påvisning|oppdagelse|upptäckt)${END}`, 'u')],
  ['resolution', new RegExp(`^(?:løsning(?:en)?|lösning(?:en)?|gjenoppretting|utbedring)${END}`, 'u')],
  ['action-items', new RegExp(`^(?:aksjonspunkt(?:er)?|handlingspunkt(?:er)?|oppfølgingspunkt(?:er)?|åtgärdspunkter|åtgärder)${END}`, 'u')],
  ['lessons-learned', new RegExp(`^(?:hva (?:lærte vi|har vi lært|gikk bra|gikk dårlig|gikk galt)|hvor (?:hadde vi flaks|var vi heldige)|vad (?:lärde vi oss|gick bra|gick dåligt)|lærdommer|lärdomar)${END}`, 'u')],
  // Russian, Ukrainian
  ['summary', new RegExp(`^(?:резюме|краткое (?:описание|содержание)|короткий опис|стислий опис)${END}`, 'u')],
  ['impact', new RegExp(`^(?:влияние|последствия|вплив|наслідки)${END}`, 'u')],
  ['timeline', new RegExp(`^(?:хронология|хронологія|ход событий|перебіг подій|что произошло|що сталося|що трапилося)${END}`, 'u')],
  ['contributing-causes', new RegExp(`^(?:(?:корневая |коренная |основная )?причин[аы]|первопричин[аы]|(?:коренева |основна )?причин[аи]|почему это (?:произошло|случилось)|механизм (?:промаха|сбоя|отказа|ошибки|инцидента|аварии))${END}`, 'u')],
  ['detection', new RegExp(`^(?:обнаружение|виявлення)${END}`, 'u')],
  ['resolution', new RegExp(`^(?:устранение|восстановление|усунення|відновлення)${END}`, 'u')],
  ['action-items', new RegExp(`^(?:что делаем дальше|что (?:будем|нужно) сделать|дальнейшие (?:шаги|действия)|следующие шаги|план действий|(?:корректирующие|превентивные) меры|наступні кроки|подальші дії)${END}|^что (?:уже )?сделано$`, 'u')],
  ['lessons-learned', new RegExp(`^(?:уроки|извлеч[её]нные уроки|выводы|висновки|что (?:пошло|прошло) (?:хорошо|плохо|не так)|чему мы научились)${END}`, 'u')],
  // Portuguese, Spanish
  // "Problema" alone over the opening account of what went wrong is the summary, as "Incident" is in English
  ['summary', new RegExp(`^(?:resumo|sumário|resumen)${END}|^problema$`, 'u')],
  ['impact', new RegExp(`^impacto${END}`, 'u')],
  // "Log del Incidente", "Registro del incidente", "Bitácora": the time-stamped log of the response
  ['timeline', new RegExp(`^(?:linha do tempo|cronologia|cronología|línea de tiempo|linea de tiempo|(?:log|registro|bit[aá]cora) del (?:incidente|evento)|bit[aá]cora)${END}`, 'u')],
  ['contributing-causes', new RegExp(`^(?:(?:as|os|las|los) )?(?:\\d+ )?(?:causas? (?:raiz|raízes|raíz|raíces|principal|principais|principales)|causas? ra[ií]z)${END}`, 'u')],
  ['detection', new RegExp(`^(?:detecção|detección)${END}`, 'u')],
  // "Solución aplicada", "Corrección aplicada", "Acciones tomadas": the fix of the incident and the steps of the
  // response, told as done (the response, not follow-ups: "Actions taken" in English holds the same)
  ['resolution', new RegExp(`^(?:resolução|resolución|mitigação|mitigación|recuperação|recuperación|soluci[oó]n(?: aplicada)?|correcci[oó]n(?:es)? aplicadas?|acciones (?:tomadas|realizadas|inmediatas))${END}`, 'u')],
  ['action-items', new RegExp(`^(?:itens de ação|ações (?:corretivas|preventivas)|próximos passos|plano de ação|acciones (?:correctivas|preventivas)|pr[oó]ximos pasos|siguientes pasos|plan de acci[oó]n)${END}`, 'u')],
  ['lessons-learned', new RegExp(`^(?:lições aprendidas|lição aprendida|lecciones aprendidas|lección aprendida)${END}`, 'u')],
  // Polish
  ['summary', new RegExp(`^podsumowanie${END}`, 'u')],
  ['impact', new RegExp(`^wpływ${END}`, 'u')],
  ['timeline', new RegExp(`^(?:oś czasu|chronologia|przebieg zdarzeń)${END}`, 'u')],
  ['contributing-causes', new RegExp(`^(?:(?:główna )?przyczyn[ay]|przyczyna źródłowa)${END}`, 'u')],
  ['action-items', new RegExp(`^(?:działania naprawcze|dalsze kroki|następne kroki|plan działań)${END}`, 'u')],
  ['lessons-learned', new RegExp(`^(?:lekcje|wnioski|czego się nauczyliśmy|co poszło (?:dobrze|nie tak|źle))${END}`, 'u')],
  // Korean
  ['summary', new RegExp(`^(?:요약|개요|사건 개요|장애 개요)${END}`, 'u')],
  ['impact', new RegExp(`^(?:영향|영향 범위)${END}`, 'u')],
  ['timeline', new RegExp(`^(?:타임라인|타임 라인|경과|장애 경과|사건 경과)${END}`, 'u')],
  ['contributing-causes', new RegExp(`^(?:(?:근본|직접) 원인|근본원인|원인)${END}`, 'u')],
  ['detection', new RegExp(`^(?:탐지|감지)${END}`, 'u')],
  ['resolution', new RegExp(`^(?:해결|복구|완화)${END}`, 'u')],
  ['action-items', new RegExp(`^(?:재발 ?방지|후속 ?조치|조치 ?사항|액션 아이템|개선 ?사항)${END}`, 'u')],
  ['lessons-learned', new RegExp(`^(?:교훈|배운 점|잘한 점|잘된 점|아쉬운 점)${END}`, 'u')],
  // Chinese (simplified and traditional): the core word anywhere in the heading
  ['summary', /^(?:摘要|概述|概要|事件概述|事故概述)/u],
  ['action-items', /行动项|行動項|改进措施|改進措施|后续行动|後續行動|后续措施|後續措施|防护措施|防護措施|后续防范|後續防範|预防措施|預防措施|待办事项|待辦事項|^仍未(?:做|完成)|^尚未(?:做|完成)|^遗留(?:问题|事项)|^遺留(?:問題|事項)/u],
  ['contributing-causes', /根因|根本原因|原因分析/u],
  ['timeline', /时间线|時間線|时间轴|時間軸/u],
  ['impact', /影响|影響/u],
  ['lessons-learned', /教训|教訓/u],
  ['resolution', /^(?:修复|修復|修法|解决|解決|处理|處理|缓解|緩解|恢复|恢復|止损|止損)|^已(?:采用|採用|采取|採取)的(?:处理|處理|措施)$/u],
  ['summary', /^(?:现象|現象|症状|症狀)/u],
  // Japanese: "再発防止策として取り上げないこと" (measures not taken up) is let go; "再発防止策（案）" (recurrence
  // prevention, proposed), "恒久対策", "今後の対応" the follow-ups; "発生から復旧までのタイムライン", "経緯" the timeline;
  // "原因", "発生原因" the causes; "復旧方法" (not "復旧日時", the time it came back) the resolution; "障害の内容" the summary
  ['deferred', /(?:再発防止策?|対策)として(?:は)?(?:取り上げない|採用しない|実施しない)/u],
  ['action-items', /再発防止|恒久対策|^今後の(?:対応|対策|取り組み)/u],
  ['timeline', /タイムライン|^(?:時系列|経緯|対応経緯|発生経緯)/u],
  ['contributing-causes', /^(?:発生|直接|根本)?原因/u],
  ['resolution', /^(?:復旧|暫定対応)(?:方法|手順|作業|対応)?$/u],
  ['summary', /^(?:障害|事故|インシデント)の?(?:内容|概要)$/u],
];

/** The kind a heading in another language names, from its normalised text, or undefined. */
export function localSectionKind(normalized: string): SectionKind | undefined {
  for (const [kind, re] of LOCAL_MATCHERS) if (re.test(normalized)) return kind;
  return undefined;
}

/**
 * "Что уже сделано" (what has been done already), "已添加的防护措施" / "新增的防護措施" (guardrails added), "已采用的处理"
 * (the handling adopted): a heading in another language that says the work under it is finished, as "Actions taken"
 * and "Guardrails added" do in English.
 */
export function localCompletedHeading(normalized: string): boolean {
  return LOCAL_COMPLETED_RE.test(normalized);
}
const LOCAL_COMPLETED_RE = /^что (?:уже )?сделано$|^(?:已添加|已新增|新增|已落实|已落實|已完成|已采取|已採取)的?(?:防护措施|防護措施|措施|改进|改進)$|^已(?:采用|採用|采取|採取)的(?:处理|處理|措施)$/u;

/**
 * Titles and headings in another language that name a document about incidents in general (genre.ts's English
 * GENRE_TITLE_RE): "事故复盘制度" (the postmortem system), "## 模板" (template), "Шаблон", "Как создать новый
 * postmortem", "Rutiner", "템플릿", "Guia". A README that describes its team's template quotes the postmortem headings.
 */
export function localGenreTitle(title: string): boolean {
  return LOCAL_GENRE_CJK_RE.test(title) || LOCAL_GENRE_WORD_RE.test(title.toLowerCase());
}
const LOCAL_GENRE_CJK_RE = /模板|制度|流程|指南|规范|規範|手册|手冊|使用说明|使用說明|须知|須知|清单|清單|会议纪要|會議紀要|템플릿|가이드|절차|프로세스|체크리스트|회의록|작성법/u;
const LOCAL_GENRE_WORD_RE =
  /(?<![\p{L}\p{N}])(?:шаблон\p{L}*|регламент\p{L}*|инструкци\p{L}*|інструкці\p{L}*|руководств\p{L}*|процедур\p{L}*|чек-?лист\p{L}*|как (?:создать|написать|писать)|як (?:створити|написати)|maler?|rutiner?|retningslinjer|veiledning|sjekkliste|møtereferat|hvordan|guia|guía|procedimentos?|procedimientos?|como (?:escrever|criar)|cómo (?:escribir|crear)|szablon|procedura|instrukcja)(?![\p{L}\p{N}])/u;
