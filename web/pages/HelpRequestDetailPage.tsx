/**
 * One help request. The resident (`/mijn-hulpvragen/:id`) sees everything,
 * their own address too, and can withdraw the request after a confirmation
 * step. A coordinator (`/hulpvragen/:id`, social workers and admins) sees
 * the same without the address, and can withdraw it for the resident.
 * Opening this page is an audited read of the resident's data.
 * Below the request: its volunteers (matches), with yes/no for the
 * resident side, and for coordinators the engine's candidates.
 */
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { HelpRequest, Membership } from '../api/types';
import { coachRequestPath, newHelpRequestOnBehalfPath, PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmStep';
import { RequireRole } from '../components/Guards';
import { HelpRequestDetails } from '../components/HelpRequestDetails';
import { Loading, ProblemAlert } from '../components/LoadState';
import { FINAL_STATUSES } from '../components/neighbour-help';
import { PageHeading } from '../components/PageHeading';
import { InvolvementBox } from '../components/InvolvementBox';
import { RequestMatches } from '../components/RequestMatches';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { NotFoundPage } from './NotFoundPage';
import '../components/neighbour-help.css';

type View = 'resident' | 'coordinator';
const COORDINATORS = ['social_worker', 'admin'] as const;

export function HelpRequestDetailPage({ id, view }: { id: string; view: View }) {
  const render = ({ membership }: { membership: Membership }) => (
    <HelpRequestDetail key={`${membership.municipality.code}/${id}`} membership={membership} id={id} view={view} />
  );
  return view === 'resident' ? <RequireRole role="resident">{render}</RequireRole> : <RequireAnyRole roles={COORDINATORS}>{render}</RequireAnyRole>;
}

function HelpRequestDetail({ membership, id, view }: { membership: Membership; id: string; view: View }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const code = membership.municipality.code;
  const { resource, setData, reload } = useResource(() => api.getHelpRequest(code, id), [code, id]);
  const back =
    view === 'resident' ? (
      <RouterLink href={PATHS.myHelpRequests}>{t('requestDetail.backMine')}</RouterLink>
    ) : (
      <RouterLink href={PATHS.helpRequests}>{t('requestDetail.backAll')}</RouterLink>
    );

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    if (isApiError(resource.error) && resource.error.code === 'not_found') return <NotFoundPage />;
    return (
      <>
        <PageHeading>{view === 'resident' ? t('myRequests.title') : t('helpRequests.title')}</PageHeading>
        <ProblemAlert error={resource.error} />
        <Paragraph>{back}</Paragraph>
      </>
    );
  }
  const request = resource.data;

  return (
    <>
      <PageHeading>{t('requestDetail.title', { category: request.category.name })}</PageHeading>
      <Paragraph>{back}</Paragraph>
      <HelpRequestDetails request={request} view={view} />
      {/* A yes can match the request: its status above then changes too. */}
      <RequestMatches code={code} request={request} view={view} onRequestChanged={reload} />
      {view === 'coordinator' && hasRole('social_worker') && <InvolvementBox code={code} personId={request.residentPersonId} />}
      {view === 'coordinator' && (
        <Paragraph>
          <RouterButtonLink href={newHelpRequestOnBehalfPath(request.residentPersonId)} appearance="secondary-action-button">
            {t('requestDetail.newForResident')}
          </RouterButtonLink>{' '}
          <RouterLink href={coachRequestPath(request.id)}>{t('requestDetail.toCoach')}</RouterLink>
        </Paragraph>
      )}
      {!FINAL_STATUSES.includes(request.status) && <CancelRequest code={code} request={request} onCancelled={setData} />}
    </>
  );
}

/** Withdrawing is final, so it takes two steps: the button, then "are you sure?". */
function CancelRequest({ code, request, onCancelled }: { code: string; request: HelpRequest; onCancelled: (request: HelpRequest) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();

  const cancel = () =>
    step.run(
      async () => {
        const cancelled = await api.cancelHelpRequest(code, request.id);
        onCancelled(cancelled);
        announce(t('requestDetail.cancelled'));
        // The buttons are gone: start again at the top of the page.
        document.querySelector<HTMLElement>('h1')?.focus();
      },
      (failure) => (isApiError(failure) && failure.code === 'conflict' ? t('requestDetail.alreadyClosed') : problemMessage(i18n, failure)),
    );

  return (
    <section className="samenspel-section" aria-labelledby="request-cancel">
      <Heading2 id="request-cancel">{t('requestDetail.cancelHeading')}</Heading2>
      <Paragraph>{t('requestDetail.cancelIntro')}</Paragraph>
      {step.confirming ? (
        <ConfirmStep
          heading={t('requestDetail.confirmHeading')}
          error={step.error}
          busy={step.busy}
          yes={t('requestDetail.confirmYes')}
          busyLabel={t('requestDetail.cancelling')}
          no={t('requestDetail.confirmNo')}
          onYes={() => void cancel()}
          onNo={step.cancel}
        >
          <Paragraph>{t('requestDetail.confirmText')}</Paragraph>
        </ConfirmStep>
      ) : (
        <ButtonGroup>
          <Button ref={step.startRef} appearance="secondary-action-button" onClick={step.open}>
            {t('requestDetail.cancel')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}
