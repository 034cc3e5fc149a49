/**
 * /app/cases: the case inbox (docs/closed-loop.md "Cases"). Status chips with counts (open ones by
 * default), filters (owner, location, priority, channel, overdue, search) kept in the URL, the table with
 * overdue marked in text and colour, bulk changes of the selected cases, and "New case" (the complaints
 * book form).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, qs } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.tsx';
import { useSession } from '../shell/session.tsx';
import { useLoad } from '../components/useLoad.ts';
import { LiveStatus, ErrorMessage } from '../components/LiveStatus.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { withFilters, withOffset } from '../components/filterParams.ts';
import { useFilterDraft } from '../components/useFilterDraft.ts';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';
import type { CaseBulkAnswer, CaseListItem, CasePeopleAnswer, CasesAnswer } from '../../core/api/cases.ts';
import type { LocationsAnswer } from '../../core/api/locations.ts';
import { CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, OPEN_CASE_STATUSES } from '../../core/closedLoop/model.ts';
import { NewCaseForm } from './NewCaseForm.tsx';
import { DueCell, PriorityBadge, StatusTag } from './badges.tsx';
import './cases.css';

const PAGE = 50;
const FILTER_KEYS = ['status', 'owner', 'location', 'priority', 'channel', 'overdue', 'q'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const DEFAULT_STATUSES = OPEN_CASE_STATUSES.join(',');

export function CasesPage() {
  const { t, num } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) || undefined])) as Record<FilterKey, string | undefined>, [params]);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  // No status in the URL: the open ones; `all`: every status.
  const statusParam = filters.status ?? DEFAULT_STATUSES;
  const statuses = statusParam === 'all' ? [] : statusParam.split(',');
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const mayWork = can('case.work');

  const query = { ...filters, status: statuses.length ? statuses.join(',') : undefined, limit: PAGE, offset: offset || undefined, v: version || undefined };
  const list = useLoad<CasesAnswer>(`/cases${qs(query)}`);
  const people = useLoad<CasePeopleAnswer>('/cases/people');
  const locations = useLoad<LocationsAnswer>('/locations');

  const setFilters = (next: Partial<Record<FilterKey, string | undefined>>) => {
    setSelected([]);
    setParams((prev) => withFilters(prev, FILTER_KEYS, next));
  };
  const toggleStatus = (s: string) => {
    const next = statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s];
    setFilters({ status: next.length ? CASE_STATUSES.filter((x) => next.includes(x)).join(',') : 'all' });
  };
  const setOffset = (o: number) => setParams((prev) => withOffset(prev, o));
  const refresh = () => setVersion((v) => v + 1);
  const items = list.data?.items ?? [];
  const counts = list.data?.counts ?? {};
  const anyFilter = FILTER_KEYS.some((k) => k !== 'status' && filters[k]);

  return (
    <div className="an-page cs-page">
      <div className="an-page-head">
        <PageTitle title={t('cs.title')} />
        {mayWork && (
          <button type="button" className={creating ? 'secondary' : 'primary'} aria-expanded={creating} onClick={() => setCreating((v) => !v)} data-testid="new-case-toggle">
            {creating ? t('cs.form.cancel') : t('cs.new')}
          </button>
        )}
      </div>
      <p className="muted">{t('cs.intro')}</p>
      {creating && (
        <NewCaseForm
          locations={locations.data?.locations ?? []}
          onCreated={(c) => {
            setCreating(false);
            setStatus(t('cs.form.saved', { number: num(c.number, 0) }));
            refresh();
          }}
        />
      )}
      <div className="cs-chips" role="group" aria-label={t('cs.statusFilter')} data-testid="status-chips">
        <button type="button" className="cs-chip" aria-pressed={statuses.length === 0} onClick={() => setFilters({ status: 'all' })}>
          {t('cs.status.all')}
        </button>
        {CASE_STATUSES.map((s) => (
          <button key={s} type="button" className="cs-chip" aria-pressed={statuses.includes(s)} onClick={() => toggleStatus(s)} data-testid={`chip-${s}`}>
            {t(`cs.status.${s}` as MessageKey)} <span className="cs-count">{num(counts[s] ?? 0, 0)}</span>
          </button>
        ))}
      </div>
      <FilterForm
        key={params.toString()}
        filters={filters}
        people={people.data?.users ?? []}
        locations={locations.data?.locations ?? []}
        onApply={setFilters}
      />
      <LiveStatus message={status} kind="success" />
      {mayWork && selected.length > 0 && (
        <BulkBar
          ids={selected}
          people={people.data?.users ?? []}
          onDone={(n) => {
            setStatus(t('cs.bulk.done', { n }));
            setSelected([]);
            refresh();
          }}
        />
      )}
      {list.error && !list.loading && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data === null ? (!list.error && <Skeleton height={300} />) : (
        <section aria-busy={list.loading} className={list.loading ? 'an-reloading card' : 'card'}>
          {list.data.total === 0 ? (
            <p className="muted an-empty" data-testid="cases-empty">{anyFilter || filters.status ? t('cs.empty') : t('cs.none')}</p>
          ) : (
            <>
              <CaseTable items={items} selectable={mayWork} selected={selected} onSelect={setSelected} caption={t('cs.caption', { n: list.data.total })} />
              <nav className="rv-pager cs-pager" aria-label={t('cs.pages')}>
                <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('cs.prev')}</button>
                <span className="muted">{t('cs.pageOf', { from: num(offset + 1, 0), to: num(Math.min(list.data.total, offset + items.length), 0), total: num(list.data.total, 0) })}</span>
                <button type="button" className="secondary" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>{t('cs.next')}</button>
              </nav>
            </>
          )}
        </section>
      )}
    </div>
  );
}

function CaseTable({ items, selectable, selected, onSelect, caption }: {
  items: CaseListItem[];
  selectable: boolean;
  selected: string[];
  onSelect(ids: string[]): void;
  caption: string;
}) {
  const { t, num } = useI18n();
  const all = items.length > 0 && items.every((i) => selected.includes(i.id));
  const toggle = (id: string) => onSelect(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);
  return (
    <div className="cs-table-wrap">
      <table className="cs-table" data-testid="cases-table">
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="cs-select">
                <input type="checkbox" checked={all} aria-label={t('cs.bulk.selectAll')} onChange={() => onSelect(all ? [] : items.map((i) => i.id))} />
              </th>
            )}
            <th scope="col">{t('cs.col.number')}</th>
            <th scope="col">{t('cs.col.title')}</th>
            <th scope="col">{t('cs.col.customer')}</th>
            <th scope="col">{t('cs.col.store')}</th>
            <th scope="col">{t('cs.col.owner')}</th>
            <th scope="col">{t('cs.col.priority')}</th>
            <th scope="col">{t('cs.col.due')}</th>
            <th scope="col">{t('cs.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className={c.overdue ? 'cs-overdue' : undefined} data-testid="case-row">
              {selectable && (
                <td className="cs-select">
                  <input type="checkbox" checked={selected.includes(c.id)} aria-label={t('cs.bulk.selectOne', { number: num(c.number, 0) })} onChange={() => toggle(c.id)} />
                </td>
              )}
              <td className="cs-num" data-label={t('cs.col.number')}><bdi>#{num(c.number, 0)}</bdi></td>
              {/* Names in another script than the page (Russian names on a Persian page) are isolated: bidi would flip their «» and (). */}
              <td data-label={t('cs.col.title')}><Link to={`/app/cases/${c.id}`}><bdi>{c.title}</bdi></Link></td>
              <td data-label={t('cs.col.customer')}><bdi>{c.customerName ?? '—'}</bdi></td>
              <td data-label={t('cs.col.store')}>{c.location ? <bdi>{c.location.name}</bdi> : <span className="muted">{t('cs.noLocation')}</span>}</td>
              <td data-label={t('cs.col.owner')}>{c.owner?.name ?? c.team?.name ? <bdi>{c.owner?.name ?? c.team?.name}</bdi> : <span className="muted">{t('cs.unassigned')}</span>}</td>
              <td data-label={t('cs.col.priority')}><PriorityBadge priority={c.priority} /></td>
              <td data-label={t('cs.col.due')}><DueCell dueAt={c.dueAt} overdue={c.overdue} /></td>
              <td data-label={t('cs.col.status')}><StatusTag status={c.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Person = CasePeopleAnswer['users'][number];

function FilterForm({ filters, people, locations, onApply }: {
  filters: Record<FilterKey, string | undefined>;
  people: Person[];
  locations: LocationsAnswer['locations'];
  onApply(next: Partial<Record<FilterKey, string | undefined>>): void;
}) {
  const { t } = useI18n();
  const { draft, setDraft, set, submit } = useFilterDraft(filters, onApply);
  return (
    <form className="card cs-filters" onSubmit={submit} aria-label={t('cs.filters')} data-testid="case-filters">
      <label className="field">
        {t('cs.owner')}
        <select value={draft.owner ?? ''} onChange={set('owner')} data-testid="filter-owner">
          <option value="">{t('cs.owner.any')}</option>
          <option value="me">{t('cs.owner.me')}</option>
          <option value="unassigned">{t('cs.owner.unassigned')}</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="field">
        {t('cs.location')}
        <select value={draft.location ?? ''} onChange={set('location')}>
          <option value="">{t('cs.anyLocation')}</option>
          {locations.map((l) => <option key={l.id} value={l.id}>{'\u00a0'.repeat(l.depth * 2)}{l.name}</option>)}
        </select>
      </label>
      <label className="field">
        {t('cs.priority')}
        <select value={draft.priority ?? ''} onChange={set('priority')}>
          <option value="">{t('cs.anyPriority')}</option>
          {CASE_PRIORITIES.map((p) => <option key={p} value={p}>{t(`cs.priority.${p}` as MessageKey)}</option>)}
        </select>
      </label>
      <label className="field">
        {t('cs.channel')}
        <select value={draft.channel ?? ''} onChange={set('channel')}>
          <option value="">{t('cs.anyChannel')}</option>
          {CASE_CHANNELS.map((c) => <option key={c} value={c}>{t(`cs.channel.${c}` as MessageKey)}</option>)}
        </select>
      </label>
      <label className="field cs-check">
        <input type="checkbox" checked={draft.overdue === 'true'} onChange={(e) => setDraft((d) => ({ ...d, overdue: e.target.checked ? 'true' : undefined }))} />
        <span>{t('cs.overdueOnly')}</span>
      </label>
      <label className="field cs-search">
        {t('cs.search')}
        <input type="search" value={draft.q ?? ''} onChange={set('q')} placeholder={t('cs.searchHint')} data-testid="case-search" />
      </label>
      <div className="cs-filter-actions">
        <button type="submit" className="primary">{t('cs.apply')}</button>
        <button type="button" className="secondary" onClick={() => onApply({ owner: undefined, location: undefined, priority: undefined, channel: undefined, overdue: undefined, q: undefined })}>
          {t('cs.reset')}
        </button>
      </div>
    </form>
  );
}

function BulkBar({ ids, people, onDone }: { ids: string[]; people: Person[]; onDone(n: number): void }) {
  const { t } = useI18n();
  const [action, setAction] = useState<'assign' | 'status' | 'priority'>('assign');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options: { value: string; label: string }[] =
    action === 'assign'
      ? [{ value: '', label: t('cs.bulk.nobody') }, ...people.map((p) => ({ value: p.id, label: p.name }))]
      : action === 'status'
        ? CASE_STATUSES.filter((s) => s !== 'resolved').map((s) => ({ value: s, label: t(`cs.status.${s}` as MessageKey) }))
        : CASE_PRIORITIES.map((p) => ({ value: p, label: t(`cs.priority.${p}` as MessageKey) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const chosen = value || (action === 'assign' ? null : options[0].value);
      const res = await api.post<CaseBulkAnswer>('/cases/bulk', { ids, action, value: chosen });
      onDone(res.updated);
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof ApiError || err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card cs-bulk" onSubmit={submit} aria-label={t('cs.bulk.label')} data-testid="bulk-bar">
      <strong>{t('cs.bulk.selected', { n: ids.length })}</strong>
      <label className="field">
        {t('cs.bulk.action')}
        <select value={action} onChange={(e) => { setAction(e.target.value as typeof action); setValue(''); }}>
          <option value="assign">{t('cs.bulk.assign')}</option>
          <option value="status">{t('cs.bulk.status')}</option>
          <option value="priority">{t('cs.bulk.priority')}</option>
        </select>
      </label>
      <label className="field">
        {t('cs.bulk.value')}
        <select value={value} onChange={(e) => setValue(e.target.value)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy}>{t('cs.bulk.apply')}</button>
      <ErrorMessage message={error} />
    </form>
  );
}
