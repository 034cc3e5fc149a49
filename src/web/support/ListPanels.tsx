/** The repeat-contact drill-down (customers who came back, with their contacts) and the list of SLA breaches. */
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { Panel } from '../analytics/ui.tsx';
import type { SupportKpisAnswer, SupportRepeatsAnswer, SupportSlaBreachesAnswer } from '../../core/api/supportKpis.ts';
import { share } from './format.ts';
import { duration } from './format.ts';
import { FreshLoadable, SupportTable, type SupportFilters } from './load.tsx';

function useDateTime() {
  const { date } = useI18n();
  // Times in the organisation's calendar, as the filters count them.
  const timeZone = useSession().me?.org.timezone;
  return (iso: string) => date(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone });
}

export function RepeatsPanel({ filters }: { filters: SupportFilters }) {
  const { t } = useI18n();
  const when = useDateTime();
  const state = useLoad<SupportRepeatsAnswer>(`/support/repeats${qs({ ...filters, limit: 50 })}`);
  return (
    <Panel title={t('sp.repeats.title')} id="sp-repeats">
      <FreshLoadable state={state} height={160}>
        {(data) => (
          <>
            <p className="muted">{t('sp.repeats.intro', { days: data.repeat_window_s / 86_400 })}</p>
            {data.customers.length === 0 ? (
              <p className="muted an-empty-chart">{t('sp.repeats.none')}</p>
            ) : (
              <ul className="sp-repeats" data-testid="sp-repeats">
                {data.customers.map((c) => (
                  <li key={c.customer_key}>
                    <details>
                      <summary><bdi>{t('sp.repeats.customer', { key: c.customer_key, n: c.repeats })}</bdi></summary>
                      <ol className="sp-contacts">
                        {c.contacts.map((x) => (
                          <li key={x.id}>
                            <time dateTime={x.created_at}>{when(x.created_at)}</time>
                            <span className="badge"><bdi>{x.external_id}</bdi></span>
                            {x.channel && <span><bdi>{x.channel}</bdi></span>}
                            {x.category && <span className="badge"><bdi>{x.category}</bdi></span>}
                            {x.subject && <span dir="auto" className="sp-subject">{x.subject}</span>}
                            {x.location && <span className="muted"><bdi>{x.location}</bdi></span>}
                          </li>
                        ))}
                      </ol>
                    </details>
                  </li>
                ))}
              </ul>
            )}
            {data.truncated && <p className="muted">{t('sp.repeats.more')}</p>}
          </>
        )}
      </FreshLoadable>
    </Panel>
  );
}

/** @param byPriority SLA attainment per priority of the same filters (null while it loads) */
export function SlaBreachesPanel({ filters, byPriority }: { filters: SupportFilters; byPriority: SupportKpisAnswer['sla_by_priority'] | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const when = useDateTime();
  const state = useLoad<SupportSlaBreachesAnswer>(`/support/sla-breaches${qs({ ...filters, limit: 25 })}`);
  const dur = (s: number | null) => (s === null ? t('sp.notYet') : duration(i18n, s));
  return (
    <Panel title={t('sp.breaches.title')} id="sp-breaches">
      {byPriority && (byPriority.length === 0 ? (
        <p className="muted">{t('sp.breaches.noTargets')}</p>
      ) : (
        <ul className="sp-sla" aria-label={t('sp.breaches.byPriority')} data-testid="sp-sla-priority">
          {byPriority.map((p) => (
            <li key={p.priority}>{t('sp.breaches.priority', { priority: p.priority, value: share(i18n, p.attainment), met: p.met, total: p.judged })}</li>
          ))}
        </ul>
      ))}
      <FreshLoadable state={state} height={160}>
        {(data) =>
          data.breaches.length === 0 ? (
            <p className="muted an-empty-chart">{t('sp.breaches.none')}</p>
          ) : (
            <>
              <SupportTable testId="sp-breaches" caption={t('sp.breaches.title')} wide>
                <thead>
                  <tr>
                    <th scope="col">{t('sp.col.created')}</th>
                    <th scope="col">{t('sp.col.ticket')}</th>
                    <th scope="col">{t('sp.priority')}</th>
                    <th scope="col">{t('sp.col.agent')}</th>
                    <th scope="col">{t('sp.col.missed')}</th>
                    <th scope="col">{t('sp.col.location')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.breaches.map((b) => (
                    <tr key={b.id}>
                      <td><time dateTime={b.created_at}>{when(b.created_at)}</time></td>
                      <th scope="row"><bdi>{b.external_id}</bdi>{b.subject && <span className="muted sp-subject" dir="auto">{b.subject}</span>}</th>
                      <td><bdi>{b.priority}</bdi></td>
                      <td><bdi>{b.agent ?? '—'}</bdi></td>
                      <td>
                        {b.missed.map((m) => (
                          <span key={m} className="sp-missed">
                            {m === 'first_response'
                              ? t('sp.missed.first_response', { actual: dur(b.first_response_s), target: duration(i18n, b.first_response_target_s) })
                              : t('sp.missed.resolution', { actual: dur(b.resolution_s), target: duration(i18n, b.resolution_target_s) })}
                          </span>
                        ))}
                      </td>
                      <td><bdi>{b.location ?? '—'}</bdi></td>
                    </tr>
                  ))}
                </tbody>
              </SupportTable>
              {data.truncated && <p className="muted">{t('sp.breaches.more')}</p>}
            </>
          )
        }
      </FreshLoadable>
    </Panel>
  );
}
