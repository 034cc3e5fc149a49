/**
 * "Download PDF" on the survey dashboard: posts the view's filters and period as a report definition to
 * POST /api/v1/reports/render (docs/reports.md) and saves the PDF; disabled with a progress text while the
 * server renders. A view without a period ("all time") downloads the last 30 days.
 */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { download } from '../download.ts';
import { apiFilterParams, type DashboardFilters } from './filters.ts';

/** The view as a report definition (also what "Send now" e-mails, src/web/reports/SendViewButton.tsx). */
export function viewReportDefinition(surveyId: string, filters: DashboardFilters, today: string) {
  const { from, to, ...rest } = apiFilterParams(filters, today);
  return {
    surveyId,
    sections: ['kpis', 'trend', 'breakdown', 'drivers', 'themes'] as const,
    filters: Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    period: from && to ? { from, to } : { rule: 'last_30_days' as const },
  };
}

export function DownloadPdf({ surveyId, filters, today }: { surveyId: string; filters: DashboardFilters; today: string }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const definition = viewReportDefinition(surveyId, filters, today);
      const res = await fetch('/api/v1/reports/render', {
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ definition, format: 'pdf', lang }),
      });
      if (!res.ok) throw new Error(String(res.status));
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report.pdf';
      const url = URL.createObjectURL(await res.blob());
      download(url, name);
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="an-download-pdf">
      <button type="button" className="secondary" onClick={run} disabled={busy} aria-busy={busy} data-testid="download-pdf">
        {busy ? t('an.dash.pdfBusy') : t('an.dash.pdf')}
      </button>
      {failed && <span role="alert" className="error-text">{t('an.dash.pdfFailed')}</span>}
    </span>
  );
}
