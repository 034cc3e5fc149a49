/**
 * @module The shared links API contract (docs/sharing.md, docs/api.md "Shared links"): a read-only link to a
 * survey's report (a dashboard view's ReportDefinition) with an optional expiry, password and embedding sites.
 * The token appears once, in the answer of the create call. Pure: zod only.
 */
import { z } from 'zod';
import { IsoInstant, Uuid } from './common.ts';
import { ReportDefinitionSchema } from './reports.ts';
import { SHARED_LINK_LANGUAGES, SHARED_LINK_STATUSES } from '../sharing/links.ts';

/** `https://intranet.example.com` or `http://intranet:8080`: scheme, host and optional port, nothing else. */
const Origin = z.string().trim().max(200)
  .regex(/^https?:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i, 'must be an origin such as https://intranet.example.com')
  .transform((o) => o.toLowerCase());

/** POST /shared-links: a link to a dashboard view (`definition`) or to a saved report (`reportId`: its definition as it is then). */
export const CreateSharedLinkBody = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  definition: ReportDefinitionSchema.optional(),
  reportId: Uuid.optional(),
  /** Comments (contact details removed) appear only when true. */
  includeComments: z.boolean().default(false),
  /** The page's language; a visitor may switch with ?lang=. */
  lang: z.enum(SHARED_LINK_LANGUAGES).default('en'),
  expiresAt: IsoInstant.nullish(),
  /** Visitors type it once per half hour; at least 8 characters. */
  password: z.string().min(8, 'at least 8 characters').max(200, 'at most 200 characters').nullish(),
  /** Sites allowed to show the embed in a frame; empty: any https site. */
  embedOrigins: z.array(Origin).max(10, 'at most 10 sites').default([]),
}).superRefine((b, ctx) => {
  if ((b.definition === undefined) === (b.reportId === undefined)) ctx.addIssue({ code: 'custom', path: ['definition'], message: 'give either a definition or a reportId' });
});

/** GET /shared-links */
export const SharedLinksQuery = z.object({
  survey: Uuid.optional(),
  /** Revoked and expired links too. */
  all: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

export const SharedLinkSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(['view', 'report']),
  /** The saved report a `report` link shows; null for a view. */
  reportId: z.string().nullable(),
  title: z.string(),
  surveyId: z.string(),
  surveyName: z.string(),
  lang: z.enum(SHARED_LINK_LANGUAGES),
  includeComments: z.boolean(),
  hasPassword: z.boolean(),
  embedOrigins: z.array(z.string()),
  createdBy: z.strictObject({ id: z.string(), name: z.string() }),
  createdAt: IsoInstant,
  expiresAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
  lastViewedAt: IsoInstant.nullable(),
  viewCount: z.number().int(),
  status: z.enum(SHARED_LINK_STATUSES),
});
export type SharedLink = z.infer<typeof SharedLinkSchema>;

/** POST /shared-links: the link and, this once, its addresses and the embed snippet. */
export const SharedLinkCreatedSchema = z.strictObject({ link: SharedLinkSchema, url: z.string(), embedUrl: z.string(), embedHtml: z.string() });
export type SharedLinkCreated = z.infer<typeof SharedLinkCreatedSchema>;

export const SharedLinkListSchema = z.strictObject({ links: z.array(SharedLinkSchema) });
export type SharedLinkList = z.infer<typeof SharedLinkListSchema>;

/** GET /shared-links/:id, POST /shared-links/:id/revoke */
export const SharedLinkAnswerSchema = z.strictObject({ link: SharedLinkSchema });
export type SharedLinkAnswer = z.infer<typeof SharedLinkAnswerSchema>;
