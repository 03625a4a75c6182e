/** The 404 page, for any address the app does not know. */
import { Paragraph } from '@utrecht/component-library-react';
import { PATHS } from '../app/navigation';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { RouterLink } from '../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <RouterLink href={PATHS.home}>{t('notFound.home')}</RouterLink>
      </Paragraph>
    </>
  );
}
