/**
 * What a browser downloads for the dashboard's first view: the sign-in page, then the overview.
 * Read from vite's manifest (dist/web/.vite/manifest.json, `build.manifest` in src/web/vite.config.ts):
 * the entry (index.html) and the page modules of the first view, each with every chunk it imports
 * statically (the browser fetches those before running it) and their CSS, counted once, gzipped
 * with node:zlib at its default level.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** One chunk of vite's manifest (only the fields used here). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The page modules (manifest keys: paths under src/web) the first view loads after the entry. */
export const FIRST_VIEW_PAGES = ['admin/auth/AuthPages.tsx', 'analytics/OverviewPage.tsx'];

/** The first-view budget of issue 9, gzipped bytes (kB as vite reports sizes: 1,000 bytes). */
export const FIRST_VIEW_BUDGET = 150_000;

/**
 * Output files (JS and CSS, relative to the build directory) that loading `keys` fetches: each key's
 * chunk, the chunks it imports statically (transitively), and their CSS. Dynamic imports are not
 * followed: they load later, on navigation.
 * @throws when a key is not in the manifest (a renamed page, or one no longer loaded lazily)
 */
export function filesLoadedBy(manifest: Manifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not a chunk of the dashboard build (renamed, or not loaded lazily any more?)`);
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files];
}

/** The manifest key of the HTML entry. */
export function entryKey(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  if (entries.length !== 1) throw new Error(`expected one entry in the dashboard manifest, found ${entries.length}`);
  return entries[0];
}

export interface DashboardSize {
  /** Gzipped bytes of the first view: entry + sign-in page + overview, every file once. */
  firstViewGzip: number;
  firstViewJsGzip: number;
  firstViewCssGzip: number;
  firstViewFiles: number;
  /** Gzipped bytes of the entry alone (with its static imports and CSS). */
  entryGzip: number;
  /** Every JS and CSS file of the build. */
  allGzip: number;
  allFiles: number;
  /** The largest JS file (minified, not gzipped), usually the chart pages' ECharts. */
  largestJs: { file: string; bytes: number };
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file)).length;

/** Measures the build in `webDir` (default dist/web). */
export function measureDashboardSize(webDir: string): DashboardSize {
  const manifestFile = path.join(webDir, '.vite/manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the dashboard first (npm run build)`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSize(path.join(webDir, file)));
    return sizes.get(file)!;
  };
  const sum = (files: string[]) => files.reduce((total, f) => total + gz(f), 0);
  const entry = entryKey(manifest);
  const firstView = filesLoadedBy(manifest, [entry, ...FIRST_VIEW_PAGES]);
  const assets = fs.readdirSync(path.join(webDir, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
  const largest = assets.filter((f) => f.endsWith('.js')).map((file) => ({ file, bytes: fs.statSync(path.join(webDir, file)).size })).sort((a, b) => b.bytes - a.bytes)[0];
  return {
    firstViewGzip: sum(firstView),
    firstViewJsGzip: sum(firstView.filter((f) => f.endsWith('.js'))),
    firstViewCssGzip: sum(firstView.filter((f) => f.endsWith('.css'))),
    firstViewFiles: firstView.length,
    entryGzip: sum(filesLoadedBy(manifest, [entry])),
    allGzip: sum(assets),
    allFiles: assets.length,
    largestJs: largest,
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The lines `sarafan bench` prints. */
export function describeDashboardSize(s: DashboardSize): string {
  return [
    `Dashboard first view (sign-in page + overview): ${kb(s.firstViewGzip)} gzipped in ${s.firstViewFiles} files ` +
      `(JS ${kb(s.firstViewJsGzip)}, CSS ${kb(s.firstViewCssGzip)}; entry alone ${kb(s.entryGzip)}); ` +
      `budget ${kb(FIRST_VIEW_BUDGET)}: ${s.firstViewGzip <= FIRST_VIEW_BUDGET ? 'met' : 'NOT met'}.`,
    `Whole dashboard: ${kb(s.allGzip)} gzipped in ${s.allFiles} files; largest chunk ${s.largestJs.file} ${kb(s.largestJs.bytes)} minified.`,
  ].join('\n');
}
