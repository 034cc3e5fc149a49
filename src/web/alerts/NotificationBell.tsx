/**
 * The notification bell in the shell header: the unread count (polled every 45 s and when the tab comes
 * back), a popover with the newest notifications, links to the case or the answer, mark read. Escape or a
 * click outside closes it and gives focus back to the bell.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import type { MarkReadAnswer, Notification, NotificationsAnswer } from '../../core/api/alertRules.ts';
import './bell.css';

const POLL_MS = 45_000;
const METRICS: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

function useNotifications() {
  const [data, setData] = useState<NotificationsAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setData(await api.get<NotificationsAnswer>('/notifications?limit=20'));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = window.setInterval(() => { if (document.visibilityState === 'visible') void load(); }, POLL_MS);
    const onVisible = () => { if (document.visibilityState === 'visible') void load(); };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [load]);
  return { data, error, load, setData };
}

/** One line saying what happened (user-written parts are text nodes: React escapes them). */
function NotificationText({ n }: { n: Notification }) {
  const { t, num } = useI18n();
  const b = n.body as Record<string, any>;
  const s = (b.summary ?? {}) as Record<string, any>;
  const metric = METRICS[s.metric] ?? String(s.metric ?? '');
  const caseNo = (v: unknown) => (typeof v === 'number' ? num(v, 0) : '');
  let what: string;
  switch (n.kind) {
    case 'alert': {
      const trigger = String(b.trigger ?? '');
      if (trigger === 'low_score') what = t('bell.alert.low_score', { metric, score: typeof s.score === 'number' ? num(s.score) : '' });
      else if (trigger === 'comment_match') what = t('bell.alert.comment_match', { words: [...(s.keywords ?? []), ...(s.themes ?? [])].join(', ') });
      else if (trigger === 'sla_breach') what = t('bell.alert.sla_breach', { ticket: String(s.ticket ?? '') });
      else if (trigger === 'metric_drop') what = t('bell.alert.metric_drop', { metric, previous: num(Number(s.previous ?? 0)), current: num(Number(s.current ?? 0)) });
      else what = t('bell.alert.negative_review');
      return (
        <>
          <strong className="bell-rule" dir="auto">{String(b.ruleName ?? '')}</strong>
          <span>{what}</span>
          {b.location ? <span className="muted" dir="auto">{String(b.location)}</span> : null}
          {s.excerpt ? <q className="bell-excerpt" dir="auto">{String(s.excerpt)}</q> : null}
        </>
      );
    }
    case 'case_assigned':
      return <span>{t('bell.case_assigned', { number: caseNo(b.number), title: String(b.title ?? '') })}</span>;
    default:
      return <span>{t(`bell.${n.kind}` as 'bell.mention', { number: caseNo(b.number ?? b.caseNumber) })}</span>;
  }
}

export function NotificationBell() {
  const { t, num, date } = useI18n();
  const { data, error, load, setData } = useNotifications();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const headingId = useId();
  const unread = data?.unread ?? 0;

  const close = useCallback((focusBell: boolean) => {
    setOpen(false);
    if (focusBell) button.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    void load();
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') close(true); };
    const onClick = (e: MouseEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open, load, close]);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const answer = await api.post<MarkReadAnswer>('/notifications/read', body);
    if (data) {
      const ids = 'ids' in body ? new Set(body.ids) : null;
      setData({ unread: answer.unread, items: data.items.map((n) => (ids === null || ids.has(n.id) ? { ...n, read: true } : n)) });
    }
  };

  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('bell.button', { n: unread })}
        onClick={() => (open ? close(false) : setOpen(true))}
        data-testid="bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" /></svg>
        {unread > 0 && <span className="bell-count" aria-hidden="true" data-testid="bell-count">{unread > 99 ? '99+' : num(unread)}</span>}
      </button>
      {open && (
        <div ref={panel} id={panelId} className="bell-panel" role="dialog" aria-labelledby={headingId} tabIndex={-1}>
          <div className="bell-head">
            <h2 id={headingId}>{t('bell.title')}</h2>
            {unread > 0 && <button type="button" className="link-button" onClick={() => void markRead({ all: true })}>{t('bell.markAll')}</button>}
            <button type="button" className="link-button" onClick={() => close(true)}>{t('bell.close')}</button>
          </div>
          {error && <p role="alert" className="error">{t('bell.error', { message: error })}</p>}
          {data && data.items.length === 0 && <p className="muted bell-empty">{t('bell.empty')}</p>}
          <ul className="bell-list">
            {data?.items.map((n) => {
              const b = n.body as Record<string, any>;
              const link = n.caseId ? `/app/cases/${n.caseId}` : b.sourceKind === 'response' && b.sourceId ? `/app/responses/${b.sourceId}` : null;
              return (
                <li key={n.id} className={n.read ? 'read' : 'unread'} data-testid="notification">
                  <div className="bell-text">
                    {!n.read && <span className="visually-hidden">{t('bell.unread')}: </span>}
                    <NotificationText n={n} />
                    <time className="muted" dateTime={n.createdAt}>{date(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </div>
                  <div className="bell-actions">
                    {link && (
                      <Link to={link} onClick={() => { if (!n.read) void markRead({ ids: [n.id] }); close(false); }}>
                        {n.caseId ? t('bell.openCase', { number: typeof (b.caseNumber ?? b.number) === 'number' ? num(b.caseNumber ?? b.number, 0) : '' }) : t('bell.openResponse')}
                      </Link>
                    )}
                    {!n.read && <button type="button" className="link-button" onClick={() => void markRead({ ids: [n.id] })}>{t('bell.markRead')}</button>}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
