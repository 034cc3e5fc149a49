/**
 * The dashboard is split by page: the first view (sign-in page, then the overview) downloads the
 * shell and those two pages, not the other pages nor the chart library (bench/dashboardSize.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_PAGES, entryKey, filesLoadedBy, measureDashboardSize, type Manifest } from '../../bench/dashboardSize.ts';

describe('filesLoadedBy', () => {
  // The shape of vite's manifest: chunk keys, static imports, dynamic imports and CSS.
  const manifest: Manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['pages/A.tsx', 'pages/B.tsx'], css: ['assets/index.css'] },
    '_shared.js': { file: 'assets/shared.js' },
    '_charts.js': { file: 'assets/charts.js', imports: ['_shared.js'], css: ['assets/charts.css'] },
    'pages/A.tsx': { file: 'assets/A.js', isDynamicEntry: true, imports: ['_shared.js', 'index.html'] },
    'pages/B.tsx': { file: 'assets/B.js', isDynamicEntry: true, imports: ['_charts.js', 'index.html'], dynamicImports: ['pages/C.tsx'] },
    'pages/C.tsx': { file: 'assets/C.js', isDynamicEntry: true },
  };

  it('follows static imports (each file once, with its CSS) but not dynamic ones', () => {
    expect(entryKey(manifest)).toBe('index.html');
    expect(filesLoadedBy(manifest, ['index.html']).sort()).toEqual(['assets/index.css', 'assets/index.js', 'assets/shared.js']);
    expect(filesLoadedBy(manifest, ['index.html', 'pages/A.tsx']).sort()).toEqual(['assets/A.js', 'assets/index.css', 'assets/index.js', 'assets/shared.js']);
    expect(filesLoadedBy(manifest, ['pages/B.tsx']).sort()).toEqual([
      'assets/B.js', 'assets/charts.css', 'assets/charts.js', 'assets/index.css', 'assets/index.js', 'assets/shared.js',
    ]);
  });

  it('refuses a page the build does not have as a chunk, instead of counting nothing for it', () => {
    expect(() => filesLoadedBy(manifest, ['index.html', 'pages/Gone.tsx'])).toThrow(/pages\/Gone\.tsx/);
  });
});

describe('the built dashboard', () => {
  const webDir = path.resolve('dist/web');
  const manifestFile = path.join(webDir, '.vite/manifest.json');

  it('loads the other pages and ECharts only when they are opened', () => {
    expect(fs.existsSync(manifestFile), 'dist/web is not built: run `npm run build`').toBe(true);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const firstView = new Set(filesLoadedBy(manifest, [entryKey(manifest), ...FIRST_VIEW_PAGES]));
    const otherPages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && !FIRST_VIEW_PAGES.includes(k));
    expect(otherPages).toEqual(expect.arrayContaining(['analytics/SurveyDashboard.tsx', 'admin/builder/BuilderPage.tsx', 'admin/users/UsersPage.tsx']));
    for (const page of otherPages) expect(firstView.has(manifest[page].file), page).toBe(false);
    // ECharts' log prefix: in its code whatever the minifier renames.
    const withCharts = [...firstView].filter((f) => f.endsWith('.js') && fs.readFileSync(path.join(webDir, f), 'utf8').includes('[ECharts]'));
    expect(withCharts).toEqual([]);
    const chartPage = filesLoadedBy(manifest, ['analytics/SurveyDashboard.tsx']);
    expect(chartPage.some((f) => fs.readFileSync(path.join(webDir, f), 'utf8').includes('[ECharts]'))).toBe(true);
  });

  it('ships the English messages with the app and Russian and Persian as chunks loaded on demand', () => {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const firstView = filesLoadedBy(manifest, [entryKey(manifest), ...FIRST_VIEW_PAGES]).filter((f) => f.endsWith('.js'));
    const text = (files: string[]) => files.map((f) => fs.readFileSync(path.join(webDir, f), 'utf8')).join('\n');
    // The sign-in title in each language (src/web/admin/messages/*.ts).
    expect(text(firstView)).toContain('Sign in to Sarafan');
    for (const [lang, signIn] of [['ru', 'Вход в Сарафан'], ['fa', 'ورود به سارافان']]) {
      const chunk = manifest[`messages/${lang}.ts`];
      expect(chunk?.isDynamicEntry, lang).toBe(true);
      expect(firstView, lang).not.toContain(chunk.file);
      expect(text(firstView), lang).not.toContain(signIn);
      expect(text(filesLoadedBy(manifest, [`messages/${lang}.ts`])), lang).toContain(signIn);
    }
  });

  it('measures the first view as the entry plus the sign-in and overview pages, gzipped', () => {
    const size = measureDashboardSize(webDir);
    expect(size.firstViewGzip).toBe(size.firstViewJsGzip + size.firstViewCssGzip);
    expect(size.entryGzip).toBeLessThan(size.firstViewGzip);
    expect(size.firstViewGzip).toBeLessThan(size.allGzip / 2);
  });
});
