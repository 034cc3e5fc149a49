/** Two-factor recovery codes as people type them: case, spaces and dashes do not matter. */

/** How many recovery codes an enrolment produces (each works once). */
export const RECOVERY_CODE_COUNT = 10;

/** The canonical form that is hashed and compared: lower case letters and digits only. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '');
}

/** `abcdefghij` → `abcde-fghij` (shown once, easier to copy by hand). */
export function formatRecoveryCode(canonical: string): string {
  return `${canonical.slice(0, 5)}-${canonical.slice(5)}`;
}

/** A six-digit authenticator code (spaces allowed, as apps show "123 456"). */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
