/** The public address of a referral code's invitation page (/r/<code>), from SARAFAN_PUBLIC_URL or the request's host. */
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../http/deps.ts';
import { publicBase } from '../../surveys/links.ts';

export function referralLink(deps: AppDeps, request: FastifyRequest, code: string): string {
  return `${publicBase(deps, request)}/r/${code}`;
}
