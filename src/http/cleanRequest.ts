/**
 * The edge where request text is cleaned (src/core/text/cleanInput.ts): one preValidation hook, mounted
 * once for every route, before any handler reads the query or the body. A route picks what
 * happens to invalid Unicode with `config.invalidUnicode` (respondent pages replace it, so nobody loses an
 * answer); by default it is refused with a 400 naming the field.
 */
import type { FastifyRequest } from 'fastify';
import { cleanInput, MAX_INPUT_DEPTH, type CleanProblem, type InvalidUnicodePolicy } from '../core/text/cleanInput.ts';
import { invalid } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What invalid Unicode (lone surrogates, U+FFFE/U+FFFF) in this route's input becomes; default `refuse`. */
    invalidUnicode?: InvalidUnicodePolicy;
  }
}

// Route parameters are identifiers matched exactly (pathParam in validate.ts): cleaning one could turn a
// malformed id into a valid one (`%00<uuid>`), so they are left as sent.
const PARTS = ['query', 'body'] as const;

const PROBLEMS: Record<CleanProblem, string> = {
  invalid_unicode: 'contains invalid Unicode (an unpaired surrogate, U+FFFE or U+FFFF); send well-formed text',
  too_deep: `nested deeper than ${MAX_INPUT_DEPTH} levels`,
};

/** Replaces query and body with their cleaned copies. @throws validation naming the refused field */
export async function cleanRequestInput(request: FastifyRequest): Promise<void> {
  const policy = request.routeOptions.config?.invalidUnicode ?? 'refuse';
  for (const part of PARTS) {
    const result = cleanInput(request[part], policy);
    if (!result.ok) {
      // A bare string is the whole body (text/csv).
      const field = result.field || part;
      throw invalid(`${field}: ${PROBLEMS[result.problem]}`, { field });
    }
    request[part] = result.value;
  }
}
