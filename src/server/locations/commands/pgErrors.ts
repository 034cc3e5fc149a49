/** Turns constraint violations of location writes into domain errors the user can act on. */
import { DomainError } from '../../../core/errors.ts';
import { codeTaken } from '../../../core/locations/codes.ts';

/** Rethrows unique-code and foreign-key violations as 409 conflicts; anything else unchanged. */
export function rethrowLocationConflict(err: unknown, code?: string | null): never {
  const pgErr = err as { code?: string; constraint?: string };
  if (pgErr?.code === '23505' && pgErr.constraint === 'locations_code') {
    throw new DomainError('conflict', code ? codeTaken(code) : 'a code in the file is taken; choose another code');
  }
  if (pgErr?.code === '23503') throw new DomainError('conflict', 'The location is still in use');
  throw err;
}
