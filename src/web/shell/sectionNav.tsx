/**
 * A group of pages under one main-navigation entry (the closed loop, audits): the tabs a role may open and
 * the tab bar shown above those pages.
 */
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import type { Action } from '../../core/access/index.ts';
import { useI18n } from '../i18n.tsx';
import type { MessageKey } from '../messages/en.ts';
import { useSession } from './session.tsx';

export interface SectionTab { to: string; label: MessageKey; action: Action }

/** True on `prefix` itself and on its sub-pages. */
export function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The tabs the signed-in role may open. */
export function useSectionTabs(tabs: readonly SectionTab[]): SectionTab[] {
  const { can } = useSession();
  return tabs.filter((tab) => can(tab.action));
}

/** The main-navigation link to a section's first page, current on every page of the section. */
export function SectionNavLink({ to, label, current }: { to: string; label: string; current: boolean }) {
  return <Link to={to} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>{label}</Link>;
}

/**
 * For a row of links that scrolls sideways on a phone (the main navigation, a section's tabs): after each
 * navigation, the current link is scrolled into view, so the row never hides where you are.
 * @returns the ref to put on the row
 */
export function useCurrentLinkInView<T extends HTMLElement>() {
  const { pathname } = useLocation();
  const row = useRef<T>(null);
  useEffect(() => {
    const el = row.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    // Only the row scrolls: scrollIntoView would also scroll the page to the header.
    if (!el || !current || el.scrollWidth <= el.clientWidth) return;
    const box = el.getBoundingClientRect();
    const link = current.getBoundingClientRect();
    if (link.left < box.left) el.scrollLeft -= box.left - link.left;
    else if (link.right > box.right) el.scrollLeft += link.right - box.right;
  }, [pathname]);
  return row;
}

/** The tab bar above a section's page (none off the section, or when the role sees one page of it only). */
export function SectionTabBar({ tabs, inSection, isCurrent, label }: {
  tabs: readonly SectionTab[];
  inSection: (pathname: string) => boolean;
  isCurrent: (tab: SectionTab, pathname: string) => boolean;
  label: MessageKey;
}) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const bar = useCurrentLinkInView<HTMLElement>();
  if (!inSection(pathname) || tabs.length < 2) return null;
  return (
    <nav aria-label={t(label)} className="subnav" ref={bar}>
      {tabs.map((tab) => <SectionNavLink key={tab.to} to={tab.to} label={t(tab.label)} current={isCurrent(tab, pathname)} />)}
    </nav>
  );
}
