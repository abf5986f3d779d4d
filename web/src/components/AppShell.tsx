import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSignOut } from '../features/auth/session-hooks';
import { countDrafts } from '../features/submissions/editor/drafts';
import { useUnreadCount } from '../features/inbox/inbox-hooks';
import { ConfirmDialog } from './ConfirmDialog';
import { OfflineNotice } from './OfflineNotice';

/** Header with the navigation (a menu button on phones), a skip link, and the page below. */
export function AppShell({ userId, userName, isAdmin }: { userId: string; userName: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const signOut = useSignOut();
  const [unsaved, setUnsaved] = useState(0);
  const unread = useUnreadCount();
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setOpen(false);
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-bar">
          <NavLink to="/" className="brand">
            {t('common.appName')}
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={open}
            aria-controls="main-nav"
            onClick={() => setOpen(!open)}
          >
            {t('nav.menu')}
          </button>
        </div>
        <nav id="main-nav" aria-label={t('nav.label')} className={open ? 'main-nav open' : 'main-nav'}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.dashboard')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/opportunities">{t('board.title')}</NavLink>
            </li>
            <li>
              <NavLink to="/submissions">{t('submission-page.list.title')}</NavLink>
            </li>
            <li>
              <NavLink to="/reviews">{t('nav.followUp')}</NavLink>
            </li>
            <li>
              <NavLink to="/deadlines">{t('nav.deadlines')}</NavLink>
            </li>
            <li>
              <NavLink to="/inbox">
                {t('nav.inbox')}
                {unread > 0 && (
                  <span className="count" aria-label={t('nav.unread', { count: unread })}>
                    {unread}
                  </span>
                )}
              </NavLink>
            </li>
            <li>
              <NavLink to="/profile">{t('nav.profile')}</NavLink>
            </li>
            {isAdmin && (
              <>
                <li>
                  <NavLink to="/admin/users">{t('nav.people')}</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/organizations">{t('nav.organizations')}</NavLink>
                </li>
              </>
            )}
          </ul>
          <div className="nav-user">
            <span translate="no">{userName}</span>
            <button
              type="button"
              className="button-link"
              onClick={() => {
                const drafts = countDrafts(userId);
                if (drafts) setUnsaved(drafts);
                else signOut.mutate();
              }}
            >
              {t('nav.signOut')}
            </button>
          </div>
        </nav>
      </header>
      {unsaved > 0 && (
        <ConfirmDialog
          title={t('nav.signOutDraftsTitle')}
          confirmLabel={t('nav.signOutDiscard')}
          pending={signOut.isPending}
          onCancel={() => setUnsaved(0)}
          onConfirm={() => signOut.mutate()}
        >
          <p>{t('nav.signOutDrafts', { count: unsaved })}</p>
        </ConfirmDialog>
      )}
      <OfflineNotice />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
