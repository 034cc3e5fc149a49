/**
 * One dashboard chart: an ECharts SVG drawing with role="img" and a text summary, PNG / SVG / CSV
 * export buttons and a data table alternative that can be shown for keyboard and screen-reader users.
 */
import { useEffect, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { useI18n } from '../i18n.tsx';
import { chartPng, chartSvg, echarts, type EChartsInstance } from './echarts.ts';
import { download, downloadText } from '../download.ts';
import { safeFileName } from './fileName.ts';
import { toCsv, type CsvCell } from '../../core/text/csv.ts';

export interface ChartTable {
  caption: string;
  columns: string[];
  /** Raw values (numbers unformatted) — the CSV gets these; the table formats them for display. */
  rows: CsvCell[][];
}

export interface ChartProps {
  option: EChartsOption;
  /** One-sentence summary read by screen readers instead of the drawing. */
  summary: string;
  table: ChartTable;
  fileName: string;
  height?: number;
  /** Click on a data item (bar, point): receives the item's data index. */
  onItemClick?(dataIndex: number): void;
}

/** An exportable, accessible chart. */
export function Chart({ option, summary, table, fileName, height = 280, onItemClick }: ChartProps) {
  const { t, num, dir } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.((p as { dataIndex: number }).dataIndex));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const exportPng = () => {
    const box = el.current?.getBoundingClientRect();
    download(chartPng(option, Math.round(box?.width || 800), height), safeFileName(fileName, 'png'));
  };
  const exportSvg = () => {
    if (chart.current) downloadText(chartSvg(chart.current), 'image/svg+xml', safeFileName(fileName, 'svg'));
  };
  const exportCsv = () => downloadText(toCsv(table.columns, table.rows), 'text/csv;charset=utf-8', safeFileName(fileName, 'csv'));

  return (
    <figure className="chart" dir={dir}>
      <div className="chart-tools" role="group" aria-label={t('an.chart.export')}>
        <button type="button" className="secondary small" onClick={exportPng}>PNG</button>
        <button type="button" className="secondary small" onClick={exportSvg}>SVG</button>
        <button type="button" className="secondary small" onClick={exportCsv}>CSV</button>
        <button type="button" className="link-button small" aria-expanded={showTable} onClick={() => setShowTable((s) => !s)}>
          {showTable ? t('an.chart.hideTable') : t('an.chart.showTable')}
        </button>
      </div>
      {/* SVG text-anchor flips under an inherited rtl direction; the options mirror the chart instead. */}
      <div ref={el} className="chart-canvas" dir="ltr" role="img" aria-label={summary} style={{ blockSize: height }} />
      <div className={showTable ? 'chart-table' : 'visually-hidden'}>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, j) => (
                  <td key={j} className={typeof v === 'number' ? 'num' : undefined} dir={typeof v === 'string' ? 'auto' : undefined}>
                    {typeof v === 'number' ? num(v) : v === null || v === undefined ? '—' : String(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
