/** The demo surveys' website widget (docs/demo.md): the web shop may show the NPS prompt after checkout and the CSAT prompt on exit intent. */
import type { PoolClient } from '../connection.ts';
import { DEMO_WIDGET_ORIGIN } from '../../core/demo/widget.ts';
import { saveWidgetSettings } from '../surveys/widgetSettings.ts';
import type { DemoIds } from './insertDemoStructure.ts';

/** Allowed: the demo shop, and http://localhost:8080 for trying the snippet on a page of one's own. */
const ORIGINS = [DEMO_WIDGET_ORIGIN, 'http://localhost:8080'];

export async function setDemoWidgets(tx: PoolClient, ids: DemoIds): Promise<void> {
  const nps = ids.surveys.get('demo-nps');
  const csat = ids.surveys.get('demo-csat');
  if (nps) await saveWidgetSettings(tx, ids.orgId, nps.id, { origins: ORIGINS, delaySeconds: 5, exitIntent: false, urlPattern: '/checkout/*' });
  if (csat) await saveWidgetSettings(tx, ids.orgId, csat.id, { origins: ORIGINS, delaySeconds: null, exitIntent: true, urlPattern: null });
}
