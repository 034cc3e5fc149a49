/**
 * The response rate of a survey's invitations (GET /surveys/:id/response-rate), shown on the survey's
 * dashboard beside its metrics when invitations stand behind them; nothing when the survey has none.
 * Counted over all the survey's invitations (the dashboard's date and location filters do not apply).
 */
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../components/index.ts';
import type { ResponseRateResponse } from '../../../core/api/invitations.ts';

export function ResponseRateNote({ surveyId }: { surveyId: string }) {
  const { t, pct } = useI18n();
  const rate = useLoad<ResponseRateResponse>(`/surveys/${surveyId}/response-rate`);
  const total = rate.data?.total;
  if (!total || total.invitations === 0) return null;
  const value = total.responseRate === null ? t('inv.rateNone') : pct(total.responseRate * 100, 1);
  const answered = Math.round((total.responseRate ?? 0) * total.delivered);
  return (
    <p className="muted an-response-rate" data-testid="response-rate" title={t('inv.rateHint')}>
      <Link to="/app/waves">{t('inv.rate.label')}</Link>: {t('inv.rate.value', { rate: value, responses: answered, delivered: total.delivered })}
    </p>
  );
}
