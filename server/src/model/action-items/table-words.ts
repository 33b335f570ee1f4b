// Column headers and status words of action tables written in French, Spanish, Portuguese, German, Italian, Norwegian,
// Danish, Swedish, Russian, Ukrainian, Korean or Chinese ("| Aksjon | Eier |", "| 조치 | 상태 |"). Read by tables.ts
// after its English words: a table the engine reads as items must not be misjudged for its language.
import type { ActionItemStatus, TableInfo } from '../types';
import { trimEndChars } from '../scan';
import { withoutLeadingMarker } from '../fields';

type Role = keyof TableInfo['columns'];

/**
 * "| Action | État | Responsable | Échéance |" (a French postmortem template), "| Acción | Responsable | Fecha límite |
 * Estado |", "| Maßnahme | Verantwortlich | Frist | Status |": the role of a column named in another language, or
 * undefined. Without it, a named owner ("@tech") and a date ("2025-06-01") in those columns were not read, and the row
 * was told it had neither.
 */
export function localColumnRole(header: string): Role | undefined {
  const h = header.toLowerCase().normalize('NFC').trim();
  for (const [role, re] of LOCAL_ROLES) if (re.test(h)) return role;
  return undefined;
}
const LOCAL_ROLES: [Role, RegExp][] = [
  ['owner', /^(?:responsables?|porteurs?|propriétaires?|pilotes?|encargados?|responsáveis|responsavel|responsável|donos?|verantwortlich(?:e|er)?|zuständig(?:e|er|keit)?|besitzer|responsabili|responsabile|incaricat[oi]|eier|ejer|ägare|ansvarlige?|ansvarig|담당자?|负责人|負責人|责任人|責任人|ответственн(?:ый|ые)|исполнител(?:ь|и)|відповідальн(?:ий|і))$/u],
  ['due', /^(?:échéances?|date (?:limite|cible|prévue)|délai|fecha(?: (?:límite|objetivo|prevista))?|plazo|prazo|data(?: (?:limite|alvo|prevista|di scadenza))?|scadenza|frist|fällig(?:keit|am)?|termin|zieldatum|bis wann|tidsfrist|기한|마감(?:일)?|期限|截止(?:日期|时间|時間)?|срок|термін)$/u],
  ['status', /^(?:état|statut|estado|situação|situacao|stato|zustand|stand|상태|状态|狀態|статус)$/u],
  ['priority', /^(?:priorité|prioridad|prioridade|priorità|priorität)$/u],
  ['action', /^(?:actions?(?: (?:préventives?|correctives?))?|mesures?|tâches?|acci(?:ón|ones)|medidas?|tareas?|ações|acoes|ação|tarefas?|maßnahmen?|massnahmen?|aufgaben?|azion[ei]|attività|compiti|aksjon(?:spunkt)?|tiltak|oppgaver?|åtgärder?|조치|조치 사항|할 일|行动项?|行動項?|措施|任务|任務|действи[ея]|задач[аи]|меры)$/u],
  ['ticket', /^(?:referanser?|referens(?:er)?|lenker?|länk(?:ar)?|참조|링크|链接|鏈接|ссылк[аи]|посилання)$/u],
];

/**
 * "Fait", "À faire", "En cours"; "Hecho", "Completo", "Pendiente" (after a marker: "⏳ Pendiente"); "Erledigt", "Offen"; "Concluído", "Em andamento"; "Fatto",
 * "In corso": a status cell in another language, or undefined (then read as unknown: no rule guesses).
 */
export function localStatusWord(cell: string): ActionItemStatus | undefined {
  const t = withoutLeadingMarker(trimEndChars(cell.replace(/^[\s*]+/, ''), '*', true).toLowerCase().normalize('NFC'));
  if (!t) return undefined;
  if (LOCAL_DONE_RE.test(t)) return 'done';
  if (LOCAL_DROPPED_RE.test(t)) return 'not-doing';
  if (LOCAL_OPEN_RE.test(t)) return 'open';
  return undefined;
}
const LOCAL_DONE_RE = /^(?:utført|ferdig|gjort|udført|utfört|완료|완료됨|已完成|完成|已修复|已修復|выполнено|сделано|готово|виконано|fait|faite|terminée?|réalisée?|finie?|résolue?|hecho|hecha|terminad[oa]|completad[oa]|complet[oa]|implementad[oa]|resuelt[oa]|feito|feita|concluíd[oa]|resolvid[oa]|erledigt|fertig|abgeschlossen|umgesetzt|behoben|fatto|fatta|completat[oa]|risolt[oa])(?![\p{L}])/u;
const LOCAL_DROPPED_RE = /^(?:abandonnée?|annulée?|cancelad[oa]|descartad[oa]|verworfen|abgebrochen|annullat[oa])(?![\p{L}])/u;
const LOCAL_OPEN_RE = /^(?:pågår|påbegynt|ikke startet|진행 ?중|대기|예정|进行中|進行中|待办|待辦|未开始|未開始|в работе|запланировано|в процессе|à faire|a faire|en cours|prévue?|planifiée?|en attente|pendiente|en curso|en progreso|por hacer|pendente|em andamento|a fazer|offen|in arbeit|geplant|ausstehend|da fare|in corso|pianificat[oa])(?![\p{L}])/u;
