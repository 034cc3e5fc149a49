/** /app/contacts/:id: one contact's fields and attributes, and the privacy actions (unsubscribe, export, erase, delete). */
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { ConfirmButton, ErrorMessage, LiveStatus, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { AttributesAnswer, ContactAnswer, EraseContactAnswer } from '../../../core/api/contacts.ts';
import type { LocationsAnswer } from '../../../core/api/locations.ts';
import { nativeName, isLanguage } from '../../../core/i18n/languages.ts';
import './contacts.css';

export function ContactPage() {
  const { t, date } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { data, error, loading, setData } = useLoad<ContactAnswer>(`/contacts/${encodeURIComponent(id)}`);
  const attributes = useLoad<AttributesAnswer>('/contact-attributes');
  const locations = useLoad<LocationsAnswer>('/locations');
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const act = async (fn: () => Promise<void>) => {
    setFailure(null);
    setStatus(null);
    try {
      await fn();
    } catch (err) {
      setFailure(err instanceof ApiError ? err.message : String(err));
    }
  };
  const c = data?.contact;
  const base = `/contacts/${encodeURIComponent(id)}`;
  const defs = attributes.data?.attributes ?? [];
  const location = c?.locationId ? locations.data?.locations.find((l) => l.id === c.locationId)?.name : undefined;
  const row = (label: string, value: ReactNode, ltr = false) => (
    <div><dt>{label}</dt><dd>{value === null || value === undefined || value === '' ? '—' : ltr ? <span className="ct-ltr">{value}</span> : value}</dd></div>
  );

  return (
    <section>
      <p><Link to="/app/contacts">{t('ct.back')}</Link></p>
      <PageTitle title={c ? c.name || c.email || c.phone || t('ct.detail') : t('ct.detail')} />
      {error && <ErrorMessage message={error instanceof ApiError && error.status === 404 ? t('ct.notFound') : t('shell.error', { message: error.message })} />}
      {loading && !data && <Loading lines={6} />}
      {c && (
        <div className="ct-detail">
          <div className="card">
            {c.erasedAt && <p className="ct-notice" role="note">{t('ct.erasedSince', { date: date(c.erasedAt) })}</p>}
            {!c.erasedAt && c.unsubscribedAt && <p className="ct-notice" role="note">{t('ct.optedOutSince', { date: date(c.unsubscribedAt) })}</p>}
            <dl className="ct-fields" data-testid="contact-fields">
              {row(t('ct.field.name'), c.name && <bdi dir="auto">{c.name}</bdi>)}
              {row(t('ct.field.email'), c.email, true)}
              {row(t('ct.field.phone'), c.phone, true)}
              {row(t('ct.field.externalId'), c.externalId, true)}
              {row(t('ct.field.language'), c.language && isLanguage(c.language) ? nativeName(c.language) : null)}
              {row(t('ct.field.location'), location && <bdi>{location}</bdi>)}
              {row(t('ct.field.segment'), c.segment && <bdi dir="auto">{c.segment}</bdi>)}
              {row(t('ct.field.timeZone'), c.timeZone, true)}
              {row(t('ct.field.created'), date(c.createdAt))}
              {row(t('ct.field.updated'), date(c.updatedAt))}
            </dl>
            <h2>{t('ct.attributes')}</h2>
            {Object.keys(c.attributes).length === 0 ? <p className="muted">{t('ct.noAttributes')}</p> : (
              <dl className="ct-fields">
                {Object.entries(c.attributes).map(([key, value]) => row(defs.find((d) => d.key === key)?.label ?? key, <bdi dir="auto">{String(value)}</bdi>))}
              </dl>
            )}
          </div>
          {(can('contact.edit') || can('contact.privacy')) && !c.erasedAt && (
            <div className="card ct-privacy">
              <h2>{t('ct.privacy')}</h2>
              {can('contact.edit') && !c.unsubscribedAt && (
                <div>
                  <ConfirmButton label={t('ct.unsubscribe')} question={t('ct.unsubscribeAsk')} onConfirm={() => act(async () => {
                    setData(await api.post<ContactAnswer>(`${base}/unsubscribe`));
                    setStatus(t('ct.unsubscribed'));
                  })} />
                </div>
              )}
              {can('contact.privacy') && (
                <div>
                  <a className="button secondary" href={`/api/v1${base}/export`} download={`contact-${id}.json`} data-testid="contact-export">{t('ct.export')}</a>
                  <p className="muted small">{t('ct.exportHint')}</p>
                </div>
              )}
              {can('contact.privacy') && (
                <div>
                  <ConfirmButton label={t('ct.erase')} question={t('ct.eraseAsk')} onConfirm={() => act(async () => {
                    const res = await api.post<EraseContactAnswer>(`${base}/erase`);
                    setData({ contact: res.contact });
                    setStatus(t('ct.erased', { n: res.responsesAnonymised }));
                  })} />
                </div>
              )}
              {can('contact.edit') && (
                <div>
                  <ConfirmButton label={t('ct.delete')} question={t('ct.deleteAsk')} onConfirm={() => act(async () => {
                    await api.delete(base);
                    navigate('/app/contacts');
                  })} />
                </div>
              )}
            </div>
          )}
        </div>
      )}
      <ErrorMessage message={failure} />
      <LiveStatus message={status} kind="success" />
    </section>
  );
}
