/**
 * The KPIs per agent, team, location, channel, category or priority, sortable by any column: the
 * headers are buttons (keyboard and screen readers) and the sorted one carries aria-sort.
 */
import { useState } from 'react';
import { qs } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { useLoad } from '../components/useLoad.ts';
import { Panel } from '../analytics/ui.tsx';
import type { SupportKpis, SupportKpisAnswer } from '../../core/api/supportKpis.ts';
import { SUPPORT_GROUPS, type SupportGroup } from '../../core/support/dashboardKpis.ts';
import { duration, share } from './format.ts';
import { FreshLoadable, SupportTable, type SupportFilters } from './load.tsx';

type I18n = ReturnType<typeof useI18n>;
type Row = SupportKpisAnswer['groups'][number];

interface Column {
  id: string;
  head: (i18n: I18n, days: number) => string;
  value: (k: SupportKpis) => number | null;
  show: (i18n: I18n, k: SupportKpis) => string;
}

const COLUMNS: Column[] = [
  { id: 'contacts', head: ({ t }) => t('sp.col.contacts'), value: (k) => k.contacts, show: (i, k) => i.num(k.contacts, 0) },
  { id: 'firstResponse', head: ({ t }) => t('sp.col.firstResponse'), value: (k) => k.first_response_median_s, show: (i, k) => duration(i, k.first_response_median_s) },
  { id: 'resolution', head: ({ t }) => t('sp.col.resolution'), value: (k) => k.first_resolution_median_s, show: (i, k) => duration(i, k.first_resolution_median_s) },
  { id: 'fullResolution', head: ({ t }) => t('sp.col.fullResolution'), value: (k) => k.resolution_median_s, show: (i, k) => duration(i, k.resolution_median_s) },
  { id: 'reopen', head: ({ t }) => t('sp.col.reopen'), value: (k) => k.reopen_rate, show: (i, k) => share(i, k.reopen_rate) },
  { id: 'oneTouch', head: ({ t }) => t('sp.col.oneTouch'), value: (k) => k.one_touch_rate, show: (i, k) => share(i, k.one_touch_rate) },
  { id: 'repeat', head: ({ t }, days) => t('sp.col.repeat', { days }), value: (k) => k.repeat_contact_rate, show: (i, k) => share(i, k.repeat_contact_rate) },
  { id: 'complaints', head: ({ t }) => t('sp.col.complaints'), value: (k) => k.complaints, show: (i, k) => (k.complaints === null ? i.t('sp.noValue') : i.num(k.complaints, 0)) },
  { id: 'sla', head: ({ t }) => t('sp.col.sla'), value: (k) => k.sla_attainment, show: (i, k) => share(i, k.sla_attainment) },
];

interface Sort {
  column: string;
  desc: boolean;
}

/** Rows in the order of `sort`: values without data last whichever the direction; names compare in the interface language. */
function sorted(rows: Row[], sort: Sort, lang: string): Row[] {
  const name = (r: Row) => r.label ?? '';
  const col = COLUMNS.find((c) => c.id === sort.column);
  return [...rows].sort((a, b) => {
    if (!col) return (sort.desc ? -1 : 1) * name(a).localeCompare(name(b), lang);
    const va = col.value(a.kpis);
    const vb = col.value(b.kpis);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return (sort.desc ? vb - va : va - vb) || name(a).localeCompare(name(b), lang);
  });
}

export function GroupTable({ filters }: { filters: SupportFilters }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [by, setBy] = useState<SupportGroup>('agent');
  const [sort, setSort] = useState<Sort>({ column: 'contacts', desc: true });
  const state = useLoad<SupportKpisAnswer>(`/support/kpis${qs({ ...filters, by })}`);
  const toggle = (column: string) => setSort((s) => (s.column === column ? { column, desc: !s.desc } : { column, desc: column !== 'name' }));
  const header = (id: string, text: string, numeric: boolean) => {
    const active = sort.column === id;
    return (
      <th key={id} scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}>
        <button type="button" className="sp-sort" onClick={() => toggle(id)} data-testid={`sp-sort-${id}`}>
          {text}
          <span aria-hidden="true" className="sp-sort-mark">{active ? (sort.desc ? '▼' : '▲') : '↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <Panel
      title={t('sp.table.title')}
      id="sp-groups"
      actions={
        <label className="inline">
          {t('sp.table.by')}{' '}
          <select value={by} onChange={(e) => setBy(SUPPORT_GROUPS.find((g) => g === e.target.value) ?? 'agent')} data-testid="sp-group-by">
            {SUPPORT_GROUPS.map((g) => <option key={g} value={g}>{t(`sp.by.${g}`)}</option>)}
          </select>
        </label>
      }
    >
      <FreshLoadable state={state} height={240}>
        {(data) => (
          <SupportTable testId="sp-group-table" caption={t('sp.table.caption', { group: t(`sp.by.${by}`) })}>
              <thead>
                <tr>
                  {header('name', t(`sp.by.${by}`), false)}
                  {COLUMNS.map((c) => header(c.id, c.head(i18n, data.kpis.repeat_window_s / 86_400), true))}
                </tr>
              </thead>
              <tbody>
                {sorted(data.groups, sort, lang).map((r) => (
                  <tr key={r.key}>
                    <th scope="row" dir="auto"><bdi>{r.label ?? t('sp.table.none')}</bdi></th>
                    {COLUMNS.map((c) => <td key={c.id} className="num">{c.show(i18n, r.kpis)}</td>)}
                  </tr>
                ))}
              </tbody>
          </SupportTable>
        )}
      </FreshLoadable>
    </Panel>
  );
}
