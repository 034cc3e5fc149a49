/**
 * /app/outbox: the messages kept by the server (GET /outbox): every message when no SMTP server is
 * set up, and the record of what was e-mailed otherwise. Location-limited admins see their own only.
 */
import { useI18n } from '../../i18n.tsx';
import { EmptyState, ErrorMessage, Loading, PageTitle, useLoad } from '../../components/index.ts';
import type { OutboxAnswer } from '../../../core/api/users.ts';
import './invites.css';


export function OutboxPage() {
  const { t, date } = useI18n();
  const outbox = useLoad<OutboxAnswer>('/outbox');
  const list = outbox.data?.messages ?? null;
  return (
    <section className="waves-page">
      <PageTitle title={t('inv.outbox.title')} />
      <p className="muted">{t('inv.outbox.intro')}</p>
      <ErrorMessage message={outbox.error ? t('shell.error', { message: outbox.error.message }) : null} />
      {outbox.loading && !list && <Loading lines={4} />}
      {list && list.length === 0 && <EmptyState title={t('inv.outbox.none')}><p>{t('inv.outbox.intro')}</p></EmptyState>}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="outbox-table">
            <caption>{t('inv.outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inv.outbox.to')}</th>
                <th scope="col">{t('inv.outbox.subject')}</th>
                <th scope="col">{t('inv.outbox.created')}</th>
                <th scope="col">{t('inv.outbox.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id}>
                  <th scope="row" dir="ltr">{m.to}</th>
                  <td dir="auto">
                    <details>
                      <summary>{m.subject}</summary>
                      <div className="outbox-body" dir="auto">{m.body}</div>
                    </details>
                  </td>
                  <td>{date(m.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>{m.sentAt ? t('inv.outbox.emailed') : t('inv.outbox.kept')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
