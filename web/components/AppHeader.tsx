/**
 * The page header: the samenspel name, the municipality the person works
 * in (or a switcher when there are several), language, and signing out.
 */
import { Button, PageHeader, Paragraph } from '@utrecht/component-library-react';
import { PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { navigate, RouterLink } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import { MunicipalitySwitch } from './MunicipalitySwitch';

export function AppHeader() {
  const { t } = useI18n();
  const { session, membership, config, signOut } = useSession();
  const announce = useAnnounce();
  const showSwitch = (session?.memberships.length ?? 0) > 1;

  const handleSignOut = async () => {
    try {
      await signOut();
      navigate(PATHS.home);
      announce(t('layout.signedOut'), 'info');
    } catch {
      announce(t('error.network'), 'error');
    }
  };

  return (
    <PageHeader className="samenspel-header">
      {config?.demoMode && (
        <div className="samenspel-demo-banner">
          <Paragraph className="samenspel-demo-banner__text">{t('layout.demoBanner')}</Paragraph>
        </div>
      )}
      <div className="utrecht-page-header__content samenspel-header__content">
        <div className="samenspel-brand">
          <RouterLink href={PATHS.home} className="samenspel-brand__link" aria-label={t('layout.homeLink')}>
            <svg className="samenspel-brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="12" cy="16" r="9" />
              <circle cx="20" cy="16" r="9" />
            </svg>
            <span className="samenspel-brand__name">{t('app.name')}</span>
          </RouterLink>
          {membership && !showSwitch && (
            <span className="samenspel-brand__municipality">{t('layout.municipalityOf', { name: membership.municipality.name })}</span>
          )}
        </div>
        <LanguageSwitch />
        {session && (
          <div className="samenspel-header__account">
            {showSwitch && <MunicipalitySwitch key={membership?.municipality.code} />}
            <span className="samenspel-header__user">
              {t('layout.signedInAs', { name: membership?.displayName ?? session.account.email })}
            </span>
            <Button appearance="secondary-action-button" onClick={() => void handleSignOut()}>
              {t('layout.signOut')}
            </Button>
          </div>
        )}
      </div>
    </PageHeader>
  );
}
