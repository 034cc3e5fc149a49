/**
 * The table of an audit log export (docs/audit-log.md "Export"): one row per event, newest first, with the action's
 * name in the export language beside its code. Every text cell is formula-safe (neutraliseFormulas): a target label,
 * an actor label or a detail that starts with `=` is written as text.
 */
import type { ExportCell, ExportLanguage } from '../responses/exportTable.ts';
import { localDateTime } from '../responses/exportTable.ts';
import { neutraliseFormulas } from '../text/csv.ts';
import type { AuditActorKind } from './actions.ts';
import { auditActionName, auditCatalogue } from './names.ts';

/** One event as the export reads it. */
export interface AuditExportEvent {
  /** ISO instant */
  at: string;
  actorKind: AuditActorKind;
  actorLabel: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

/** The header row in `lang`; the time column names the organisation's time zone. */
export function auditExportHeaders(lang: ExportLanguage, timeZone: string): string[] {
  const l = (key: 'col.actor' | 'col.actorKind' | 'col.action' | 'col.actionCode' | 'col.targetType' | 'col.target' | 'col.targetId' | 'col.details' | 'col.ip' | 'col.userAgent') =>
    auditCatalogue.formatMessage(lang, key);
  return [
    auditCatalogue.formatMessage(lang, 'col.time', { zone: timeZone }), l('col.actor'), l('col.actorKind'), l('col.action'), l('col.actionCode'),
    l('col.targetType'), l('col.target'), l('col.targetId'), l('col.details'), l('col.ip'), l('col.userAgent'),
  ];
}

/** One event's row (the headers' order). The application as actor reads as its name in `lang`. */
export function auditExportRow(lang: ExportLanguage, timeZone: string, e: AuditExportEvent): ExportCell[] {
  const text = (v: string | null) => (v === null || v === '' ? null : neutraliseFormulas(v));
  const actor = e.actorKind === 'system' ? auditCatalogue.formatMessage(lang, 'actor.system') : e.actorLabel;
  const details = Object.keys(e.details).length ? JSON.stringify(e.details) : null;
  return [
    localDateTime(e.at, timeZone), text(actor), auditCatalogue.formatMessage(lang, `actor.${e.actorKind}`), text(auditActionName(lang, e.action)), text(e.action),
    text(e.targetType), text(e.targetLabel), text(e.targetId), text(details), text(e.ip), text(e.userAgent),
  ];
}

/** `audit-log-<day>.<extension>`. */
export function auditExportFileName(day: string, extension: 'csv' | 'xlsx'): string {
  return `audit-log-${day}.${extension}`;
}
