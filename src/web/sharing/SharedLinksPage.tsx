/** /app/shared-links: the caller's read-only links (owners and admins: everyone's), with views and revoke (docs/sharing.md). */
import { useState } from 'react';
import type { SharedLinkList } from '../../core/api/sharedLinks.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { PageTitle } from '../components/PageTitle.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import { Loading } from '../components/Loading.tsx';
import './sharing.css';

export function SharedLinksPage() {
  const { t, date } = useI18n();
  const [all, setAll] = useState(false);
  const [notice, setNotice] = useState('');
  const links = useLoad<SharedLinkList>(`/shared-links${all ? '?all=true' : ''}`);
  const revoke = async (id: string) => {
    await api.post(`/shared-links/${id}/revoke`);
    setNotice(t('sh.revoked'));
    await links.reload();
  };
  return (
    <div className="page shared-links">
      <PageTitle title={t('sh.page.title')} />
      <p className="muted">{t('sh.page.intro')}</p>
      <label className="check"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('sh.page.showAll')}</label>
      <p role="status" aria-live="polite">{notice}</p>
      {links.error && <ErrorMessage message={links.error.message} />}
      {!links.data ? (links.loading ? <Loading /> : null) : links.data.links.length === 0 ? <p>{t('sh.page.empty')}</p> : (
        <div className="table-wrap">
          <table data-testid="shared-links">
            <thead>
              <tr>
                <th scope="col">{t('sh.col.title')}</th><th scope="col">{t('sh.col.survey')}</th><th scope="col">{t('sh.col.by')}</th>
                <th scope="col">{t('sh.col.created')}</th><th scope="col">{t('sh.col.expires')}</th><th scope="col">{t('sh.col.views')}</th>
                <th scope="col">{t('sh.col.status')}</th><th scope="col"><span className="visually-hidden">{t('sh.revoke')}</span></th>
              </tr>
            </thead>
            <tbody>
              {links.data.links.map((l) => (
                <tr key={l.id}>
                  <th scope="row"><bdi>{l.title}</bdi></th>
                  <td><bdi>{l.surveyName}</bdi></td>
                  <td><bdi>{l.createdBy.name}</bdi></td>
                  <td className="sl-date">{date(l.createdAt)}</td>
                  <td className="sl-date">{l.expiresAt ? date(l.expiresAt) : t('sh.never')}</td>
                  <td>{t('sh.views', { n: l.viewCount })}{l.lastViewedAt ? `${t('shell.sep')}${date(l.lastViewedAt)}` : ''}</td>
                  <td>{t(`sh.status.${l.status}`)}</td>
                  <td>{l.status === 'active' && <ConfirmButton label={t('sh.revoke')} question={t('sh.revoke.confirm', { title: l.title })} onConfirm={() => revoke(l.id)} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
