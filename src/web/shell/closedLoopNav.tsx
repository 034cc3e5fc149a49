/**
 * The closed-loop pages under one main-navigation entry: the entry itself (current on every closed-loop
 * page) and the tab bar shown above those pages, each tab only for a role that may open its page.
 */
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import type { Action } from '../../core/access/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages/en.ts';
import { useSession } from './session.tsx';

interface Tab { to: string; label: MessageKey; action: Action; end?: boolean }

// Inbox is current on a case page too (/app/cases/<id>), not on the report and letters beside it.
const TABS: readonly Tab[] = [
  { to: '/app/cases', label: 'cs.nav.inbox', action: 'case.read' },
  { to: '/app/cases/report', label: 'clr.nav.report', action: 'case.read' },
  { to: '/app/cases/letters', label: 'fl.nav', action: 'case.read' },
  { to: '/app/action-plans', label: 'clr.nav.plans', action: 'metrics.read' },
  { to: '/app/alerts', label: 'nav.alerts', action: 'alert.manage' },
];

const SUBPAGES = ['/app/cases/report', '/app/cases/letters'];

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

function tabCurrent(tab: Tab, pathname: string): boolean {
  if (tab.to === '/app/cases') return under(pathname, tab.to) && !SUBPAGES.some((p) => under(pathname, p));
  return under(pathname, tab.to);
}

function isClosedLoopPage(pathname: string): boolean {
  return TABS.some((tab) => under(pathname, tab.to));
}

function useTabs(): Tab[] {
  const { can } = useSession();
  return TABS.filter((tab) => can(tab.action));
}

/**
 * The main-navigation entry: "Cases" (the inbox) for a role that reads cases; a role that only reads the
 * action plans (a viewer) gets those under their own name rather than a "Cases" link that opens no case.
 */
export function ClosedLoopNavItem() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const tabs = useTabs();
  const first = tabs[0];
  if (!first) return null;
  const current = isClosedLoopPage(pathname);
  const label = first.to === '/app/cases' ? t('cs.nav') : t(first.label);
  return <Link to={first.to} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>{label}</Link>;
}

/** The tab bar above a closed-loop page (none when the role sees one closed-loop page only). */
export function ClosedLoopTabs() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const tabs = useTabs();
  const bar = useRef<HTMLElement>(null);
  // On a phone the row scrolls sideways: bring the current tab into view (Action plans, Alert rules are off-screen).
  useEffect(() => {
    const current = bar.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && bar.current && bar.current.scrollWidth > bar.current.clientWidth) current.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  if (!isClosedLoopPage(pathname) || tabs.length < 2) return null;
  return (
    <nav aria-label={t('cs.nav.sections')} className="subnav" ref={bar}>
      {tabs.map((tab) => {
        const current = tabCurrent(tab, pathname);
        return <Link key={tab.to} to={tab.to} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>{t(tab.label)}</Link>;
      })}
    </nav>
  );
}
