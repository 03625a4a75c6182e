/**
 * "Naar de inhoud": the first Tab stop on every page. It moves focus to
 * <main> by script instead of following `#inhoud`, so the address keeps its
 * fragment (the password reset link carries its token there).
 */
import { SkipLink } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';

export const MAIN_ID = 'inhoud';

export function SkipToContent() {
  const { t } = useI18n();
  // NL Design System wraps the link in a <p>; the wrapper lets the theme drop its margins.
  return (
    <div className="samenspel-skip-link">
      <SkipLink
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          const main = document.getElementById(MAIN_ID);
          if (!main) return;
          event.preventDefault();
          main.focus();
          main.scrollIntoView();
        }}
      >
        {t('layout.skipLink')}
      </SkipLink>
    </div>
  );
}
