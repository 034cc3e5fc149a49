/** Browser downloads, kept apart from the chart code so pages without charts do not load ECharts for them. */

/** Triggers a browser download of `href` as `fileName`. */
export function download(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Downloads text content (CSV, SVG) as a file; CSV gets a BOM so spreadsheet apps read UTF-8 (ru, fa). */
export function downloadText(content: string, mime: string, fileName: string): void {
  const bom = mime.startsWith('text/csv') ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom + content], { type: mime }));
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
