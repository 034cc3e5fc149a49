/**
 * A response whose link named a location (`loc`) the organisation does not have: it is stored all the
 * same (the respondent must not lose it), keeping the code it came with in this hidden field, and
 * data quality flags it as "unknown location (code X)" so the owner can fix the poster or the code.
 */

/** Hidden field holding the unknown `loc` code; the server sets it, a respondent's own value is dropped. */
export const UNKNOWN_LOCATION_FIELD = '_unknown_loc';

