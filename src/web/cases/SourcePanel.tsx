/** Where the case came from: the survey answer's score and comment, the review, the support contact or the letter. */
import { useI18n, type MessageKey } from '../i18n.tsx';
import type { CaseAnswer } from '../../core/api/cases.ts';

export function SourcePanel({ c }: { c: CaseAnswer }) {
  const { t, num, date } = useI18n();
  const s = c.source;
  const when = (at: string | null) => (at ? <p className="muted"><time dateTime={at}>{date(at, { dateStyle: 'medium', timeStyle: 'short' })}</time></p> : null);
  let body;
  if (!s) {
    body = c.channel === 'survey' || c.channel === 'review' || c.channel === 'support'
      ? <p className="muted">{t('cs.source.gone')}</p>
      : <p>{t('cs.source.byHand', { channel: t(`cs.channel.${c.channel}` as MessageKey) })}</p>;
  } else if (s.kind === 'response') {
    body = (
      <>
        <p>{t('cs.source.response', { survey: s.surveyName })}</p>
        {s.score !== null && <p><strong>{t('cs.source.score', { score: num(s.score, 0) })}</strong>{s.metric ? ` (${s.metric.toUpperCase()})` : ''}</p>}
        {s.comment && <blockquote className="cs-quote">{s.comment}</blockquote>}
        {when(s.at)}
      </>
    );
  } else if (s.kind === 'review') {
    body = (
      <>
        <p>{t('cs.source.review', { source: s.source })}</p>
        {s.rating !== null && <p><strong>{t('cs.source.rating', { rating: num(s.rating, 1), scale: num(s.ratingScale ?? 5, 0) })}</strong></p>}
        {s.text && <blockquote className="cs-quote">{s.text}</blockquote>}
        {when(s.at)}
      </>
    );
  } else if (s.kind === 'support_contact') {
    body = <><p>{t('cs.source.support', { id: s.externalId })}</p>{s.subject && <p>{s.subject}</p>}{when(s.at)}</>;
  } else {
    body = (
      <>
        <p>{t('cs.source.feedback', { from: s.from })}</p>
        {s.subject && <p><strong>{s.subject}</strong></p>}
        <blockquote className="cs-quote">{s.body}</blockquote>
        {when(s.at)}
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="cs-source" data-testid="source">
      <h2 id="cs-source">{t('cs.source')}</h2>
      {body}
    </section>
  );
}
