/**
 * The Share button and dialog (docs/sharing.md): title, comments, expiry, password and language of a read-only link
 * to the dashboard's current view or (with `reportId`, on the Reports page) to a saved report; then the link, shown
 * once, with Copy, and the embed snippet.
 */
import { useState } from 'react';
import type { SharedLinkCreated } from '../../core/api/sharedLinks.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { CopyableUrl } from '../components/CopyButton.tsx';
import type { SharedViewDefinition } from './definition.ts';

const LANGS = ['en', 'ru', 'fa'] as const;

export function ShareButton({ definition, reportId, defaultTitle, label }: {
  definition?: () => SharedViewDefinition; reportId?: string; defaultTitle: string; label?: string;
}) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [comments, setComments] = useState(false);
  const [expires, setExpires] = useState('');
  const [password, setPassword] = useState('');
  const [pageLang, setPageLang] = useState<string>(LANGS.includes(lang as never) ? lang : 'en');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [created, setCreated] = useState<SharedLinkCreated | null>(null);
  if (!can('link.share')) return null;

  const start = () => {
    setTitle(defaultTitle);
    setComments(false);
    setExpires('');
    setPassword('');
    setError('');
    setCreated(null);
    setOpen(true);
  };
  const create = async () => {
    setBusy(true);
    setError('');
    try {
      setCreated(await api.post<SharedLinkCreated>('/shared-links', {
        title, ...(reportId ? { reportId } : { definition: definition?.() }), includeComments: comments, lang: pageLang,
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null, password: password || null,
      }));
    } catch (err) {
      setError(t('sh.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="secondary" onClick={start} aria-label={label} data-testid={reportId ? 'report-share' : 'share-button'}>{t('sh.share')}</button>
      <ConfirmDialog
        open={open}
        title={t('sh.dialog.title')}
        confirmLabel={created ? t('sh.close') : busy ? t('sh.creating') : t('sh.create')}
        cancelLabel={created ? undefined : t('sh.cancel')}
        confirmDisabled={busy || (!created && !title.trim())}
        onConfirm={() => (created ? setOpen(false) : void create())}
        onCancel={() => setOpen(false)}
      >
        {created ? (
          <div data-testid="share-result">
            <p role="status">{t('sh.created')}</p>
            <CopyableUrl url={created.url} label={t('sh.url')} className="share-url" />
            <label className="share-embed">
              {t('sh.embed')}
              <textarea readOnly dir="ltr" rows={3} value={created.embedHtml} onFocus={(e) => e.currentTarget.select()} />
            </label>
          </div>
        ) : (
          <div className="share-form">
            <p className="muted">{t(reportId ? 'sh.dialog.introReport' : 'sh.dialog.intro')}</p>
            <label>{t('sh.field.title')}<input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="share-title" /></label>
            <label className="check"><input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} /> {t('sh.field.comments')}</label>
            <label>{t('sh.field.expires')}<input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} /></label>
            <label>{t('sh.field.password')}<input type="password" autoComplete="new-password" minLength={8} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} /></label>
            <label>{t('sh.field.lang')}
              <select value={pageLang} onChange={(e) => setPageLang(e.target.value)}>
                {LANGS.map((l) => <option key={l} value={l}>{t(`sh.lang.${l}`)}</option>)}
              </select>
            </label>
            {error && <p className="error" role="alert">{error}</p>}
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
