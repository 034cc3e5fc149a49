/**
 * @module The auditor's offline storage (docs/audits.md "The auditor's page (offline)"): in IndexedDB
 * (idb-keyval) the last list of assignments, one draft per assignment (answers, photos and recordings as
 * Blobs until uploaded) and the outcome of each sent visit. Sending uploads the files first, remembering
 * each uploaded id in the draft, then submits with the draft's client key: a retry after a lost answer
 * never stores a second visit or a second copy of a file.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { api, ApiError } from '../api.ts';
import type { MyAssignment, SubmitVisitAnswer } from '../../core/api/auditField.ts';

let store: UseStore | null = null;
const db = () => (store ??= createStore('sarafan-auditor', 'kv'));

export interface DraftFile {
  localId: string;
  kind: 'photo' | 'audio';
  name: string;
  type: string;
  blob: Blob;
  /** The server's evidence id once uploaded. */
  uploadedId?: string;
}

export interface DraftAnswer {
  value?: 'yes' | 'no' | 'na' | number;
  measured?: number;
  comment?: string;
}

export interface Draft {
  assignmentId: string;
  /** Made once per draft: the server stores one visit per key. */
  clientKey: string;
  checklistVersion: number;
  answers: Record<string, DraftAnswer>;
  files: Record<string, DraftFile[]>;
  /** datetime-local text in the phone's time zone. */
  visitedAt: string;
  employeeLabel: string;
  notes: string;
  consent: boolean;
  position: { latitude: number; longitude: number; accuracyM: number | null } | null;
  /** Submitted on the phone, not yet accepted by the server. */
  queued: boolean;
  /** The server refused it (a validation error): shown, not retried. */
  refused: string | null;
  updatedAt: number;
}

export interface SentVisit extends SubmitVisitAnswer {
  assignmentId: string;
  sentAt: number;
}

const draftKey = (assignmentId: string) => `draft:${assignmentId}`;
const sentKey = (assignmentId: string) => `sent:${assignmentId}`;

/** The local date and time as a datetime-local input shows it. */
export function localDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function newDraft(a: Pick<MyAssignment, 'id' | 'checklistVersion'>): Draft {
  return {
    assignmentId: a.id,
    clientKey: `v-${crypto.randomUUID()}`,
    checklistVersion: a.checklistVersion,
    answers: {},
    files: {},
    visitedAt: localDateTime(new Date()),
    employeeLabel: '',
    notes: '',
    consent: false,
    position: null,
    queued: false,
    refused: null,
    updatedAt: Date.now(),
  };
}

export const loadDraft = (assignmentId: string) => get<Draft>(draftKey(assignmentId), db());
export const saveDraft = (draft: Draft) => set(draftKey(draft.assignmentId), { ...draft, updatedAt: Date.now() }, db());
export const loadSent = (assignmentId: string) => get<SentVisit>(sentKey(assignmentId), db());

export const loadCachedAssignments = async () => (await get<MyAssignment[]>('assignments', db())) ?? null;
export const cacheAssignments = (items: MyAssignment[]) => set('assignments', items, db());

/** Every draft and sent outcome kept on this phone, by assignment. */
export async function localStates(): Promise<{ drafts: Map<string, Draft>; sent: Map<string, SentVisit> }> {
  const drafts = new Map<string, Draft>();
  const sent = new Map<string, SentVisit>();
  for (const [key, value] of await entries<string, Draft | SentVisit>(db())) {
    if (key.startsWith('draft:')) drafts.set(key.slice(6), value as Draft);
    else if (key.startsWith('sent:')) sent.set(key.slice(5), value as SentVisit);
  }
  return { drafts, sent };
}

/** The connection failed (offline, server unreachable or restarting): worth trying again later. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof ApiError) return err.status === 503 || err.status === 502 || err.status === 504 || err.status === 0;
  return err instanceof TypeError;
}

export interface SendProgress { uploaded: number; total: number }

/** The body of POST /audit-visits made from a draft whose files are all uploaded. */
function visitBody(draft: Draft) {
  const answers: Record<string, Record<string, unknown>> = {};
  for (const [key, a] of Object.entries(draft.answers)) answers[key] = { ...a };
  for (const [key, files] of Object.entries(draft.files)) {
    if (files.length > 0) answers[key] = { ...answers[key], evidence: files.map((f) => f.uploadedId) };
  }
  const visited = new Date(draft.visitedAt);
  return {
    clientKey: draft.clientKey,
    assignmentId: draft.assignmentId,
    checklistVersion: draft.checklistVersion,
    visitedAt: (Number.isNaN(visited.getTime()) ? new Date(draft.updatedAt) : visited).toISOString(),
    ...(draft.consent && draft.position ? { position: draft.position } : {}),
    ...(draft.employeeLabel.trim() ? { employeeLabel: draft.employeeLabel.trim() } : {}),
    ...(draft.notes.trim() ? { notes: draft.notes } : {}),
    answers,
  };
}

/**
 * Sends a queued draft: uploads its files not yet uploaded (saving each id in the draft at once), then
 * submits the visit. On success the draft is replaced by the sent outcome. Throws what failed; a
 * refusal by the server (not a lost connection) is also written into the draft.
 */
export async function sendDraft(draft: Draft, onProgress: (p: SendProgress) => void): Promise<SentVisit> {
  const all = Object.values(draft.files).flat();
  const progress = () => onProgress({ uploaded: all.filter((f) => f.uploadedId).length, total: all.length });
  progress();
  try {
    for (const file of all) {
      if (file.uploadedId) continue;
      const up = await api.post<{ id: string }>(`/audit-evidence?kind=${file.kind}`, file.blob, { contentType: file.type });
      file.uploadedId = up.id;
      await saveDraft(draft);
      progress();
    }
    const answer = await api.post<SubmitVisitAnswer>('/audit-visits', visitBody(draft));
    const sent: SentVisit = { ...answer, assignmentId: draft.assignmentId, sentAt: Date.now() };
    await set(sentKey(draft.assignmentId), sent, db());
    await del(draftKey(draft.assignmentId), db());
    return sent;
  } catch (err) {
    if (!isRetryable(err)) await saveDraft({ ...draft, queued: false, refused: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

/** What the pages hear from the queue. */
export interface QueueListener {
  progress?(assignmentId: string, p: SendProgress): void;
  sent?(sent: SentVisit): void;
  /** Still offline (or the server unreachable): the draft stays queued. */
  waiting?(assignmentId: string): void;
  refused?(assignmentId: string, message: string): void;
}
const listeners = new Set<QueueListener>();

/** Subscribes to the queue; returns the unsubscribe function. */
export function listenToQueue(l: QueueListener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

let running = false;
let again = false;

async function pass(): Promise<void> {
  const { drafts } = await localStates();
  for (const draft of drafts.values()) {
    if (!draft.queued) continue;
    try {
      const sent = await sendDraft(draft, (p) => listeners.forEach((l) => l.progress?.(draft.assignmentId, p)));
      listeners.forEach((l) => l.sent?.(sent));
    } catch (err) {
      if (isRetryable(err)) {
        listeners.forEach((l) => l.waiting?.(draft.assignmentId));
        return; // still offline: the rest waits too
      }
      const message = err instanceof Error ? err.message : String(err);
      listeners.forEach((l) => l.refused?.(draft.assignmentId, message));
    }
  }
}

/**
 * Sends every queued draft, one at a time and one pass at a time (a call during a pass makes one more
 * pass, so a draft queued meanwhile is not missed). Results reach the listeners.
 */
export async function flushQueue(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      await pass();
    } while (again);
  } finally {
    running = false;
  }
}
