/** The one-time link tokens in paths (password reset, invitation): anything that cannot be one is simply not found. */
import { pathParam } from '../../http/validate.ts';

const LINK_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The `:token` of a one-time link (32 random bytes, base64url); anything that cannot be one is simply not found. */
function parseLinkToken(params: unknown, notFoundMessage: string): string {
  return pathParam(params, 'token', (v) => LINK_TOKEN_RE.test(v), notFoundMessage);
}

export const parseResetToken = (params: unknown) => parseLinkToken(params, 'This link is not valid any more');

/** The `:token` of an invitation link. */
export const parseTokenParam = (params: unknown) => parseLinkToken(params, 'This invitation is not valid any more');
