import { Link, Outlet } from '@tanstack/react-router';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from './features/auth/session';
import { LiveStatus } from './features/live/LiveStatus';
import { useLiveEvents } from './features/live/useLiveEvents';
import { LanguagePicker } from './features/settings/LanguagePicker';

/** The signed-in frame: the top bar, the live stream, and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const live = useLiveEvents();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand-link">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.mainNav')} className="topnav">
          <Link to="/" activeOptions={{ exact: true }} className="topnav-link">
            {t('app.inbox')}
          </Link>
          {(me.role === 'LEAD' || me.role === 'ADMIN') && (
            <Link to="/lead" className="topnav-link">
              {t('app.lead')}
            </Link>
          )}
          {me.role === 'ADMIN' && (
            <Link to="/admin" className="topnav-link">
              {t('app.admin')}
            </Link>
          )}
        </nav>
        <LiveStatus status={live} />
        <span className="shortcut-hint muted">{t('shortcuts.hint')}</span>
        <MenuTrigger>
          <Button
            className="button subtle user-button"
            aria-label={t('app.userMenu', { name: me.name })}
          >
            {me.name} ▾
          </Button>
          <Popover className="popover">
            <Menu className="menu" onAction={(key) => key === 'signOut' && signOut.mutate()}>
              <MenuItem id="who" className="menu-item" isDisabled textValue={me.email}>
                {me.email}
              </MenuItem>
              <Separator className="separator" />
              <MenuItem id="signOut" className="menu-item">
                {t('auth.signOut')}
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
        <LanguagePicker />
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
