/**
 * @module POST /api/v1/events with an `events` array (docs/api.md "Support contact events"): each item
 * validated on its own, the valid ones stored through the same stage as file imports (stored once
 * each, contacts recomputed), in one transaction. The answer depends only on the request and the
 * caller's locations, never on what was stored before: a retry gets the same answer and stores nothing.
 */
import type pg from 'pg';
import type { Principal } from '../../core/access/index.ts';
import { SupportEventItemSchema, supportEventOfItem, type SupportEventsAnswer } from '../../core/api/supportStore.ts';
import { supportEventProblem } from '../../core/support/storing.ts';
import { withTransaction } from '../../db/tx.ts';
import { recordApiImport } from '../../db/support/imports.ts';
import { applyStagedEvents, createEventStage, refuseOutOfScope, stageEvents, type StagedEvent } from '../../db/support/storeEvents.ts';

function splitReason(reason: string): { field: string; message: string } {
  const at = reason.indexOf(': ');
  return at > 0 ? { field: reason.slice(0, at), message: reason.slice(at + 2) } : { field: '', message: reason };
}

/** Validates and stores a batch for `principal` (an ingest key: its locations limit what it may write). */
export async function storeEventBatch(pool: pg.Pool, principal: Principal, items: readonly unknown[]): Promise<SupportEventsAnswer> {
  const errors: SupportEventsAnswer['errors'] = [];
  const staged: StagedEvent[] = [];
  items.forEach((raw, index) => {
    const parsed = SupportEventItemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ index, field: issue.path.join('.'), message: issue.message });
      return;
    }
    const event = supportEventOfItem(parsed.data);
    const problem = supportEventProblem(event);
    if (problem) errors.push({ index, ...splitReason(problem) });
    else staged.push({ line: index, event });
  });
  let accepted = staged;
  if (staged.length > 0) {
    await withTransaction(pool, async (tx) => {
      await createEventStage(tx);
      await stageEvents(tx, staged);
      const refused = await refuseOutOfScope(tx, { orgId: principal.orgId, locationPaths: principal.locationPaths });
      const refusedIndexes = new Set(refused.map((r) => r.line));
      for (const r of refused) errors.push({ index: r.line, ...splitReason(r.reason) });
      accepted = staged.filter((s) => !refusedIndexes.has(s.line));
      if (accepted.length === 0) return;
      const stored = await applyStagedEvents(tx, principal.orgId, null);
      if (stored.eventsAdded > 0) {
        await recordApiImport(tx, principal.orgId, principal.userId, {
          rowsRead: items.length, rowsRefused: items.length - accepted.length, ...stored,
        });
      }
    });
  }
  errors.sort((a, b) => a.index - b.index);
  return {
    accepted: accepted.length,
    rejected: items.length - accepted.length,
    contacts: new Set(accepted.map((s) => s.event.ticketId)).size,
    errors,
  };
}
