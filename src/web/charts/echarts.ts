/**
 * The ECharts runtime the dashboard needs (tree-shaken): SVG for the screen and for SVG export,
 * canvas only to render PNG exports off-screen.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';
import { removeXmlInvalidChars } from '../../core/text/xml.ts';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
export type EChartsInstance = ReturnType<typeof echarts.init>;

/**
 * SVG markup of the chart as shown (the on-screen instance uses the SVG renderer). ECharts escapes
 * markup in labels but keeps control characters, which no XML parser accepts (a respondent's
 * hidden-field value with U+0001 made the file unopenable); they can appear nowhere valid, so
 * they are removed from the whole document.
 */
export function chartSvg(chart: EChartsInstance): string {
  return removeXmlInvalidChars(chart.renderToSVGString());
}

/**
 * PNG data URL of the chart. The SVG renderer cannot rasterise, so the same option is drawn once
 * more by the canvas renderer in a detached element of the same size, at double pixel density.
 */
export function chartPng(option: EChartsOption, width: number, height: number): string {
  const el = document.createElement('div');
  el.style.cssText = `position:fixed;inset-inline-start:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.appendChild(el);
  const offscreen = echarts.init(el, null, { renderer: 'canvas', width, height });
  try {
    offscreen.setOption({ ...option, animation: false });
    return offscreen.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  } finally {
    offscreen.dispose();
    el.remove();
  }
}
