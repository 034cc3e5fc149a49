/** Rules of the survey lifecycle (duplicate, delete) that need no I/O. */

const COPY_SUFFIX: Record<string, string> = { en: '(copy)', ru: '(копия)', fa: '(رونوشت)' };
const NAME_MAX = 200;

/** The name of a duplicate: the original's name and "(copy)" in the interface language, within the name limit. */
export function copyName(name: string, locale: string): string {
  const suffix = COPY_SUFFIX[locale] ?? COPY_SUFFIX.en!;
  return `${name.slice(0, NAME_MAX - suffix.length - 1).trimEnd()} ${suffix}`;
}

/**
 * Whether a survey may be deleted now. Without answers it always may; with answers only when the caller
 * typed the survey's name (surrounding spaces ignored), so that no answers go by a slip of the mouse.
 */
export function deleteCheck(responses: number, name: string, confirm: string | undefined): 'allowed' | 'needs_confirmation' | 'wrong_confirmation' {
  if (responses === 0) return 'allowed';
  if (confirm === undefined || confirm.trim() === '') return 'needs_confirmation';
  return confirm.trim() === name.trim() ? 'allowed' : 'wrong_confirmation';
}
