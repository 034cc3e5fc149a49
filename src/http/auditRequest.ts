/** What an audit event keeps of the request it came from (docs/audit-log.md): the address and the user agent. */
import type { FastifyRequest } from 'fastify';

export const auditRequest = (request: FastifyRequest): { ip: string; userAgent: string | null } => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

/** Who did it and from where: the organisation, the signed-in user (or API key) and the request's address. */
export const auditActor = (request: FastifyRequest, principal: { orgId: string; userId: string }) => ({
  ...auditRequest(request), orgId: principal.orgId, actorId: principal.userId,
});
