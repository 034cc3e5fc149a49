/**
 * /app/settings/audit-log (docs/audit-log.md): the organisation's audit log for owners and admins. Filters (period,
 * who, action or group of actions), the events newest first with expandable details, "Load more" by the API's
 * keyset cursor, and CSV / XLSX exports of the same filters in the interface language. The page's words are its own
 * catalogue (./messages.ts), loaded with this chunk.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import { formatDate } from '../../core/i18n/format.ts';
import { auditActionGroup, AUDIT_ACTIONS } from '../../core/audit/actions.ts';
import { auditActionName, auditCatalogue, auditGroupName } from '../../core/audit/names.ts';
import type { AuditActorsAnswer, AuditEventView, AuditLogAnswer, AuditLogFilter } from '../../core/api/auditLog.ts';
import type { MessageVars } from '../../core/i18n/catalogue.ts';
import { auditLogPageCatalogue, type AuditLogPageKey } from './messages.ts';
import './auditLog.css';

type Filter = Pick<AuditLogFilter, 'from' | 'to' | 'actor' | 'action'>;

const GROUPS = [...new Set(AUDIT_ACTIONS.map(auditActionGroup))];

export function AuditLogPage() {
  const { lang } = useI18n();
  const { me } = useSession();
  const l = useCallback((key: AuditLogPageKey, vars?: MessageVars) => auditLogPageCatalogue.formatMessage(lang, key, vars), [lang]);
  const [draft, setDraft] = useState<Filter>({});
  const [filter, setFilter] = useState<Filter>({});
  const [items, setItems] = useState<AuditEventView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [actors, setActors] = useState<AuditActorsAnswer['actors']>([]);

  const load = useCallback(async (f: Filter, after: string | null) => {
    setLoading(true);
    try {
      const page = await api.get<AuditLogAnswer>(`/audit-log${qs({ ...f, cursor: after })}`);
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => void load(filter, null), [filter, load]);
  useEffect(() => {
    api.get<AuditActorsAnswer>('/audit-log/actors').then((a) => setActors(a.actors), () => setActors([]));
  }, []);

  const exportHref = (format: 'csv' | 'xlsx') => `/api/v1/audit-log/export${qs({ ...filter, format, lang })}`;
  const actionOptions = useMemo(
    () => GROUPS.map((g) => ({ group: g, name: auditGroupName(lang, g), actions: AUDIT_ACTIONS.filter((a) => auditActionGroup(a) === g) })),
    [lang],
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
  };
  const when = (at: string) => formatDate(lang, at, { dateStyle: 'medium', timeStyle: 'short', timeZone: me?.org.timezone });
  const actorName = (e: AuditEventView) => (e.actor.kind === 'system' ? auditCatalogue.formatMessage(lang, 'actor.system') : e.actor.label ?? '—');

  return (
    <div className="an-page al-page">
      <div className="an-page-head">
        <PageTitle title={l('title')} />
        <div className="al-exports">
          <a className="button" href={exportHref('csv')} download data-testid="al-export-csv">{l('exportCsv')}</a>
          <a className="button" href={exportHref('xlsx')} download data-testid="al-export-xlsx">{l('exportXlsx')}</a>
        </div>
      </div>
      <p className="muted">{l('intro')}</p>
      <form className="card al-filters" aria-label={l('filters')} onSubmit={submit} data-testid="al-filters">
        <label>{l('from')}<input type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })} /></label>
        <label>{l('to')}<input type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })} /></label>
        <label>{l('actor')}
          <select value={draft.actor ?? ''} onChange={(e) => setDraft({ ...draft, actor: e.target.value || undefined })} data-testid="al-actor">
            <option value="">{l('anyActor')}</option>
            {actors.map((a) => (
              <option key={a.id ?? 'system'} value={a.id ?? 'system'}>{a.kind === 'system' ? auditCatalogue.formatMessage(lang, 'actor.system') : a.label ?? a.id}</option>
            ))}
          </select>
        </label>
        <label>{l('action')}
          <select value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.target.value || undefined })} data-testid="al-action">
            <option value="">{l('anyAction')}</option>
            {actionOptions.map((g) => (
              <optgroup key={g.group} label={g.name}>
                <option value={g.group}>{l('group', { name: g.name })}</option>
                {g.actions.map((a) => <option key={a} value={a}>{auditActionName(lang, a)}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <div className="al-filter-actions">
          <button type="submit">{l('apply')}</button>
          <button type="button" className="link-button" onClick={() => { setDraft({}); setFilter({}); }}>{l('reset')}</button>
        </div>
      </form>
      {error && <ErrorMessage message={l('failed', { message: error })} />}
      <div aria-live="polite" aria-busy={loading}>
        {!loading && !error && items.length === 0 ? <EmptyState title={l('empty')} /> : (
          <div className="card al-table-wrap">
            <table className="al-table" data-testid="al-table">
              <thead><tr><th scope="col">{l('when')}</th><th scope="col">{l('who')}</th><th scope="col">{l('what')}</th><th scope="col">{l('target')}</th><th scope="col">{l('details')}</th></tr></thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td className="al-when"><bdi>{when(e.at)}</bdi></td>
                    <td><bdi>{actorName(e)}</bdi></td>
                    <td>{auditActionName(lang, e.action)}</td>
                    <td><bdi>{e.target.label ?? e.target.id ?? ''}</bdi></td>
                    <td><Details e={e} l={l} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted al-count">{l('shown', { n: items.length })}</p>
        {loading ? <p role="status">{l('loading')}</p> : cursor && <button type="button" onClick={() => void load(filter, cursor)} data-testid="al-more">{l('more')}</button>}
      </div>
    </div>
  );
}

function Details({ e, l }: { e: AuditEventView; l: (key: AuditLogPageKey) => string }) {
  const hasDetails = Object.keys(e.details).length > 0;
  if (!hasDetails && !e.ip && !e.userAgent) return null;
  return (
    <details className="al-details">
      <summary>{l('show')}</summary>
      {hasDetails && <pre dir="ltr">{JSON.stringify(e.details, null, 2)}</pre>}
      {e.ip && <p>{l('ip')}: <bdi>{e.ip}</bdi></p>}
      {e.userAgent && <p>{l('browser')}: <bdi>{e.userAgent}</bdi></p>}
    </details>
  );
}
