/** The Export menu of a chart or table panel: CSV or XLSX made on the server from the panel's filters (POST /api/v1/exports). */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { postForFile } from '../api.ts';
import { download } from '../download.ts';
import { apiFilterParams } from './filters.ts';
import type { DashboardContext } from './dashboard.ts';
import { MenuButton } from './MenuButton.tsx';
import type { ExportKind } from '../../core/analytics/exportTables.ts';

/** `extra`: the panel's own query parameters on top of the dashboard's filters (undefined drops one of them). */
export function ExportMenu({ ctx, kind, extra = {} }: { ctx: DashboardContext; kind: ExportKind; extra?: Record<string, string | undefined> }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const run = async (format: 'csv' | 'xlsx', close: () => void) => {
    setError(null);
    const filters = Object.fromEntries(Object.entries({ ...apiFilterParams(ctx.filters, ctx.today), ...extra }).filter(([, v]) => v !== undefined && v !== ''));
    try {
      const { blob, fileName } = await postForFile('/exports', { kind, survey: ctx.surveyId, format, lang, filters });
      const url = URL.createObjectURL(blob);
      download(url, fileName);
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      close();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <MenuButton label={t('an.export.menu')} testId={`export-${kind}`}>
      {(close) => (
        <div role="group" aria-label={t('an.export.menu')} className="an-menu-list">
          <button type="button" className="link-button" onClick={() => void run('csv', close)}>{t('an.export.csv')}</button>
          <button type="button" className="link-button" onClick={() => void run('xlsx', close)}>{t('an.export.xlsx')}</button>
          {error && <p role="alert" className="an-error">{error}</p>}
        </div>
      )}
    </MenuButton>
  );
}
