/**
 * Switches between Dutch and English. The button names the other language
 * in that language ("English" / "Nederlands"), marked with its own `lang`
 * so screen readers pronounce it right.
 */
import { Button } from '@utrecht/component-library-react';
import { useAnnounce } from '../app/status';
import { useSession } from '../app/session';
import { en } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { nl } from '../i18n/nl';

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const announce = useAnnounce();
  const next = locale === 'nl' ? 'en' : 'nl';
  return (
    <Button
      appearance="subtle-button"
      lang={t('language.switchToLang')}
      className="samenspel-header__language"
      onClick={() => {
        changeLocale(next);
        // Confirm in the new language: that is what the page now speaks.
        announce((next === 'en' ? en : nl)['language.changed'], 'info');
      }}
    >
      {t('language.switchTo')}
    </Button>
  );
}
