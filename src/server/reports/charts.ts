/**
 * @module Server-side charts (docs/reports.md): the dashboard's own ECharts option builders (src/core/charts)
 * rendered to SVG strings with ECharts' server-side rendering, for PDFs and HTML e-mails. The fonts named
 * cover Latin, Cyrillic and Persian (DejaVu Sans is installed with the server's Chromium).
 */
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { removeXmlInvalidChars } from '../../core/text/xml.ts';

/** Font list of server-rendered charts and report pages: DejaVu Sans covers Cyrillic and Arabic script (Persian). */
export const REPORT_FONTS = "'DejaVu Sans', 'Noto Sans', Vazirmatn, Tahoma, sans-serif";

/** The SVG markup of `option` drawn at width x height (no DOM): the same drawing as the dashboard's SVG renderer. */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, textStyle: { ...(option.textStyle as object), fontFamily: REPORT_FONTS } });
    // The options mirror the chart for right-to-left (src/core/charts); an inherited rtl direction (a Persian report
    // page is dir="rtl") would flip every text-anchor on top of that: legend entries ran over each other and off the right edge.
    return removeXmlInvalidChars(chart.renderToSVGString()).replace(/^<svg /, '<svg direction="ltr" style="direction:ltr" ');
  } finally {
    chart.dispose();
  }
}
