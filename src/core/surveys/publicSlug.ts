/**
 * The characters a public survey address (/s/<slug>) may have. Wider than the rule for new slugs
 * (SLUG_PATTERN in definition.ts) so that earlier and imported slugs still resolve; anything else
 * cannot name a survey and is not looked up.
 */
export const PUBLIC_SLUG_RE = /^[A-Za-z0-9_-]{1,100}$/;
