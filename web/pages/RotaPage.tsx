/**
 * A rota's calendar, for everyone who may see it: the resident
 * (`/mijn-hulpvragen/:id/rooster`, by request), and the coach and the
 * members (`/roosters/:id`, by rota). One line per date ("di 1 december,
 * middag: Anna"), open dates as "nog open", a member's own turns marked.
 * Names follow the server's need-to-know rules: the resident sees a
 * volunteer's first name once that volunteer said yes.
 *
 * Also Mijn roosters (`/mijn-roosters`): the rotas a volunteer takes turns in.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/client';
import * as coachApi from '../api/coach';
import type { Rota } from '../api/coach';
import * as api from '../api/endpoints';
import type { Membership } from '../api/types';
import { coachRequestPath, myHelpRequestPath, PATHS, rotaPath } from '../app/navigation';
import { useSession } from '../app/session';
import { RequireRole, RequireSignIn } from '../components/Guards';
import { LoadState, Loading, ProblemAlert } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RotaCalendar } from '../components/RotaCalendar';
import { confirmedSessions, memberStateText, RotaCoverage, rotaCalendar } from '../components/RotaParts';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { NotFoundPage } from './NotFoundPage';
import '../components/coach.css';

type RotaKey = { rotaId: string; requestId?: undefined } | { requestId: string; rotaId?: undefined };

/** `/roosters/:id` with `rotaId`; `/mijn-hulpvragen/:id/rooster` with `requestId`. */
export function RotaPage(props: RotaKey) {
  const key = props.rotaId ?? props.requestId;
  return <RequireSignIn>{({ membership }) => <RotaView key={`${membership.municipality.code}/${key}`} membership={membership} {...props} />}</RequireSignIn>;
}

function RotaView({ membership, rotaId, requestId }: RotaKey & { membership: Membership }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const code = membership.municipality.code;
  const { resource } = useResource(async () => {
    if (rotaId !== undefined) return { rota: await coachApi.getRota(code, rotaId), category: null };
    // The resident's own request: its kind of help names the page.
    const id = requestId ?? '';
    const [rota, request] = await Promise.all([coachApi.getRotaOfRequest(code, id), api.getHelpRequest(code, id)]);
    return { rota, category: request.category.name };
  }, [code, rotaId, requestId]);
  const coordinator = hasRole('social_worker') || hasRole('admin');

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    const notFound = isApiError(resource.error) && resource.error.code === 'not_found';
    if (notFound && rotaId) return <NotFoundPage />;
    return (
      <>
        <PageHeading>{t('rota.title')}</PageHeading>
        {notFound ? <Paragraph>{t('rota.noneYet')}</Paragraph> : <ProblemAlert error={resource.error} />}
        {requestId && (
          <Paragraph>
            <RouterLink href={myHelpRequestPath(requestId)}>{t('rota.backToRequest')}</RouterLink>
          </Paragraph>
        )}
      </>
    );
  }
  const { rota, category } = resource.data;
  const member = rota.members.some((m) => m.mine);
  const back = requestId
    ? { href: myHelpRequestPath(requestId), label: t('rota.backToRequest') }
    : coordinator
      ? { href: coachRequestPath(rota.requestId, 'rooster'), label: t('rota.backToCoach') }
      : { href: PATHS.myRotas, label: t('rota.backToMine') };

  return (
    <>
      <PageHeading>{category ? t('rota.titleFor', { category }) : t('rota.title')}</PageHeading>
      <Paragraph>
        <RouterLink href={back.href}>{back.label}</RouterLink>
      </Paragraph>
      <Paragraph appearance="lead">{member ? t('rota.introMember') : requestId ? t('rota.introResident') : t('rota.intro')}</Paragraph>
      {rota.status !== 'approved' && <Paragraph>{t('rota.notActive')}</Paragraph>}
      <RotaCoverage demand={rota.demandSessions} covered={rota.coveredSessions} gap={rota.gapSessions} confirmed={confirmedSessions(rota)} />
      <section className="samenspel-section" aria-labelledby="rota-calendar-heading">
        <h2 id="rota-calendar-heading" className="utrecht-heading-2">
          {t('rota.calendarHeading')}
        </h2>
        <Paragraph>{t('rota.calendarIntro')}</Paragraph>
        <RotaCalendar items={rotaCalendar(rota)} labelledBy="rota-calendar-heading" />
      </section>
      <RotaMembers rota={rota} />
    </>
  );
}

/** Who is in the rota, in words; a member who has not said yes stays nameless to others. */
function RotaMembers({ rota }: { rota: Rota }) {
  const i18n = useI18n();
  const { t } = i18n;
  const live = rota.members.filter((m) => ['proposed', 'volunteer_accepted', 'confirmed'].includes(m.state));
  return (
    <section className="samenspel-section" aria-labelledby="rota-members-heading">
      <h2 id="rota-members-heading" className="utrecht-heading-2">
        {t('rota.membersHeading')}
      </h2>
      {live.length === 0 ? (
        <Paragraph>{t('rota.noMembers')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {live.map((m, index) => (
            <li key={m.matchId ?? `member-${index}`} className="utrecht-unordered-list__item">
              {m.mine ? <strong>{t('rota.memberYou', { name: m.givenName ?? t('rota.you') })}</strong> : (m.givenName ?? t('rota.someone'))}:{' '}
              {memberStateText(i18n, m.state).toLowerCase()}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Mijn roosters: the rotas the volunteer is in (asked or taking turns). */
export function MyRotasPage() {
  return <RequireRole role="volunteer">{({ membership }) => <MyRotas key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function MyRotas({ membership }: { membership: Membership }) {
  const i18n = useI18n();
  const { t } = i18n;
  const code = membership.municipality.code;
  const { resource } = useResource(
    async () => (await coachApi.listMyMatches(code)).filter((m) => m.rotaId !== null && ['proposed', 'volunteer_accepted', 'confirmed'].includes(m.state)),
    [code],
  );
  return (
    <>
      <PageHeading>{t('myRotas.title')}</PageHeading>
      <Paragraph appearance="lead">{t('myRotas.intro')}</Paragraph>
      <LoadState resource={resource}>
        {(matches) =>
          matches.length === 0 ? (
            <Paragraph>{t('myRotas.empty')}</Paragraph>
          ) : (
            <ul className="samenspel-coach-queue">
              {matches.map((m) => (
                <li key={m.id} className="samenspel-coach-card">
                  <h2 className="utrecht-heading-3 samenspel-coach-card__heading">
                    <RouterLink href={rotaPath(m.rotaId ?? '')}>{t('myRotas.item', { category: m.request.category.name })}</RouterLink>
                  </h2>
                  <Paragraph>
                    {i18n.tCode('schedule', m.request.schedule)}. {memberStateText(i18n, m.state)}.
                  </Paragraph>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
