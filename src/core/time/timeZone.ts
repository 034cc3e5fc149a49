/** @module Time-zone names. */

/** True when `tz` is an IANA time zone this runtime (and so Intl formatting in reports) knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
