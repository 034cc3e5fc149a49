/**
 * The home page's "what changed" (docs/home.md), above the overview's survey cards: the period rule (in the URL as
 * `period`), headline metrics with their change against the previous period (an arrow only when the change is
 * significant, and always a text saying so), the locations that moved significantly, the themes that grew, cases,
 * the worst audit items, support KPIs and the pinned views. A chunk of its own, with its messages.
 */
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { qs } from '../api.ts';
import { useLoad } from '../components/useLoad.ts';
import { Loadable, MetricValue } from '../analytics/ui.tsx';
import { changeArrow } from '../analytics/compare.ts';
import { metricFigure } from '../analytics/metricDetails.ts';
import { localize } from '../../core/surveys/localize.ts';
import type { HomeAnswer, HomeHeadline, HomeMover, HomeSupportFigures, HomeTheme } from '../../core/api/home.ts';
import type { MetricResult } from '../analytics/types.ts';
import './home.css';

const RULES = ['last_7_days', 'last_week', 'last_30_days', 'last_month', 'month_to_date', 'quarter_to_date', 'last_quarter', 'yesterday'] as const;
type Rule = (typeof RULES)[number];
const DEFAULT_RULE: Rule = 'last_30_days';

export function HomeSections() {
  const { t, date, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period: Rule = (RULES as readonly string[]).includes(asked ?? '') ? (asked as Rule) : DEFAULT_RULE;
  const state = useLoad<HomeAnswer>(`/home${qs({ period, lang })}`);
  const day = (d: string) => date(`${d}T00:00:00`);
  const choose = (rule: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (rule === DEFAULT_RULE) next.delete('period');
    else next.set('period', rule);
    return next;
  });
  return (
    <section className="home" aria-labelledby="home-title" data-testid="home">
      <div className="an-page-head">
        <h2 id="home-title">{t('home.title')}</h2>
        <label className="home-period">
          {t('home.periodLabel')}{' '}
          <select value={period} onChange={(e) => choose(e.target.value)} data-testid="home-period">
            {RULES.map((r) => <option key={r} value={r}>{t(`home.rule.${r}`)}</option>)}
          </select>
        </label>
      </div>
      <Loadable state={state} height={240}>
        {(h) => (
          <>
            <p className="muted" aria-live="polite" data-testid="home-window">
              {t('home.window', { from: day(h.window.from), to: day(h.window.to), pfrom: day(h.previous.from), pto: day(h.previous.to) })}
            </p>
            {h.pinned.length > 0 && (
              <section className="card home-card" aria-labelledby="home-pinned">
                <h3 id="home-pinned">{t('home.pinned')}</h3>
                <ul className="home-list">
                  {h.pinned.map((v) => <li key={v.id}><Link to={v.url}>{v.name}</Link> <span className="muted">{v.surveyName}</span></li>)}
                </ul>
              </section>
            )}
            <Headlines h={h} />
            <div className="grid home-grid">
              <Movers h={h} />
              {h.themes && <Themes themes={h.themes} />}
              {h.cases && <Cases cases={h.cases} />}
              {h.audits && <Audits items={h.audits.items} />}
              {h.support && <Support current={h.support.current} previous={h.support.previous} />}
            </div>
          </>
        )}
      </Loadable>
    </section>
  );
}

/** "up 12 points, significant" with ↑ (hidden from screen readers, the words say it), or the change without an arrow. */
export function ChangeText({ result, change }: { result: MetricResult; change: HomeHeadline['change'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (change.diff === null) return <span className="home-change muted">{t('home.noChange')}</span>;
  const arrow = changeArrow(change);
  const d = metricFigure(result, Math.abs(change.diff), i18n);
  const signed = metricFigure(result, change.diff, i18n);
  const text = arrow === null ? t('home.notSig', { d: signed }) : t(change.diff > 0 ? 'home.up' : 'home.down', { d });
  return (
    <span className={`home-change${arrow ? (change.diff > 0 ? ' up' : ' down') : ''}`} data-testid="home-change" data-significant={arrow ? 'yes' : 'no'}>
      {arrow && <span className="home-arrow" aria-hidden="true" data-testid="home-arrow">{arrow} </span>}
      {text}
    </span>
  );
}

function figure(r: MetricResult | null, i18n: ReturnType<typeof useI18n>): string {
  if (!r || r.value === null) return '–';
  return r.metric === 'csat' ? i18n.pct(r.value, 1) : metricFigure(r, r.value, i18n);
}

function Headlines({ h }: { h: HomeAnswer }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const shown = h.surveys.filter((s) => s.headlines.length > 0 && s.responses + s.previousResponses > 0);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="home-headlines">
      <h3 id="home-headlines">{t('home.headlines')}</h3>
      <ul className="grid an-cards">
        {shown.map((s) => (
          <li key={s.surveyId} className="card home-card" data-testid="home-survey">
            <h4><Link to={`/app/surveys/${encodeURIComponent(s.surveyId)}`}>{s.name}</Link></h4>
            <p className="muted">{t('home.responses', { n: s.responses, p: num(s.previousResponses, 0) })}</p>
            <dl className="an-headlines">
              {s.headlines.map((x) => (
                <div key={x.questionId} data-testid={`home-headline-${x.metric}`}>
                  <dt>{t(`an.metric.${x.metric}`)}</dt>
                  <dd>
                    <MetricValue result={x.current} />
                    <span className="home-line"><ChangeText result={x.current} change={x.change} /></span>
                    <span className="home-line muted">{t('home.previous', { v: figure(x.previous, i18n) })}</span>
                    {x.company && <span className="home-line muted" data-testid="home-company">{t('home.company', { v: figure(x.company, i18n) })}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Movers({ h }: { h: HomeAnswer }) {
  const { t } = useI18n();
  if (!h.focus) return null;
  const none = h.movers.up.length === 0 && h.movers.down.length === 0;
  return (
    <section className="card home-card" aria-labelledby="home-movers" data-testid="home-movers">
      <h3 id="home-movers">{t('home.movers')}</h3>
      <p className="muted">{t('home.moversOf', { metric: t(`an.metric.${h.focus.metric}`), survey: h.focus.name })}</p>
      {none ? <p className="muted">{t('home.moversNone')}</p> : (
        <>
          {h.movers.up.length > 0 && <MoverList title={t('home.moversUp')} id="home-up" rows={h.movers.up} />}
          {h.movers.down.length > 0 && <MoverList title={t('home.moversDown')} id="home-down" rows={h.movers.down} />}
        </>
      )}
    </section>
  );
}

function MoverList({ title, id, rows }: { title: string; id: string; rows: HomeMover[] }) {
  const i18n = useI18n();
  return (
    <>
      <h4 id={id}>{title}</h4>
      <ul className="home-list" aria-labelledby={id} data-testid={id}>
        {rows.map((m) => (
          <li key={m.locationId}>
            <span dir="auto">{i18n.t('home.mover', { name: m.name, value: figure(m.current, i18n), previous: figure(m.previous, i18n) })}</span>{' '}
            <ChangeText result={m.current} change={m.change} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Themes({ themes }: { themes: HomeTheme[] }) {
  const { t, pct, lang } = useI18n();
  return (
    <section className="card home-card" aria-labelledby="home-themes" data-testid="home-themes">
      <h3 id="home-themes">{t('home.themes')}</h3>
      {themes.length === 0 ? <p className="muted">{t('home.themesNone')}</p> : (
        <ul className="home-list">
          {themes.map((x) => (
            <li key={x.theme}>
              <strong dir="auto">{localize(x.names, lang, 'en') || x.theme}</strong>{' '}
              {t('home.theme', { share: pct(x.current.share, 1), previous: pct(x.previous.share, 1), n: x.current.n })}{' '}
              <ChangeText result={{ metric: 'share' } as MetricResult} change={x.change} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Cases({ cases }: { cases: NonNullable<HomeAnswer['cases']> }) {
  const { t, num } = useI18n();
  return (
    <section className="card home-card" aria-labelledby="home-cases" data-testid="home-cases">
      <h3 id="home-cases"><Link to="/app/cases">{t('home.cases')}</Link></h3>
      <p>{t('home.casesOpen', { n: cases.open })}{t('shell.sep')}<span className={cases.overdue > 0 ? 'home-overdue' : undefined}>{t('home.casesOverdue', { n: cases.overdue })}</span></p>
      <p className="muted">{t('home.casesPeriod', { created: num(cases.created, 0), resolved: num(cases.resolved, 0) })}</p>
    </section>
  );
}

function Audits({ items }: { items: NonNullable<HomeAnswer['audits']>['items'] }) {
  const { t, num, pct } = useI18n();
  return (
    <section className="card home-card" aria-labelledby="home-audits" data-testid="home-audits">
      <h3 id="home-audits">{t('home.audits')}</h3>
      {items.length === 0 ? <p className="muted">{t('home.auditsNone')}</p> : (
        <ol className="home-list">
          {items.map((i) => (
            <li key={`${i.checklistId}/${i.key}`}>
              <span dir="auto">{i.text}</span>{i.critical && <span className="badge">{t('home.critical')}</span>}{' '}
              <span className="muted">{t('home.auditItem', { failed: num(i.failed, 0), applicable: num(i.applicable, 0), rate: pct(i.failRate, 0) })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Support({ current, previous }: { current: HomeSupportFigures; previous: HomeSupportFigures }) {
  const { t, num, pct } = useI18n();
  const hours = (s: number | null) => (s === null ? '–' : t('home.hours', { h: num(s / 3600, 1) }));
  const share = (v: number | null) => (v === null ? '–' : pct(100 * v, 1));
  const rows: Array<[string, (f: HomeSupportFigures) => string]> = [
    ['home.supportContacts', (f) => num(f.contacts, 0)],
    ['home.supportFrt', (f) => hours(f.first_response_median_s)],
    ['home.supportReopen', (f) => share(f.reopen_rate)],
    ['home.supportRepeat', (f) => share(f.repeat_contact_rate)],
  ];
  return (
    <section className="card home-card" aria-labelledby="home-support" data-testid="home-support">
      <h3 id="home-support"><Link to="/app/support">{t('home.support')}</Link></h3>
      <table>
        <thead><tr><td /><th scope="col" className="num">{t('home.supportNow')}</th><th scope="col" className="num">{t('home.supportBefore')}</th></tr></thead>
        <tbody>
          {rows.map(([key, f]) => <tr key={key}><th scope="row">{t(key as 'home.supportContacts')}</th><td className="num">{f(current)}</td><td className="num">{f(previous)}</td></tr>)}
        </tbody>
      </table>
    </section>
  );
}
