/**
 * Start page. Signed out: what samenspel is and how to sign in. Signed in:
 * tiles for what the person can do in the active municipality, and for each
 * of their roles a short note on what is coming.
 */
import { Heading2, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { Membership } from '../api/types';
import { PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { Loading } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { useUnreadCount } from '../components/notifications';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { Tile, TileList } from '../components/Tile';
import { useI18n } from '../i18n/i18n';

export function HomePage() {
  const { state, membership } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signedOut') return <SignedOutHome />;
  return <SignedInHome membership={membership} fallbackName={state.session.account.email} />;
}

function SignedOutHome() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading documentTitle={t('home.title')}>{t('home.heading')}</PageHeading>
      <Paragraph appearance="lead">{t('home.intro')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t('home.point.neighbours')}</UnorderedListItem>
        <UnorderedListItem>{t('home.point.care')}</UnorderedListItem>
        <UnorderedListItem>{t('home.point.plan')}</UnorderedListItem>
        <UnorderedListItem>{t('home.point.conversation')}</UnorderedListItem>
      </UnorderedList>
      <section className="samenspel-section" aria-labelledby="home-sign-in">
        <Heading2 id="home-sign-in">{t('home.signInHeading')}</Heading2>
        <Paragraph>{t('home.signInText')}</Paragraph>
        <Paragraph>
          <RouterButtonLink href={PATHS.signIn} appearance="primary-action-button">
            {t('layout.signIn')}
          </RouterButtonLink>
        </Paragraph>
        <Paragraph>{t('home.noAccount')}</Paragraph>
      </section>
    </>
  );
}

function SignedInHome({ membership, fallbackName }: { membership: Membership | null; fallbackName: string }) {
  const { t } = useI18n();
  const { hasRole, roles } = useSession();
  const name = membership?.displayName ?? fallbackName;
  // The menu asks for the count on every page; this only reads its answer.
  const unread = useUnreadCount(membership?.municipality.code ?? null);

  return (
    <>
      <PageHeading documentTitle={t('home.title')}>{t('home.welcome', { name })}</PageHeading>
      {membership && <Paragraph appearance="lead">{t('home.workingIn', { municipality: membership.municipality.name })}</Paragraph>}
      {roles.length === 0 && <Paragraph>{t('home.noRoles')}</Paragraph>}

      {membership && (
        <section className="samenspel-section" aria-labelledby="home-tasks">
          <Heading2 id="home-tasks">{t('home.tasksHeading')}</Heading2>
          <TileList>
            {hasRole('resident') && (
              <>
                <Tile href={PATHS.requestHelp} title={t('tile.requestHelp.title')} text={t('tile.requestHelp.text')} />
                <Tile href={PATHS.myHelpRequests} title={t('tile.myHelpRequests.title')} text={t('tile.myHelpRequests.text')} />
              </>
            )}
            {hasRole('volunteer') && (
              <>
                <Tile href={PATHS.volunteerOffer} title={t('tile.volunteerOffer.title')} text={t('tile.volunteerOffer.text')} />
                <Tile href={PATHS.myMatches} title={t('tile.myMatches.title')} text={t('tile.myMatches.text')} />
                <Tile href={PATHS.suggestedRequests} title={t('tile.suggestedRequests.title')} text={t('tile.suggestedRequests.text')} />
                <Tile href={PATHS.myRotas} title={t('tile.myRotas.title')} text={t('tile.myRotas.text')} />
              </>
            )}
            {(hasRole('social_worker') || hasRole('admin')) && (
              <>
                <Tile href={PATHS.helpRequests} title={t('tile.helpRequests.title')} text={t('tile.helpRequests.text')} />
                <Tile href={PATHS.coachQueue} title={t('tile.coachQueue.title')} text={t('tile.coachQueue.text')} />
              </>
            )}
            {(hasRole('social_worker') || hasRole('policy_officer') || hasRole('admin')) && (
              <Tile href={PATHS.neighbourHelpFigures} title={t('tile.neighbourHelpFigures.title')} text={t('tile.neighbourHelpFigures.text')} />
            )}
            {hasRole('social_worker') || hasRole('professional') || hasRole('admin') ? (
              <Tile href={PATHS.meetups} title={t('tile.organiseMeetups.title')} text={t('tile.organiseMeetups.text')} />
            ) : (
              <Tile href={PATHS.meetups} title={t('tile.meetups.title')} text={t('tile.meetups.text')} />
            )}
            {(hasRole('resident') || hasRole('volunteer')) && (
              <Tile href={PATHS.myMeetups} title={t('tile.myMeetups.title')} text={t('tile.myMeetups.text')} />
            )}
            <Tile
              href={PATHS.notifications}
              title={t('tile.notifications.title')}
              text={
                unread === 0
                  ? t('tile.notifications.text')
                  : unread === 1
                    ? t('tile.notifications.textUnreadOne')
                    : t('tile.notifications.textUnread', { count: unread })
              }
            />
            {(hasRole('social_worker') || hasRole('admin')) && (
              <Tile href={PATHS.abuseReports} title={t('tile.abuseReports.title')} text={t('tile.abuseReports.text')} />
            )}
            {(hasRole('resident') || hasRole('volunteer')) && (
              <Tile href={PATHS.myBlocks} title={t('tile.myBlocks.title')} text={t('tile.myBlocks.text')} />
            )}
            <Tile href={PATHS.profile} title={t('tile.profile.title')} text={t('tile.profile.text')} />
            {hasRole('admin') && (
              <>
                <Tile href={PATHS.users} title={t('tile.users.title')} text={t('tile.users.text')} />
                <Tile href={PATHS.auditLog} title={t('tile.auditLog.title')} text={t('tile.auditLog.text')} />
              </>
            )}
          </TileList>
        </section>
      )}

      {roles.length > 0 && (
        <section className="samenspel-section" aria-labelledby="home-coming">
          <Heading2 id="home-coming">{t('home.comingHeading')}</Heading2>
          <Paragraph>{t('home.comingIntro')}</Paragraph>
          <TileList>
            {roles.map((role) => (
              <Tile
                key={role}
                title={t(`role.${role}`)}
                text={t(`coming.${role}`)}
                badge={<StatusBadge className="samenspel-tile__badge">{t('home.comingBadge')}</StatusBadge>}
              />
            ))}
          </TileList>
        </section>
      )}
    </>
  );
}
