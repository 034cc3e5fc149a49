/**
 * /app/contacts: the contact directory (search, segment / location / status filters, pages of 50) and the
 * import wizard. Filters and the page live in the URL, so a link reproduces the view.
 */
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { qs } from '../../api.ts';
import { SearchBox } from '../../components/SearchBox.tsx';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../shell/session.tsx';
import { EmptyState, ErrorMessage, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { AttributesAnswer, ContactSegmentsAnswer, ContactsAnswer } from '../../../core/api/contacts.ts';
import type { LocationsAnswer } from '../../../core/api/locations.ts';
import type { Contact } from '../../../core/contacts/contact.ts';
import { ImportWizard } from './ImportWizard.tsx';
import './contacts.css';

const PAGE = 50;

export function ContactsPage() {
  const { t, num } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const segment = params.get('segment') ?? '';
  const locationId = params.get('location') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(0, Number(params.get('page')) || 0);
  const [importing, setImporting] = useState(false);

  const query = qs({
    q: q || undefined, segment: segment || undefined, locationId: locationId || undefined,
    optedOut: status === 'optedOut' ? 'true' : status === 'active' ? 'false' : undefined, limit: PAGE, offset: page * PAGE,
  });
  const list = useLoad<ContactsAnswer>(`/contacts${query}`);
  const segments = useLoad<ContactSegmentsAnswer>('/contacts/segments');
  const locations = useLoad<LocationsAnswer>('/locations');
  const attributes = useLoad<AttributesAnswer>('/contact-attributes');
  const locationName = useMemo(() => new Map((locations.data?.locations ?? []).map((l) => [l.id, l.name])), [locations.data]);

  const set = (patch: Record<string, string>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
      if (!('page' in patch)) next.delete('page');
      return next;
    });
  const total = list.data?.total ?? 0;
  const filtered = !!(q || segment || locationId || status);

  return (
    <section>
      <div className="ct-head">
        <PageTitle title={t('ct.title')} />
        {can('contact.edit') && (
          <button type="button" className={importing ? 'secondary' : undefined} aria-expanded={importing} onClick={() => setImporting(!importing)} data-testid="import-toggle">
            {t(importing ? 'ct.importClose' : 'ct.importOpen')}
          </button>
        )}
      </div>
      <p className="muted">{t('ct.intro')}</p>
      {importing && attributes.data && (
        <ImportWizard attributes={attributes.data.attributes} onImported={() => { void list.reload(); void segments.reload(); }} />
      )}
      <div className="toolbar ct-tools" role="group" aria-label={t('ct.filters')}>
        <SearchBox key={q} initial={q} onSearch={(v) => set({ q: v })} label={t('ct.search')} buttonLabel={t('ct.searchButton')} testId="contacts-search" />
        <label>
          {t('ct.segment')}
          <select value={segment} onChange={(e) => set({ segment: e.target.value })}>
            <option value="">{t('ct.any')}</option>
            {(segments.data?.segments ?? []).map((s) => <option key={s.segment} value={s.segment}>{s.segment} ({num(s.n, 0)})</option>)}
          </select>
        </label>
        <label>
          {t('ct.location')}
          <select value={locationId} onChange={(e) => set({ location: e.target.value })}>
            <option value="">{t('ct.any')}</option>
            {(locations.data?.locations ?? []).map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
          </select>
        </label>
        <label>
          {t('ct.status')}
          <select value={status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('ct.any')}</option>
            <option value="active">{t('ct.status.active')}</option>
            <option value="optedOut">{t('ct.status.optedOut')}</option>
          </select>
        </label>
      </div>
      <ErrorMessage message={list.error ? t('shell.error', { message: list.error.message }) : null} />
      {list.loading && !list.data && <Loading lines={6} />}
      {list.data && total === 0 && !filtered && (
        <EmptyState title={t('ct.emptyTitle')}><p>{t('ct.emptyHint')}</p></EmptyState>
      )}
      {list.data && total === 0 && filtered && <p className="muted">{t('ct.empty')}</p>}
      {list.data && total > 0 && (
        <div aria-busy={list.loading}>
          <table className="ct-table" data-testid="contacts-table">
            <caption className="muted">{t('ct.caption', { n: total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ct.col.name')}</th>
                <th scope="col">{t('ct.col.email')}</th>
                <th scope="col">{t('ct.col.phone')}</th>
                <th scope="col">{t('ct.col.location')}</th>
                <th scope="col">{t('ct.col.segment')}</th>
                <th scope="col">{t('ct.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.contacts.map((c) => <Row key={c.id} c={c} location={c.locationId ? locationName.get(c.locationId) : undefined} />)}
            </tbody>
          </table>
          <nav className="ct-pager" aria-label={t('ct.pages')}>
            <button type="button" className="secondary" disabled={page === 0} onClick={() => set({ page: String(page - 1) })}>{t('ct.prev')}</button>
            <span className="muted">{t('ct.range', { from: num(page * PAGE + 1, 0), to: num(Math.min(total, (page + 1) * PAGE), 0), total: num(total, 0) })}</span>
            <button type="button" className="secondary" disabled={(page + 1) * PAGE >= total} onClick={() => set({ page: String(page + 1) })}>{t('ct.next')}</button>
          </nav>
        </div>
      )}
    </section>
  );
}

function Row({ c, location }: { c: Contact; location?: string }) {
  const { t } = useI18n();
  return (
    <tr data-contact={c.id}>
      <td><Link to={`/app/contacts/${encodeURIComponent(c.id)}`}><bdi dir="auto">{c.name || t('ct.noName')}</bdi></Link></td>
      <td data-label={t('ct.col.email')}><span className="ct-ltr">{c.email ?? '—'}</span></td>
      <td data-label={t('ct.col.phone')}><span className="ct-ltr">{c.phone ?? '—'}</span></td>
      <td data-label={t('ct.col.location')}>{location ? <bdi>{location}</bdi> : '—'}</td>
      <td data-label={t('ct.col.segment')}>{c.segment ? <bdi dir="auto">{c.segment}</bdi> : '—'}</td>
      <td data-label={t('ct.col.status')}>
        {c.unsubscribedAt ? <span className="badge">{t('ct.status.optedOut')}</span> : <span className="muted">{t('ct.status.active')}</span>}
      </td>
    </tr>
  );
}
