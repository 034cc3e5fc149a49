/** @module The checklists API contract (docs/audits.md "Checklists"). Definitions are checked by parseChecklist. */
import { z } from 'zod';
import { CHECKLIST_CHANNELS, type ChecklistChannel, type ChecklistDefinition } from '../audits/checklist.ts';
import { STARTER_KEYS } from '../audits/starters.ts';

const Name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const Channel = z.enum(CHECKLIST_CHANNELS);
const Lang = z.string().max(10).optional();

/** GET /checklists: `archived=true` lists the archived ones too. */
export const ChecklistListQuery = z.object({ archived: z.enum(['true', 'false']).optional(), lang: Lang });

/** POST /checklists: a checklist written by the organisation, or a copy of a starter. */
export const ChecklistCreateSchema = z
  .strictObject({
    starter: z.enum(STARTER_KEYS).optional(),
    name: Name.optional(),
    channel: Channel.optional(),
    /** Checklist JSON (docs/audits.md "Command line"), checked by parseChecklist. */
    definition: z.unknown().optional(),
  })
  .refine((b) => (b.starter === undefined) !== (b.definition === undefined), { message: 'give either "starter" or "definition"' });

/** PUT /checklists/:id: a new definition replaces the current version, or becomes a new one when visits used it. */
export const ChecklistUpdateSchema = z
  .strictObject({ name: Name.optional(), channel: Channel.optional(), definition: z.unknown().optional() })
  .refine((b) => b.name !== undefined || b.channel !== undefined || b.definition !== undefined, { message: 'change name, channel or definition' });

/** POST /checklists/import?channel= (the body is the checklist JSON itself). */
export const ChecklistImportQuery = z.object({ channel: Channel.optional(), lang: Lang });

/** GET /checklists/:id/export?version= */
export const ChecklistExportQuery = z.object({ version: z.coerce.number().int('must be a whole number').min(1, 'at least 1').max(1_000_000).optional() });

/** GET /checklist-starters?lang= */
export const ChecklistStartersQuery = z.object({ lang: Lang });

/** A checklist as stored (its current version's number). */
export interface ChecklistInfo {
  id: string;
  name: string;
  channel: ChecklistChannel;
  version: number;
  archived: boolean;
  /** The starter it was copied from, or null. */
  starter: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of GET /checklists: the current version's counts and the visits of all versions. */
export interface ChecklistSummary extends Omit<ChecklistInfo, 'createdAt'> {
  itemsCount: number;
  sectionsCount: number;
  visitsCount: number;
}
export interface ChecklistsAnswer { checklists: ChecklistSummary[] }

export interface ChecklistVersionInfo { version: number; createdAt: string; visitsCount: number }

/** GET /checklists/:id (the current version) and GET /checklists/:id/versions/:version (that one). */
export interface ChecklistAnswer {
  checklist: ChecklistInfo;
  /** The version shown and its definition. */
  version: number;
  definition: ChecklistDefinition;
  /** Newest first. */
  versions: ChecklistVersionInfo[];
}

/** PUT /checklists/:id: what the save did. */
export interface ChecklistSaveAnswer extends ChecklistAnswer {
  /** details: only the name or channel changed; unchanged: nothing did. */
  saved: 'unchanged' | 'replace' | 'new_version' | 'details';
}

export interface ChecklistStarter {
  key: string;
  channel: ChecklistChannel;
  name: string;
  sectionsCount: number;
  itemsCount: number;
  pointsTotal: number;
}
export interface ChecklistStartersAnswer { starters: ChecklistStarter[] }
