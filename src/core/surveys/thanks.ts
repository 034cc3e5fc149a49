/**
 * The thank-you page shows a heading ("Thank you!") above the survey's own thanks text; authors often
 * start that text with the same words, which would say thank you twice.
 */

/** Letters and digits only, lower case, without zero-width joiners (Persian writes سپاس‌گزاریم both ways). */
function comparable(text: string): string {
  return text.toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The survey's thanks text without a first sentence that repeats the heading (e.g. "Thank you! Your
 * answer goes to the team." under "Thank you!" becomes "Your answer goes to the team."); '' when the
 * whole text is the heading again.
 */
export function thanksWithoutHeading(text: string, heading: string): string {
  const target = comparable(heading);
  if (!target) return text.trim();
  if (comparable(text) === target) return '';
  const firstSentence = /^\s*(.+?[.!?؟。…]+)\s+(\S[\s\S]*)$/u.exec(text);
  if (firstSentence && comparable(firstSentence[1]) === target) return firstSentence[2].trim();
  return text.trim();
}
