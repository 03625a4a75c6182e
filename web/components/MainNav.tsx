/** The main menu: only the pages the person's roles allow. */
import { NavBar, NavList, NavListLink } from '@utrecht/component-library-react';
import { isCurrent, navigationFor, PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';
import { handleLinkClick, useLocation } from '../router';
import { NotificationBadge } from './NotificationBadge';
import { useUnreadCount } from './notifications';

export function MainNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { state, roles, config, membership } = useSession();
  const items = navigationFor({ signedIn: state.status === 'signedIn', roles, demoMode: config?.demoMode ?? false });
  // Asked again on every navigation, not on a timer.
  const unread = useUnreadCount(state.status === 'signedIn' ? (membership?.municipality.code ?? null) : null, pathname);

  return (
    <NavBar aria-label={t('layout.mainNav')} className="samenspel-nav">
      <NavList>
        {items.map((item) => (
          <NavListLink
            key={item.href}
            href={item.href}
            aria-current={isCurrent(item.href, pathname) ? 'page' : undefined}
            onClick={(event) => handleLinkClick(event, item.href)}
          >
            {t(item.label)}
            {item.href === PATHS.notifications && <NotificationBadge count={unread} />}
          </NavListLink>
        ))}
      </NavList>
    </NavBar>
  );
}
