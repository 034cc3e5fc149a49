/**
 * The "Root causes" section of /app/settings (case.configure): the taxonomy in its order, each cause renamed in
 * en / ru / fa, moved up or down, archived or brought back, deleted when nothing uses it (the server says so
 * otherwise); and a form to add one. Every change is one request; a failed one leaves the list and the typed
 * names as they were and says why.
 */
import { useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { Loadable } from '../analytics/ui.tsx';
import { LANGUAGES } from '../../core/i18n/languages.ts';
import type { RootCause, RootCauseAnswer, RootCausesAnswer } from '../../core/api/rootCauses.ts';
import { causeName } from './format.ts';
import './caseReports.css';

type Names = Record<(typeof LANGUAGES)[number], string>;
const emptyNames = (): Names => ({ en: '', ru: '', fa: '' });
const given = (n: Names) => Object.fromEntries(Object.entries(n).filter(([, v]) => v.trim() !== ''));

export function RootCausesSettings() {
  const { t } = useI18n();
  const causes = useLoad<RootCausesAnswer>('/root-causes');
  const [status, setStatus] = useState<{ message: string; kind: 'success' | 'error' } | null>(null);
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      await causes.reload();
      setStatus({ message: done, kind: 'success' });
      return true;
    } catch (err) {
      setStatus({ message: t('rc.error', { message: err instanceof Error ? err.message : String(err) }), kind: 'error' });
      return false;
    }
  };
  return (
    <section className="card settings-section rc-settings" aria-labelledby="rc-title" data-testid="rc-settings">
      <h2 id="rc-title">{t('rc.title')}</h2>
      <p className="muted">{t('rc.intro')}</p>
      <Loadable state={causes} height={200}>
        {(data) => (
          <ol className="rc-list" data-testid="rc-list">
            {data.items.map((c, i) => <CauseRow key={c.id} cause={c} index={i} active={data.items.filter((x) => !x.archived).length} run={run} />)}
          </ol>
        )}
      </Loadable>
      <AddCause run={run} />
      <LiveStatus message={status?.message ?? null} kind={status?.kind} />
    </section>
  );
}

type Run = (action: () => Promise<unknown>, done: string) => Promise<boolean>;

function NameFields({ names, onChange, idPrefix }: { names: Names; onChange(n: Names): void; idPrefix: string }) {
  const { t } = useI18n();
  return (
    <div className="rc-names">
      {LANGUAGES.map((l) => (
        <label key={l} className="field" htmlFor={`${idPrefix}-${l}`}>
          {t(`rc.name.${l}`)}
          <input id={`${idPrefix}-${l}`} value={names[l]} maxLength={120} dir={l === 'fa' ? 'rtl' : 'auto'} lang={l} onChange={(e) => onChange({ ...names, [l]: e.target.value })} />
        </label>
      ))}
    </div>
  );
}

function CauseRow({ cause, index, active, run }: { cause: RootCause; index: number; active: number; run: Run }) {
  const { t, lang } = useI18n();
  const name = causeName(cause.name, cause.key, lang);
  const [editing, setEditing] = useState<Names | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const patch = (body: object, done: string) => run(() => api.patch<RootCauseAnswer>(`/root-causes/${cause.id}`, body), done);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (editing && (await patch({ name: given(editing) }, t('rc.saved')))) {
      setEditing(null);
      editButton.current?.focus();
    }
  };
  return (
    <li className={cause.archived ? 'rc-archived' : undefined} data-testid={`rc-${cause.key}`}>
      {editing ? (
        <form onSubmit={save} className="rc-names-form" style={{ display: 'contents' }}>
          <NameFields names={editing} onChange={setEditing} idPrefix={`rc-${cause.id}`} />
          <div className="rc-buttons">
            <button type="submit" className="primary small">{t('rc.save')}</button>
            <button type="button" className="secondary small" onClick={() => setEditing(null)}>{t('rc.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <span className="rc-name"><bdi>{name}</bdi>{cause.archived && <span className="badge">{t('rc.archived')}</span>}</span>
          <div className="rc-buttons">
            {!cause.archived && (
              <>
                <button type="button" className="secondary small" disabled={index === 0} aria-label={t('rc.up', { name })} onClick={() => patch({ position: index - 1 }, t('rc.saved'))}>↑</button>
                <button type="button" className="secondary small" disabled={index >= active - 1} aria-label={t('rc.down', { name })} onClick={() => patch({ position: index + 1 }, t('rc.saved'))}>↓</button>
              </>
            )}
            <button ref={editButton} type="button" className="secondary small" aria-label={t('rc.edit', { name })} onClick={() => setEditing({ ...emptyNames(), ...cause.name } as Names)}>{t('plan.edit')}</button>
            <button type="button" className="secondary small" onClick={() => patch({ archived: !cause.archived }, t('rc.saved'))}>{t(cause.archived ? 'rc.unarchive' : 'rc.archive')}</button>
            <ConfirmButton label={t('rc.delete')} question={t('rc.deleteConfirm', { name })} onConfirm={() => run(() => api.delete(`/root-causes/${cause.id}`), t('rc.deleted', { name })).then(() => undefined)} />
          </div>
        </>
      )}
    </li>
  );
}

function AddCause({ run }: { run: Run }) {
  const { t, lang } = useI18n();
  const [names, setNames] = useState<Names>(emptyNames);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const name = causeName(given(names), '', lang);
    if (await run(() => api.post<RootCauseAnswer>('/root-causes', { name: given(names) }), t('rc.added', { name }))) setNames(emptyNames());
    setBusy(false);
  };
  return (
    <form onSubmit={submit} aria-labelledby="rc-add-title" data-testid="rc-add">
      <h3 id="rc-add-title">{t('rc.add')}</h3>
      <NameFields names={names} onChange={setNames} idPrefix="rc-new" />
      <p><button type="submit" className="primary" disabled={busy}>{busy ? t('rc.adding') : t('rc.add')}</button></p>
    </form>
  );
}
