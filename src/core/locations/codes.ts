/**
 * Who may set location codes. Codes are one namespace per organisation (survey links resolve
 * `?loc=<code>`), so any answer to "may I use code X?" tells whether some location has X. An admin
 * limited to some locations must not learn that about locations outside them (issue 7: no existence
 * oracles), so such an admin never chooses codes: new locations they add have none (their links use the
 * location's id), an existing code is changed only by an organisation-wide admin, and a CSV import
 * matches their own locations by code, answering alike for a code nobody has and one held elsewhere.
 */
import { DomainError } from '../errors.ts';

/** An organisation-wide admin's answer for a code some other location already has. */
export const codeTaken = (code: string) => `code ${code} is taken; choose another code`;

/** True when the caller's access is limited to some locations (granted subtree paths). */
export const isLocationScoped = (scopePaths: readonly string[] | null): boolean => scopePaths !== null;

/** Why a location-scoped admin cannot set `code` on a new or existing location (the same words for any code). */
export const SCOPED_CODE_REFUSAL =
  'code: with access limited to some locations you cannot set location codes; new locations get none (their survey links use the location id) and an organisation-wide admin sets codes';

/** The import's answer for a code that is not one of the caller's locations: the same whether it is free or held elsewhere. */
export const scopedUnknownCode = (code: string) =>
  `code ${code} is not a code of your locations (with access limited to some locations an import updates your locations by code; add new locations on the Locations page)`;

/**
 * Refuses a code change by a location-scoped admin: `requested` is the code asked for (undefined = not
 * asked), `current` the location's code (null for a new location). Keeping the current code is allowed.
 * @throws DomainError('validation') with {@link SCOPED_CODE_REFUSAL}
 */
export function assertCodeChangeAllowed(scopePaths: readonly string[] | null, requested: string | null | undefined, current: string | null): void {
  if (!isLocationScoped(scopePaths) || requested === undefined) return;
  if ((requested ?? null) === current) return;
  throw new DomainError('validation', SCOPED_CODE_REFUSAL, { field: 'code' });
}
