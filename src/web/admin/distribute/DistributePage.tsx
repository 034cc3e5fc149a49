/**
 * /app/surveys/:id/distribute: the public link, one link and QR poster per location and language,
 * and a builder for links carrying a channel and hidden fields.
 */
import { Link, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n.tsx';
import { CopyableUrl, CopyButton, EmptyState, ErrorMessage, Loading, PageTitle, StatusBadge, useLoad } from '../../components/index.ts';
import type { SurveyLinksAnswer } from '../../../core/api/surveys.ts';
import type { SurveyDetailAnswer } from '../types.ts';
import { localHostOf, posterUrl } from './links.ts';
import { HiddenFieldsBuilder } from './HiddenFieldsBuilder.tsx';
import { KiosksSection } from '../kiosks/KiosksSection.tsx';
import { WidgetSection } from './WidgetSection.tsx';
import { TelegramLink } from './TelegramLink.tsx';

/** Shows links as absolute URLs (what people paste into e-mails and print). */
export function absolute(url: string): string {
  return new URL(url, window.location.origin).toString();
}

export function DistributePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const survey = useLoad<SurveyDetailAnswer>(`/surveys/${encodeURIComponent(id)}`);
  const links = useLoad<SurveyLinksAnswer>(`/surveys/${encodeURIComponent(id)}/links`);
  const def = survey.data?.survey;
  const publicUrl = def ? absolute(survey.data?.publicUrl ?? `/s/${def.slug}`) : '';
  const locationLinks = (links.data?.links ?? []).filter((l) => l.locationId !== null);
  const localHost = publicUrl ? localHostOf(publicUrl) : null;
  return (
    <section>
      <p><Link to="/app/surveys">{t('new.back')}</Link></p>
      <PageTitle title={t('dist.title', { name: def?.name ?? '' })} />
      <ErrorMessage message={survey.error ? t('shell.error', { message: survey.error.message }) : null} />
      {!def && !survey.error && <Loading lines={6} />}
      {def && (
        <>
          <p>
            <StatusBadge status={def.status} />{' '}
            {def.status !== 'live' && <span className="warning">{t('dist.notLive')}</span>}
            {def.status !== 'live' && <> <Link to={`/app/surveys/${def.id}/edit`}>{t('dist.toBuilder')}</Link></>}
          </p>
          {localHost && (
            <div className="warning-banner" role="note" aria-labelledby="localhost-h">
              <h2 id="localhost-h">{t('dist.localhostTitle')}</h2>
              <p>{t('dist.localhostText', { host: localHost })}</p>
            </div>
          )}
          <section className="card builder-section" aria-labelledby="public-h">
            <h2 id="public-h">{t('dist.publicLink')}</h2>
            <CopyableUrl url={publicUrl} label={t('dist.publicLink')} />
            <p className="muted">{t('dist.posterAll')}{' '}
              {def.languages.map((l) => (
                <span key={l} className="poster-links">
                  <a href={posterUrl(def.id, 'svg', null, l)} target="_blank" rel="noopener">{`SVG ${l.toUpperCase()}`}</a>{' '}
                  <a href={posterUrl(def.id, 'pdf', null, l)} target="_blank" rel="noopener">{`PDF ${l.toUpperCase()}`}</a>{' '}
                </span>
              ))}
            </p>
          </section>
          <section className="card builder-section" aria-labelledby="loc-h">
            <h2 id="loc-h">{t('dist.locationLinks')}</h2>
            <p className="muted">{t('dist.locationLinksHint')}</p>
            <ErrorMessage message={links.error ? t('shell.error', { message: links.error.message }) : null} />
            {links.loading && !links.data && <Loading lines={3} />}
            {links.data && locationLinks.length === 0 && (
              <EmptyState title={t('dist.noLocations')}><p><Link to="/app/locations">{t('dist.addLocations')}</Link></p></EmptyState>
            )}
            {locationLinks.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('dist.location')}</th>
                    <th scope="col">{t('dist.link')}</th>
                    <th scope="col">{t('dist.posters')}</th>
                  </tr>
                </thead>
                <tbody>
                  {locationLinks.map((l) => (
                    <tr key={l.locationId}>
                      <th scope="row">{l.locationName}{l.code && <div className="muted small" dir="ltr">{l.code}</div>}</th>
                      <td>
                        <div className="row">
                          <a href={absolute(l.url)} dir="ltr" target="_blank" rel="noopener" className="url-link">{absolute(l.url)}</a>
                          {/* A short visible "Copy" (the long one wrapped differently on every row); the name stays for screen readers. */}
                          <CopyButton text={absolute(l.url)} name={t('dist.copyFor', { name: l.locationName ?? '' })} />
                        </div>
                      </td>
                      <td>
                        {def.languages.map((lang) => (
                          <span key={lang} className="poster-links">
                            <a href={posterUrl(def.id, 'svg', l.locationId, lang)} target="_blank" rel="noopener" aria-label={t('dist.posterOf', { kind: 'SVG', lang: t(`lang.${lang}` as MessageKey), name: l.locationName ?? '' })}>{`SVG ${lang.toUpperCase()}`}</a>{' '}
                            <a href={posterUrl(def.id, 'pdf', l.locationId, lang)} target="_blank" rel="noopener" aria-label={t('dist.posterOf', { kind: 'PDF', lang: t(`lang.${lang}` as MessageKey), name: l.locationName ?? '' })}>{`PDF ${lang.toUpperCase()}`}</a>{' '}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <TelegramLink surveyId={def.id} />
          <HiddenFieldsBuilder publicUrl={publicUrl} links={locationLinks} languages={def.languages} />
          <KiosksSection surveyId={def.id} live={def.status === 'live'} locations={locationLinks} />
          <WidgetSection surveyId={def.id} />
        </>
      )}
    </section>
  );
}
