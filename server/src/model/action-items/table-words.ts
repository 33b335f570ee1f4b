// Column headers and status words of action tables written in French, Spanish, Portuguese, German or Italian. Read
// by tables.ts after its English words: a table the engine reads as items must not be misjudged for its language.
import type { ActionItemStatus, TableInfo } from '../types';
import { trimEndChars } from '../scan';

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
  ['owner', /^(?:responsables?|porteurs?|propriétaires?|pilotes?|encargados?|responsáveis|responsavel|responsável|donos?|verantwortlich(?:e|er)?|zuständig(?:e|er|keit)?|besitzer|responsabili|responsabile|incaricat[oi])$/u],
  ['due', /^(?:échéances?|date (?:limite|cible|prévue)|délai|fecha(?: (?:límite|objetivo|prevista))?|plazo|prazo|data(?: (?:limite|alvo|prevista|di scadenza))?|scadenza|frist|fällig(?:keit|am)?|termin|zieldatum|bis wann)$/u],
  ['status', /^(?:état|statut|estado|situação|situacao|stato|zustand|stand)$/u],
  ['priority', /^(?:priorité|prioridad|prioridade|priorità|priorität)$/u],
  ['action', /^(?:actions?(?: (?:préventives?|correctives?))?|mesures?|tâches?|acci(?:ón|ones)|medidas?|tareas?|ações|acoes|ação|tarefas?|maßnahmen?|massnahmen?|aufgaben?|azion[ei]|attività|compiti)$/u],
];

/**
 * "Fait", "À faire", "En cours"; "Hecho", "Pendiente"; "Erledigt", "Offen"; "Concluído", "Em andamento"; "Fatto",
 * "In corso": a status cell in another language, or undefined (then read as unknown: no rule guesses).
 */
export function localStatusWord(cell: string): ActionItemStatus | undefined {
  const t = trimEndChars(cell.replace(/^[\s*]+/, ''), '*', true).toLowerCase().normalize('NFC');
  if (!t) return undefined;
  if (LOCAL_DONE_RE.test(t)) return 'done';
  if (LOCAL_DROPPED_RE.test(t)) return 'not-doing';
  if (LOCAL_OPEN_RE.test(t)) return 'open';
  return undefined;
}
const LOCAL_DONE_RE = /^(?:fait|faite|terminée?|réalisée?|finie?|résolue?|hecho|hecha|terminad[oa]|completad[oa]|resuelt[oa]|feito|feita|concluíd[oa]|resolvid[oa]|erledigt|fertig|abgeschlossen|umgesetzt|behoben|fatto|fatta|completat[oa]|risolt[oa])(?![\p{L}])/u;
const LOCAL_DROPPED_RE = /^(?:abandonnée?|annulée?|cancelad[oa]|descartad[oa]|verworfen|abgebrochen|annullat[oa])(?![\p{L}])/u;
const LOCAL_OPEN_RE = /^(?:à faire|a faire|en cours|prévue?|planifiée?|en attente|pendiente|en curso|en progreso|por hacer|pendente|em andamento|a fazer|offen|in arbeit|geplant|ausstehend|da fare|in corso|pianificat[oa])(?![\p{L}])/u;
