/**
 * Right after a resident posted a help request: it arrived, and what
 * happens next. Reloading this page shows the same, from the server.
 */
import { Heading2, OrderedList, OrderedListItem, Paragraph } from '@utrecht/component-library-react';
import * as api from '../api/endpoints';
import type { Membership } from '../api/types';
import { myHelpRequestPath, PATHS } from '../app/navigation';
import { RequireRole } from '../components/Guards';
import { scheduleLabel } from '../components/HelpRequestDetails';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/neighbour-help.css';

export function HelpRequestSentPage({ id }: { id: string }) {
  return (
    <RequireRole role="resident">
      {({ membership }) => <HelpRequestSent key={`${membership.municipality.code}/${id}`} membership={membership} id={id} />}
    </RequireRole>
  );
}

function HelpRequestSent({ membership, id }: { membership: Membership; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const code = membership.municipality.code;
  const request = useResource(() => api.getHelpRequest(code, id), [code, id]);

  return (
    <>
      <PageHeading>{t('requestSent.title')}</PageHeading>
      <LoadState resource={request.resource}>
        {(sent) => (
          <Paragraph appearance="lead">
            {t('requestSent.summary', { category: sent.category.name, schedule: scheduleLabel(i18n, sent.schedule) })}
          </Paragraph>
        )}
      </LoadState>
      <section className="samenspel-section samenspel-next-steps" aria-labelledby="sent-next">
        <Heading2 id="sent-next">{t('requestSent.nextHeading')}</Heading2>
        <OrderedList>
          <OrderedListItem>{t('requestSent.step1')}</OrderedListItem>
          <OrderedListItem>{t('requestSent.step2')}</OrderedListItem>
          <OrderedListItem>{t('requestSent.step3')}</OrderedListItem>
        </OrderedList>
        <Paragraph>{t('requestSent.changeMind')}</Paragraph>
        <Paragraph>
          <RouterButtonLink href={myHelpRequestPath(id)} appearance="primary-action-button">
            {t('requestSent.view')}
          </RouterButtonLink>
        </Paragraph>
        <Paragraph>
          <RouterLink href={PATHS.myHelpRequests}>{t('requestHelp.toMine')}</RouterLink>
        </Paragraph>
      </section>
    </>
  );
}
