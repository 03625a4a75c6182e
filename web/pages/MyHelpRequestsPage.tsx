/**
 * Mijn hulpvragen: the resident's own help requests, newest first, each
 * with its status. Opening one shows everything, including the address.
 */
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import * as api from '../api/endpoints';
import type { HelpRequestSummary, Membership } from '../api/types';
import { myHelpRequestPath, PATHS } from '../app/navigation';
import { RequireRole } from '../components/Guards';
import { HelpStatusBadge, scheduleLabel } from '../components/HelpRequestDetails';
import { LoadState } from '../components/LoadState';
import { FINAL_STATUSES } from '../components/neighbour-help';
import { PageHeading } from '../components/PageHeading';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/neighbour-help.css';

const PAGE_SIZE = 25;
/** The server's largest page. */
const MAX_LIMIT = 100;

export function MyHelpRequestsPage() {
  return <RequireRole role="resident">{({ membership }) => <MyHelpRequests key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function MyHelpRequests({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const [limit, setLimit] = useState(PAGE_SIZE);
  const requests = useResource(() => api.listHelpRequests(code, { mine: true, limit }), [code, limit]);

  return (
    <>
      <PageHeading>{t('myRequests.title')}</PageHeading>
      <Paragraph>{t('myRequests.intro')}</Paragraph>
      <Paragraph>
        <RouterButtonLink href={PATHS.requestHelp} appearance="primary-action-button">
          {t('myRequests.new')}
        </RouterButtonLink>
      </Paragraph>
      <LoadState resource={requests.resource}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('myRequests.empty')}</Paragraph>
          ) : (
            <>
              <ul className="samenspel-request-list">
                {list.items.map((item) => (
                  <RequestCard key={item.id} request={item} />
                ))}
              </ul>
              {list.total > list.items.length && limit < MAX_LIMIT && (
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => setLimit((l) => Math.min(MAX_LIMIT, l + PAGE_SIZE))}>
                    {t('myRequests.more')}
                  </Button>
                </ButtonGroup>
              )}
            </>
          )
        }
      </LoadState>
    </>
  );
}

function RequestCard({ request }: { request: HelpRequestSummary }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const closed = FINAL_STATUSES.includes(request.status);
  return (
    <li className={`samenspel-request-card ${closed ? 'samenspel-request-card--closed' : ''}`.trim()}>
      <h2 className="utrecht-heading-3 samenspel-request-card__heading">
        <RouterLink href={myHelpRequestPath(request.id)} className="samenspel-request-card__link">
          {request.category.name}
        </RouterLink>
      </h2>
      <HelpStatusBadge status={request.status} />
      <Paragraph>
        {scheduleLabel(i18n, request.schedule)}. {t('myRequests.postedOn', { date: formatDate(request.createdAt) })}
      </Paragraph>
    </li>
  );
}
