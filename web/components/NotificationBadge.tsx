/**
 * The number of unread notifications, for the menu item "Meldingen". The
 * visible pill shows the number only; screen readers hear "2 nieuw" as part
 * of the link's name ("Meldingen 2 nieuw"). Renders nothing when all is read.
 */
import { useI18n } from '../i18n/i18n';
import './safety.css';

export function NotificationBadge({ count }: { count: number }) {
  const { t } = useI18n();
  if (count <= 0) return null;
  const many = count > 99;
  return (
    <>
      <span className="samenspel-count-badge" aria-hidden="true">
        {many ? '99+' : count}
      </span>
      <span className="samenspel-visually-hidden"> {many ? t('notifications.badgeMany') : t('notifications.badge', { count })}</span>
    </>
  );
}
