/**
 * /app/audits/checklists: the organisation's checklists (archived ones on request), new ones from a starter
 * or an imported JSON file (the CLI's format), archive / bring back. Opening one leads to the editor.
 */
import { useState, type ChangeEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError, qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ConfirmButton, EmptyState, ErrorMessage, LiveStatus, PageTitle, useLoad } from '../components/index.ts';
import { Loadable } from '../analytics/ui.tsx';
import { SupportTable } from '../support/load.tsx';
import type { ChecklistAnswer, ChecklistsAnswer, ChecklistStartersAnswer, ChecklistSummary } from '../../core/api/checklists.ts';
import '../support/support.css';
import './checklists.css';

export function ChecklistsPage() {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const list = useLoad<ChecklistsAnswer>(`/checklists${qs({ archived: showArchived ? 'true' : undefined })}`);
  const starters = useLoad<ChecklistStartersAnswer>('/checklist-starters');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const created = (made: ChecklistAnswer) => navigate(`/app/audits/checklists/${made.checklist.id}`);
  const failed = (err: unknown) => setError(t('ck.failed', { message: err instanceof ApiError || err instanceof Error ? err.message : String(err) }));

  const fromStarter = async (key: string) => {
    setBusy(true);
    setError(null);
    setStatus(t('ck.creating'));
    try {
      created(await api.post<ChecklistAnswer>('/checklists', { starter: key }));
    } catch (err) {
      setStatus(null);
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch (err) {
      setError(t('ck.importBroken', { message: (err as Error).message }));
      input.value = '';
      return;
    }
    setBusy(true);
    setStatus(t('ck.importing'));
    try {
      created(await api.post<ChecklistAnswer>('/checklists/import', text, { contentType: 'application/json' }));
    } catch (err) {
      setStatus(null);
      failed(err);
      input.value = '';
    } finally {
      setBusy(false);
    }
  };

  const setArchived = async (c: ChecklistSummary, archived: boolean) => {
    setError(null);
    try {
      await api.post(`/checklists/${c.id}/${archived ? 'archive' : 'unarchive'}`);
      setStatus(t(archived ? 'ck.archivedDone' : 'ck.unarchivedDone', { name: c.name }));
      await list.reload();
    } catch (err) {
      failed(err);
    }
  };

  return (
    <div className="ck-page">
      <PageTitle title={t('ck.title')} />
      <p className="muted">{t('ck.intro')}</p>

      <section className="card ck-new" aria-labelledby="ck-new-title">
        <h2 id="ck-new-title">{t('ck.starters')}</h2>
        <Loadable state={starters} height={60}>
          {(data) => (
            <ul className="ck-starters">
              {data.starters.map((s) => (
                <li key={s.key}>
                  <button type="button" disabled={busy} onClick={() => fromStarter(s.key)} data-testid={`ck-starter-${s.key}`} aria-describedby={`ck-starter-${s.key}-hint`}>
                    {t('ck.starterButton', { name: s.name })}
                  </button>
                  <small id={`ck-starter-${s.key}-hint`} className="muted">{t('ck.starterHint', { sections: s.sectionsCount, items: s.itemsCount, points: s.pointsTotal })}</small>
                </li>
              ))}
            </ul>
          )}
        </Loadable>
        <div className="field ck-import">
          <label htmlFor="ck-import">{t('ck.importLabel')}</label>
          <input id="ck-import" type="file" accept="application/json,.json" disabled={busy} onChange={importFile} aria-describedby="ck-import-hint" data-testid="ck-import" />
          <small id="ck-import-hint" className="muted">{t('ck.importHint')}</small>
        </div>
        <ErrorMessage message={error} />
        <LiveStatus message={status} />
      </section>

      <label className="ck-toggle">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} data-testid="ck-show-archived" />
        {t('ck.showArchived')}
      </label>

      <Loadable state={list} height={200}>
        {(data) => data.checklists.length === 0 ? (
          <EmptyState title={t('ck.empty')}><p className="muted">{t('ck.emptyHint')}</p></EmptyState>
        ) : (
          <section className="card">
            <SupportTable testId="ck-list" caption={t('ck.title')} wide>
              <thead>
                <tr>
                  <th scope="col">{t('ck.col.name')}</th>
                  <th scope="col">{t('ck.col.channel')}</th>
                  <th scope="col">{t('ck.col.version')}</th>
                  <th scope="col">{t('ck.col.items')}</th>
                  <th scope="col">{t('ck.col.visits')}</th>
                  <th scope="col">{t('ck.col.updated')}</th>
                  <th scope="col">{t('ck.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.checklists.map((c) => (
                  <tr key={c.id} data-testid="ck-row">
                    <th scope="row">
                      <Link to={`/app/audits/checklists/${c.id}`}><bdi>{c.name}</bdi></Link>
                      {c.archived && <> <span className="badge">{t('ck.archived')}</span></>}
                    </th>
                    <td>{t(`ck.channel.${c.channel}`)}</td>
                    <td>{c.version}</td>
                    <td>{t('ck.itemsCount', { items: c.itemsCount, sections: c.sectionsCount })}</td>
                    <td>{c.visitsCount}</td>
                    <td>{date(c.updatedAt)}</td>
                    <td>
                      {c.archived
                        ? <button type="button" className="secondary" onClick={() => setArchived(c, false)}>{t('ck.unarchive')}</button>
                        : <ConfirmButton label={t('ck.archive')} question={t('ck.archiveQuestion', { name: c.name })} onConfirm={() => setArchived(c, true)} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </SupportTable>
          </section>
        )}
      </Loadable>
    </div>
  );
}
