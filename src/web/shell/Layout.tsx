import { lazy, Suspense, useEffect } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { isLanguage, LANGUAGES, nativeName } from '../../core/i18n/languages.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from './session.tsx';
import { ClosedLoopNavItem, ClosedLoopTabs } from './closedLoopNav.tsx';
import { AuditsNavItem, AuditsTabs } from './auditsNav.tsx';
import { SectionNavLink, under, useCurrentLinkInView } from './sectionNav.tsx';

// The bell (its polling and popover) comes just after the first view; its texts are in the first view's catalogue.
const NotificationBell = lazy(() => import('../alerts/NotificationBell.tsx').then((m) => ({ default: m.NotificationBell })));

const AUDIT_LOG = '/app/settings/audit-log';

export function Layout() {
  const { t, lang, setLang } = useI18n();
  const { me, can, refresh } = useSession();
  const navigate = useNavigate();
  const nav = useCurrentLinkInView<HTMLElement>();
  const { pathname } = useLocation();
  // The interface language in use is also the account's: e-mails this user sends (invitations) are written in it.
  const savedLocale = me?.user.locale;
  useEffect(() => {
    if (savedLocale && savedLocale !== lang) void api.patch('/me', { locale: lang }).catch(() => {});
  }, [savedLocale, lang]);
  const signOut = async () => {
    await api.post('/auth/logout');
    await refresh();
    navigate('/login');
  };
  return (
    <div className="layout">
      <a className="skip-link" href="#main">{t('shell.skip')}</a>
      <header className="topbar">
        <strong className="brand">{t('app.name')}</strong>
        <span className="org-name">{me?.org.name}</span>
        <nav aria-label={t('nav.main')} className="mainnav" ref={nav}>
          {can('metrics.read') && <NavLink to="/app" end>{t('nav.overview')}</NavLink>}
          {can('survey.read') && <NavLink to="/app/surveys">{t('nav.surveys')}</NavLink>}
          {can('survey.edit') && <NavLink to="/app/waves">{t('nav.waves')}</NavLink>}
          {can('response.exclude') && <NavLink to="/app/validation">{t('nav.validation')}</NavLink>}
          {can('response.read') && <NavLink to="/app/reviews">{t('rv.nav')}</NavLink>}
          {can('metrics.read') && <NavLink to="/app/support">{t('sp.nav')}</NavLink>}
          <ClosedLoopNavItem />
          <AuditsNavItem />
          {/* their tab bars come with their pages (src/web/shell/staffPages.tsx) */}
          {can('metrics.read') && <NavLink to="/app/staff">{t('sv.nav')}</NavLink>}
          {can('metrics.read') && <NavLink to="/app/stores">{t('st.nav')}</NavLink>}
          {can('report.manage') && <NavLink to="/app/reports">{t('rpt.nav')}</NavLink>}
          {can('location.read') && <NavLink to="/app/locations">{t('nav.locations')}</NavLink>}
          {can('contact.read') && <NavLink to="/app/contacts">{t('nav.contacts')}</NavLink>}
          {can('user.manage') && <NavLink to="/app/users">{t('nav.users')}</NavLink>}
          {/* The audit log lives under /app/settings but has its own entry: only one of them is the current page. */}
          {can('org.manage') && <SectionNavLink to="/app/settings" label={t('nav.settings')} current={under(pathname, '/app/settings') && !under(pathname, AUDIT_LOG)} />}
          {can('link.share') && <NavLink to="/app/shared-links">{t('nav.sharedLinks')}</NavLink>}
          {can('auditlog.read') && <NavLink to={AUDIT_LOG}>{t('nav.auditLog')}</NavLink>}
          <NavLink to="/app/account">{t('nav.account')}</NavLink>
        </nav>
        <label className="lang-select">
          <span className="visually-hidden">{t('shell.language')}</span>
          <select value={lang} onChange={(e) => { if (isLanguage(e.target.value)) setLang(e.target.value); }} aria-label={t('shell.language')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>{nativeName(l)}</option>
            ))}
          </select>
        </label>
        <Suspense fallback={null}><NotificationBell /></Suspense>
        <span className="user-email">{me?.user.email}</span>
        <button type="button" className="link-button" onClick={signOut}>{t('shell.signOut')}</button>
      </header>
      <main id="main" tabIndex={-1}>
        <ClosedLoopTabs />
        <AuditsTabs />
        <Outlet />
      </main>
    </div>
  );
}
