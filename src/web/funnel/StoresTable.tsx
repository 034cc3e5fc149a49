/**
 * The stores of the funnel page beside NPS, wait complaints and the audit's checkout score, with the articles'
 * reading in plain words. Sortable from the keyboard (header buttons, aria-sort); the worst conversion first.
 */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';
import type { FunnelStoresAnswer } from '../../core/api/funnel.ts';
import { share } from './format.ts';

type Row = FunnelStoresAnswer['stores'][number];
type Column = 'name' | 'visitors' | 'captureRate' | 'conversion' | 'averageCheck' | 'nps' | 'waitShare' | 'checkout';

const VALUE: Record<Column, (r: Row) => number | string | null> = {
  name: (r) => r.name,
  visitors: (r) => r.visitors,
  captureRate: (r) => r.captureRate,
  conversion: (r) => r.conversion,
  averageCheck: (r) => r.averageCheck,
  nps: (r) => r.nps?.value ?? null,
  waitShare: (r) => r.waitShare,
  checkout: (r) => r.checkout?.score ?? null,
};

/** Rows by `col`; rows without a value always last. */
function sorted(rows: Row[], col: Column, desc: boolean): Row[] {
  return [...rows].sort((a, b) => {
    const x = VALUE[col](a);
    const y = VALUE[col](b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return desc ? -c : c;
  });
}

export function StoresTable({ answer }: { answer: FunnelStoresAnswer }) {
  const i = useI18n();
  const { t, num } = i;
  const [sort, setSort] = useState<{ col: Column; desc: boolean }>({ col: 'conversion', desc: false });
  if (answer.stores.length === 0) return <p className="muted">{t('fn.stores.none')}</p>;
  const rows = sorted(answer.stores, sort.col, sort.desc);
  const head = (col: Column, label: string, numeric = true) => {
    const active = sort.col === col;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}>
        <button type="button" className="link-button" onClick={() => setSort({ col, desc: active ? !sort.desc : false })}>
          {label}
          {active && <span aria-hidden="true">{sort.desc ? ' ▼' : ' ▲'}</span>}
        </button>
      </th>
    );
  };
  const reading = (r: Row) => {
    if (r.reading.unread) return t(`fn.read.${r.reading.unread}`);
    if (r.reading.findings.length === 0) return t('fn.read.ok');
    return r.reading.findings.map((f) => t(`fn.read.${f}`)).join(' ');
  };
  return (
    <>
      <p className="muted" data-testid="fn-median">{t('fn.stores.median', { capture: share(i, answer.median.captureRate), conversion: share(i, answer.median.conversion) })}</p>
      <div className="fn-scroll">
        <table className="fn-table" data-testid="fn-stores">
          <caption className="visually-hidden">{t('fn.stores.caption')}</caption>
          <thead>
            <tr>
              {head('name', t('fn.stores.store'), false)}
              {head('visitors', t('fn.stores.visitors'))}
              {head('captureRate', t('fn.stores.capture'))}
              {head('conversion', t('fn.stores.conversion'))}
              {head('averageCheck', t('fn.stores.averageCheck'))}
              {head('nps', t('fn.stores.nps'))}
              {head('waitShare', t('fn.stores.wait'))}
              {head('checkout', t('fn.stores.checkout'))}
              <th scope="col">{t('fn.stores.reading')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.locationId} data-testid="fn-store-row">
                <th scope="row">{r.name}</th>
                <td className="num">{r.visitors === null ? '—' : num(r.visitors, 0)}</td>
                <td className="num">{share(i, r.captureRate)}</td>
                <td className="num">{share(i, r.conversion)}</td>
                <td className="num">{r.averageCheck === null ? '—' : num(r.averageCheck, 2)}</td>
                <td className="num">{r.nps?.value == null ? '—' : num(r.nps.value, 0)}</td>
                <td className="num">{r.waitShare === null ? '—' : t('fn.stores.waitOf', { share: share(i, r.waitShare), n: r.negativeComments })}</td>
                <td className="num">{r.checkout?.score == null ? '—' : i.pct(r.checkout.score, 0)}</td>
                <td className="fn-reading">{reading(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
