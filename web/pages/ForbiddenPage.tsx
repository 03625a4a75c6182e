/** "Geen toegang": signed in, but without the role this page needs. */
import { Paragraph } from '@utrecht/component-library-react';
import { PATHS } from '../app/navigation';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { RouterLink } from '../router';

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <RouterLink href={PATHS.home}>{t('notFound.home')}</RouterLink>
      </Paragraph>
    </>
  );
}
