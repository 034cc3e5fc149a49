/** Download file names for chart exports (CSV, SVG, PNG). */

/** A file name made only of safe characters, so a survey name cannot inject a path or header. */
export function safeFileName(base: string, ext: string): string {
  const cleaned = base
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${cleaned || 'chart'}.${ext}`;
}
