/**
 * The auditor's side of audits (docs/audits.md "The auditor's page (offline)", "Evidence"):
 * GET /api/v1/my/audit-assignments (the signed-in user's own assignments with their checklists, for offline use),
 * POST /api/v1/audit-visits (submit a visit; idempotent by the phone's client key),
 * POST /api/v1/audit-evidence (upload a photo or a recording; EXIF position stripped unless kept on purpose),
 * GET /api/v1/audit-evidence/:id (the file, for its uploader and the visit's reviewers / readers in scope).
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../http/deps.ts';
import {
  EvidenceUploadQuerySchema, SubmitVisitSchema, type EvidenceAnswer, type MyAssignmentsAnswer, type SubmitVisitAnswer, type SubmitVisitBody,
} from '../../core/api/auditField.ts';
import { can, pathInScope, type Principal } from '../../core/access/index.ts';
import { missingAnswers, parseStoredAnswers, type StoredAnswers } from '../../core/audits/answers.ts';
import { VisitAnswerError } from '../../core/audits/scoring.ts';
import { baseContentType, EVIDENCE_MAX_BYTES, evidenceTypeProblem, type EvidenceFileKind } from '../../core/audits/evidence.ts';
import { DomainError } from '../../core/errors.ts';
import {
  findVisitByClientKey, getChecklistChannel, getEvidence, getLocationPath, insertEvidence, linkEvidence, listMyAssignments, lockLinkableEvidence,
  lockMyAssignment, markAssignmentSubmitted,
} from '../../db/audits/field.ts';
import { insertVisit, loadChecklistVersion } from '../../db/audits/visitScore.ts';
import { withTransaction } from '../../db/tx.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { authorize, requirePrincipal } from '../../http/session.ts';
import { parse, parseIdParam } from '../../http/validate.ts';
import { evidenceKey, evidenceSettingsFromEnv, openEvidenceStores } from './evidenceStore.ts';

const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'audio/mpeg', 'audio/mp4', 'audio/webm', 'audio/ogg', 'audio/wav', 'application/octet-stream'];

/** A 413 with a message naming the limit (src/http/errors.ts keeps a 4xx status and its message). */
function tooLarge(kind: EvidenceFileKind): Error {
  return Object.assign(new Error(`${kind}: the file is larger than ${EVIDENCE_MAX_BYTES[kind] / (1024 * 1024)} MB`), { statusCode: 413 });
}

/** The visit kind a checklist's channel implies when the phone sends none. */
const kindOfChannel = (channel: string): SubmitVisitBody['kind'] => (channel === 'phone' ? 'call' : channel === 'chat' ? 'chat' : 'visit');

/** Every evidence id of the answers with its item: [evidence id, item key]. */
function evidenceLinks(answers: StoredAnswers): [string, string][] {
  return Object.entries(answers).flatMap(([itemKey, a]) => (a.evidence ?? []).map((id): [string, string] => [id, itemKey]));
}

const outcome = (v: { id: string; status: SubmitVisitAnswer['status']; score: number | null; earned: number; possible: number; autofail: boolean }): SubmitVisitAnswer => ({
  id: v.id, status: v.status, score: v.score, earned: v.earned, possible: v.possible, autofail: v.autofail,
});

/**
 * Photos lose their metadata (EXIF position, camera serials) by being re-encoded in the same format with
 * the orientation applied; `keepLocation` stores the bytes as sent. Throws a validation error for a photo
 * that cannot be decoded.
 */
async function preparePhoto(bytes: Buffer, contentType: string, keepLocation: boolean): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  try {
    if (keepLocation) {
      await sharp(bytes).metadata();
      return bytes;
    }
    const image = sharp(bytes).rotate().keepIccProfile();
    if (contentType === 'image/png') return await image.png().toBuffer();
    if (contentType === 'image/webp') return await image.webp({ quality: 90 }).toBuffer();
    return await image.jpeg({ quality: 90, mozjpeg: true }).toBuffer();
  } catch {
    throw invalid('file: the photo cannot be read (a damaged or unsupported image)', { field: 'file' });
  }
}

export async function registerAuditFieldRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { pool } = deps;
  const env = evidenceSettingsFromEnv();
  const stores = openEvidenceStores({ dir: deps.evidenceDir ?? env.dir, s3: deps.evidenceS3 !== undefined ? deps.evidenceS3 : env.s3 });

  app.get('/api/v1/my/audit-assignments', async (request): Promise<MyAssignmentsAnswer> => {
    const principal = authorize(request, 'audit.submit');
    return { items: await listMyAssignments(pool, principal.orgId, principal.userId) };
  });

  app.post('/api/v1/audit-visits', async (request, reply): Promise<SubmitVisitAnswer> => {
    const principal = authorize(request, 'audit.submit');
    const body = parse(SubmitVisitSchema, request.body ?? {});
    const repeated = async () => {
      const stored = await findVisitByClientKey(pool, principal.orgId, body.clientKey);
      if (!stored) return null;
      // Another user's key: the phone made a key that is taken (never the same submission).
      if (stored.auditorId !== principal.userId) throw new DomainError('conflict', 'clientKey: already used by another submission; make a new one');
      return outcome(stored);
    };
    const earlier = await repeated();
    if (earlier) return earlier;

    const result = await withTransaction(pool, async (tx) => submitVisit(tx, principal, body));
    if (!result) {
      // The same key stored by a concurrent request meanwhile.
      const stored = await repeated();
      if (stored) return stored;
      throw new DomainError('conflict', 'The visit could not be stored; send it again');
    }
    reply.code(201);
    return result;
  });

  async function submitVisit(tx: Parameters<Parameters<typeof withTransaction>[1]>[0], principal: Principal, body: SubmitVisitBody): Promise<SubmitVisitAnswer | null> {
    let checklistId: string;
    let locationId: string;
    let waveId: string | null = null;
    let kind = body.kind;
    if (body.assignmentId) {
      const assignment = await lockMyAssignment(tx, principal.orgId, principal.userId, body.assignmentId);
      if (!assignment) throw notFound('Assignment not found');
      if (assignment.status === 'cancelled') throw new DomainError('conflict', 'This assignment was cancelled; the visit was not stored');
      if (assignment.status === 'submitted') throw new DomainError('conflict', 'A visit was already submitted for this assignment');
      if (body.checklistId && body.checklistId !== assignment.checklistId) throw invalid("checklistId: not the checklist of the assignment's wave", { field: 'checklistId' });
      if (body.locationId && body.locationId !== assignment.locationId) throw invalid('locationId: not the location of the assignment', { field: 'locationId' });
      checklistId = assignment.checklistId;
      locationId = assignment.locationId;
      waveId = assignment.waveId;
      kind ??= kindOfChannel(assignment.channel);
    } else {
      // An internal check without a plan: for those who manage audits, at a location in their scope.
      if (!can(principal, 'audit.manage')) throw invalid('assignmentId: required (submit the visit from one of your assignments)', { field: 'assignmentId' });
      if (!body.checklistId) throw invalid('checklistId: required without an assignment', { field: 'checklistId' });
      if (!body.locationId) throw invalid('locationId: required without an assignment', { field: 'locationId' });
      const path = await getLocationPath(tx, principal.orgId, body.locationId);
      if (path === null || !pathInScope(principal, path)) throw notFound('Location not found');
      if ((await getChecklistChannel(tx, principal.orgId, body.checklistId)) === null) throw notFound('Checklist not found');
      checklistId = body.checklistId;
      locationId = body.locationId;
      kind ??= 'internal';
    }
    const definition = await loadChecklistVersion(tx, principal.orgId, checklistId, body.checklistVersion);
    if (!definition) throw invalid(`checklistVersion: the checklist has no version ${body.checklistVersion}`, { field: 'checklistVersion' });
    let answers: StoredAnswers;
    try {
      answers = parseStoredAnswers(definition, body.answers);
    } catch (err) {
      if (err instanceof VisitAnswerError) throw invalid(err.message, { field: err.itemKey ? `answers.${err.itemKey}` : 'answers' });
      throw err;
    }
    const missing = missingAnswers(definition, answers);
    if (missing.length > 0) throw invalid(`answers: not answered: ${missing.join(', ')}`, { field: 'answers', missing });
    const links = evidenceLinks(answers);
    const linkable = await lockLinkableEvidence(tx, principal.orgId, principal.userId, links.map(([id]) => id));
    const seen = new Set<string>();
    for (const [id, itemKey] of links) {
      if (!linkable.has(id) || seen.has(id)) throw invalid(`answers.${itemKey}.evidence: ${id} is not an upload of yours free to attach`, { field: `answers.${itemKey}.evidence` });
      seen.add(id);
    }
    const stored = await insertVisit(tx, {
      orgId: principal.orgId,
      kind: kind ?? 'visit',
      checklistId,
      checklistVersion: body.checklistVersion,
      waveId,
      assignmentId: body.assignmentId ?? null,
      locationId,
      employeeLabel: body.employeeLabel || null,
      auditorId: principal.userId,
      clientKey: body.clientKey,
      visitedAt: new Date(body.visitedAt),
      position: body.position ? { latitude: body.position.latitude, longitude: body.position.longitude, accuracyM: body.position.accuracyM ?? null } : null,
      notes: body.notes || null,
    }, definition, answers);
    if (!stored.created || !stored.score) return null;
    await linkEvidence(tx, principal.orgId, stored.id, links);
    if (body.assignmentId) await markAssignmentSubmitted(tx, principal.orgId, body.assignmentId);
    const s = stored.score;
    return { id: stored.id, status: 'submitted', score: s.score, earned: s.earned, possible: s.possible, autofail: s.autofail };
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES.audio }, (_req, body, done) => done(null, body));
    // A declared size over the kind's limit is refused before the body is read (after the sign-in check: 401 first).
    scope.addHook('onRequest', async (request) => {
      authorize(request, 'audit.submit');
      const kind = (request.query as { kind?: string }).kind;
      const length = Number(request.headers['content-length'] ?? 0);
      if ((kind === 'photo' || kind === 'audio') && length > EVIDENCE_MAX_BYTES[kind]) throw tooLarge(kind);
    });

    scope.post('/api/v1/audit-evidence', async (request, reply): Promise<EvidenceAnswer> => {
      const principal = authorize(request, 'audit.submit');
      const query = parse(EvidenceUploadQuerySchema, request.query ?? {});
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (bytes.length > EVIDENCE_MAX_BYTES[query.kind]) throw tooLarge(query.kind);
      const declared = baseContentType(request.headers['content-type']);
      const problem = evidenceTypeProblem(query.kind, declared, bytes);
      if (problem) throw invalid(`file: ${problem}`, { field: 'file' });
      const keepLocation = query.kind === 'photo' && query.keepLocation === 'true';
      const stored = query.kind === 'photo' ? await preparePhoto(bytes, declared, keepLocation) : bytes;
      const id = crypto.randomUUID();
      const key = evidenceKey(principal.orgId, id);
      await stores.write.put(key, stored, declared);
      await insertEvidence(pool, {
        id, orgId: principal.orgId, kind: query.kind, contentType: declared, sizeBytes: stored.length,
        sha256: crypto.createHash('sha256').update(stored).digest('hex'), storage: stores.write.name, storageKey: key,
        keptLocation: keepLocation, uploadedBy: principal.userId,
      });
      reply.code(201);
      return { id, kind: query.kind, contentType: declared, sizeBytes: stored.length };
    });
  });

  app.get('/api/v1/audit-evidence/:id', async (request, reply) => {
    // Anyone signed in may ask; the file's uploader, its reviewers and (once published) its readers get it.
    const principal = request.apiKey ? authorize(request, 'audit.read') : requirePrincipal(request);
    const id = parseIdParam(request.params, 'Evidence not found');
    const e = await getEvidence(pool, principal.orgId, id);
    const inScope = e?.visitStatus != null && (e.visitLocationPath === null ? principal.locationPaths === null : pathInScope(principal, e.visitLocationPath));
    const allowed = e !== null && (
      e.uploadedBy === principal.userId
      || (inScope && can(principal, 'audit.review'))
      || (inScope && e.visitStatus === 'published' && can(principal, 'audit.read'))
    );
    if (!e || !allowed) throw notFound('Evidence not found');
    const bytes = await stores.of(e.storage)?.get(e.storageKey);
    if (!bytes) throw notFound('Evidence not found');
    // Cache-Control is the API's no-store (src/http/apiHeaders.ts): no shared or browser cache keeps a visit's photo.
    return reply
      .header('content-type', e.contentType)
      .header('content-disposition', 'inline')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; media-src 'self'; img-src 'self'")
      .send(bytes);
  });
}
