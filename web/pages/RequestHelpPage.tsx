/**
 * Hulp vragen: a resident asks neighbours for help. After posting, the
 * resident lands on a page that says what happens next.
 */
import { Paragraph } from '@utrecht/component-library-react';
import * as api from '../api/endpoints';
import type { HelpRequest, Membership } from '../api/types';
import { helpRequestSentPath, PATHS } from '../app/navigation';
import { RequireRole } from '../components/Guards';
import { HelpRequestForm } from '../components/HelpRequestForm';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { navigate, RouterLink } from '../router';

export function RequestHelpPage() {
  return <RequireRole role="resident">{({ membership }) => <RequestHelp key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function RequestHelp({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const categories = useResource(() => api.listHelpCategories(code), [code]);

  const posted = (request: HelpRequest) => navigate(helpRequestSentPath(request.id));

  return (
    <>
      <PageHeading>{t('requestHelp.title')}</PageHeading>
      <Paragraph appearance="lead">{t('requestHelp.intro')}</Paragraph>
      <LoadState resource={categories.resource}>
        {(list) =>
          list.length === 0 ? (
            <Paragraph>{t('requestHelp.noCategories')}</Paragraph>
          ) : (
            <HelpRequestForm code={code} categories={list} onPosted={posted} />
          )
        }
      </LoadState>
      <Paragraph>
        <RouterLink href={PATHS.myHelpRequests}>{t('requestHelp.toMine')}</RouterLink>
      </Paragraph>
    </>
  );
}
