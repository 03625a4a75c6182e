/** The page footer: what samenspel is, and which version runs. */
import { Heading2, PageFooter, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';

export function AppFooter() {
  const { t } = useI18n();
  const { config } = useSession();
  return (
    <PageFooter className="samenspel-footer">
      <div className="utrecht-page-footer__content">
        <Heading2 className="samenspel-footer__heading">{t('layout.footer.heading')}</Heading2>
        <Paragraph>{t('layout.footer.about')}</Paragraph>
        {config?.version && <Paragraph appearance="small">{t('layout.footer.version', { version: config.version })}</Paragraph>}
      </div>
    </PageFooter>
  );
}
