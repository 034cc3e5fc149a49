/**
 * The survey dashboard's Views menu (docs/analytics.md "Saved views"): save the current state (the URL's query:
 * filters, period, comparison) under a name, personal or shared, pinned or not; open, pin, rename and delete views.
 */
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { api } from '../api.ts';
import type { SavedViewAnswer, SavedViewsAnswer } from '../../core/api/savedViews.ts';
import { useLoad } from '../components/useLoad.ts';
import { MenuButton } from './MenuButton.tsx';

export function ViewsMenu({ surveyId }: { surveyId: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const views = useLoad<SavedViewsAnswer>(`/saved-views?survey=${surveyId}`);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await fn();
      setStatus(done);
      views.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const save = () => act(async () => {
    await api.post('/saved-views', { name, surveyId, query: location.search, shared, pinned });
    setName('');
  }, t('an.views.saved'));
  const rename = (v: SavedViewAnswer) => {
    const next = window.prompt(t('an.views.renamePrompt'), v.name);
    if (next && next.trim()) void act(() => api.patch(`/saved-views/${v.id}`, { name: next.trim() }), t('an.views.renamed'));
  };
  const remove = (v: SavedViewAnswer) => {
    if (window.confirm(t('an.views.deleteConfirm', { name: v.name }))) void act(() => api.delete(`/saved-views/${v.id}`), t('an.views.deleted'));
  };
  const pin = (v: SavedViewAnswer) => act(() => (v.pinned ? api.delete(`/saved-views/${v.id}/pin`) : api.put(`/saved-views/${v.id}/pin`)), v.pinned ? t('an.views.unpinned') : t('an.views.pinnedDone'));
  return (
    <MenuButton label={t('an.views.menu')} testId="views-menu">
      {(close) => (
        <div className="an-views">
          <form className="an-views-save" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <label>{t('an.views.name')}<input dir="auto" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} data-testid="view-name" /></label>
            <label className="inline"><input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="view-shared" />{t('an.views.shared')}</label>
            <label className="inline"><input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} />{t('an.views.pin')}</label>
            <button type="submit" data-testid="view-save">{t('an.views.save')}</button>
          </form>
          {error && <p role="alert" className="an-error">{error}</p>}
          <p className="visually-hidden" aria-live="polite">{status}</p>
          <h3>{t('an.views.list')}</h3>
          {!views.data ? null : views.data.views.length === 0 ? <p className="muted">{t('an.views.none')}</p> : (
            <ul className="an-views-list" data-testid="views-list">
              {views.data.views.map((v) => (
                <li key={v.id}>
                  <button type="button" className="link-button" onClick={() => { close(); void navigate(v.url); }}>
                    <bdi>{v.name}</bdi>
                  </button>
                  <span className="muted">{v.shared ? t('an.views.isShared', { owner: v.owner.name }) : t('an.views.isPersonal')}{v.narrowed ? ` · ${t('an.views.narrowed')}` : ''}</span>
                  <span className="an-views-actions">
                    <button type="button" className="link-button small" aria-pressed={v.pinned} onClick={() => void pin(v)}>{v.pinned ? t('an.views.unpin') : t('an.views.pin')}</button>
                    {v.mayChange && <button type="button" className="link-button small" onClick={() => rename(v)}>{t('an.views.rename')}</button>}
                    {v.mayChange && <button type="button" className="link-button small" onClick={() => remove(v)}>{t('an.views.delete')}</button>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </MenuButton>
  );
}
