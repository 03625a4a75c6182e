/**
 * The route table and the providers around it. Paths are Dutch: they are
 * part of what residents see and share.
 */
import { Fragment, type ReactNode } from 'react';
import { AppLayout } from '../components/AppLayout';
import { AbuseReportsPage } from '../pages/AbuseReportsPage';
import { I18nProvider } from '../i18n/i18n';
import { AuditLogPage } from '../pages/AuditLogPage';
import { RegionalPoolPage } from '../pages/RegionalPoolPage';
import { EffectCalculatorPage } from '../pages/EffectCalculatorPage';
import { EffectTariffsPage } from '../pages/EffectTariffsPage';
import { CoachQueuePage } from '../pages/CoachQueuePage';
import { CoachRequestPage } from '../pages/CoachRequestPage';
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
import { HelpRequestDetailPage } from '../pages/HelpRequestDetailPage';
import { HelpRequestSentPage } from '../pages/HelpRequestSentPage';
import { HomePage } from '../pages/HomePage';
import { HouseholdFilePage, HouseholdPrintPage, MyPlanPage } from '../pages/HouseholdFilePage';
import { HouseholdFilesPage, ListeningOverviewPage, NewHouseholdFilePage } from '../pages/HouseholdFilesPage';
import { HouseholdSettingsPage } from '../pages/HouseholdSettingsPage';
import { MeetupAttendancePage } from '../pages/MeetupAttendancePage';
import { MeetupDetailPage } from '../pages/MeetupDetailPage';
import { MeetupFormPage } from '../pages/MeetupFormPage';
import { MeetupsPage } from '../pages/MeetupsPage';
import { MatchDetailPage } from '../pages/MatchDetailPage';
import { MunicipalityHelpRequestsPage } from '../pages/MunicipalityHelpRequestsPage';
import { MyHelpRequestsPage } from '../pages/MyHelpRequestsPage';
import { MyBlocksPage } from '../pages/MyBlocksPage';
import { MyMeetupsPage } from '../pages/MyMeetupsPage';
import { NeighbourHelpFiguresPage } from '../pages/NeighbourHelpFiguresPage';
import { OutcomeDashboardPage } from '../pages/OutcomeDashboardPage';
import { NewHelpRequestOnBehalfPage } from '../pages/NewHelpRequestOnBehalfPage';
import { NewUserPage } from '../pages/NewUserPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { NotificationsPage } from '../pages/NotificationsPage';
import { OutboxPage } from '../pages/OutboxPage';
import { ProfilePage } from '../pages/ProfilePage';
import { RequestHelpPage } from '../pages/RequestHelpPage';
import { ResetPasswordPage } from '../pages/ResetPasswordPage';
import { SuggestedRequestsPage } from '../pages/SuggestedRequestsPage';
import { MyRotasPage, RotaPage } from '../pages/RotaPage';
import { SignInPage } from '../pages/SignInPage';
import { UserDetailPage } from '../pages/UserDetailPage';
import { UsersPage } from '../pages/UsersPage';
import { VolunteerMatchesPage } from '../pages/VolunteerMatchesPage';
import { VolunteerOfferPage } from '../pages/VolunteerOfferPage';
import { matchRoute, useLocation } from '../router';
import { PATHS } from './navigation';
import { SessionProvider } from './session';
import { StatusProvider } from './status';

interface Route {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}

/** First match wins, so `/beheer/gebruikers/nieuw` comes before `/beheer/gebruikers/:id`. */
const ROUTES: Route[] = [
  { path: PATHS.home, render: () => <HomePage /> },
  { path: PATHS.signIn, render: () => <SignInPage /> },
  { path: PATHS.forgotPassword, render: () => <ForgotPasswordPage /> },
  { path: PATHS.resetPassword, render: () => <ResetPasswordPage /> },
  { path: PATHS.profile, render: () => <ProfilePage /> },
  { path: PATHS.users, render: () => <UsersPage /> },
  { path: PATHS.newUser, render: () => <NewUserPage /> },
  { path: `${PATHS.users}/:id`, render: ({ id }) => <UserDetailPage id={id ?? ''} /> },
  { path: PATHS.auditLog, render: () => <AuditLogPage /> },
  { path: PATHS.regionalPool, render: () => <RegionalPoolPage /> },
  { path: PATHS.outbox, render: () => <OutboxPage /> },
  // Neighbour help (buurthulp)
  { path: PATHS.requestHelp, render: () => <RequestHelpPage /> },
  { path: `${PATHS.requestHelp}/verstuurd/:id`, render: ({ id }) => <HelpRequestSentPage id={id ?? ''} /> },
  { path: PATHS.myHelpRequests, render: () => <MyHelpRequestsPage /> },
  { path: `${PATHS.myHelpRequests}/:id`, render: ({ id }) => <HelpRequestDetailPage id={id ?? ''} view="resident" /> },
  { path: PATHS.volunteerOffer, render: () => <VolunteerOfferPage /> },
  { path: PATHS.helpRequests, render: () => <MunicipalityHelpRequestsPage /> },
  { path: PATHS.newHelpRequestOnBehalf, render: () => <NewHelpRequestOnBehalfPage /> },
  { path: `${PATHS.helpRequests}/:id`, render: ({ id }) => <HelpRequestDetailPage id={id ?? ''} view="coordinator" /> },
  // The coach, rotas and figures (buurthulp)
  { path: PATHS.coachQueue, render: () => <CoachQueuePage /> },
  { path: `${PATHS.coachQueue}/hulpvragen/:id`, render: ({ id }) => <CoachRequestPage id={id ?? ''} /> },
  { path: `${PATHS.myHelpRequests}/:id/rooster`, render: ({ id }) => <RotaPage requestId={id ?? ''} /> },
  { path: '/roosters/:id', render: ({ id }) => <RotaPage rotaId={id ?? ''} /> },
  { path: PATHS.myRotas, render: () => <MyRotasPage /> },
  { path: PATHS.neighbourHelpFigures, render: () => <NeighbourHelpFiguresPage /> },
  { path: PATHS.outcomeDashboard, render: () => <OutcomeDashboardPage /> },
  // Meet-ups (ontmoetingen)
  { path: PATHS.meetups, render: () => <MeetupsPage /> },
  { path: PATHS.pastMeetups, render: () => <MeetupsPage past /> },
  { path: PATHS.newMeetup, render: () => <MeetupFormPage /> },
  { path: PATHS.myMeetups, render: () => <MyMeetupsPage /> },
  { path: `${PATHS.meetups}/:id`, render: ({ id }) => <MeetupDetailPage id={id ?? ''} /> },
  { path: `${PATHS.meetups}/:id/wijzigen`, render: ({ id }) => <MeetupFormPage id={id ?? ''} /> },
  { path: `${PATHS.meetups}/:id/aanwezigheid`, render: ({ id }) => <MeetupAttendancePage id={id ?? ''} /> },
  // Matches (koppelingen)
  { path: PATHS.myMatches, render: () => <VolunteerMatchesPage /> },
  { path: `${PATHS.myMatches}/:id`, render: ({ id }) => <MatchDetailPage id={id ?? ''} /> },
  { path: PATHS.suggestedRequests, render: () => <SuggestedRequestsPage /> },
  // Notifications (meldingen) and safety: reported problems, blocks
  { path: PATHS.notifications, render: () => <NotificationsPage /> },
  { path: PATHS.myBlocks, render: () => <MyBlocksPage /> },
  { path: PATHS.abuseReports, render: () => <AbuseReportsPage /> },
  // Effect calculator (effectencalculator)
  { path: PATHS.effects, render: () => <EffectCalculatorPage /> },
  { path: PATHS.effectTariffs, render: () => <EffectTariffsPage /> },
  { path: `${PATHS.effects}/berekeningen/:id`, render: ({ id }) => <EffectCalculatorPage id={id ?? ''} /> },
  // One plan around the resident (huishoudplan)
  { path: PATHS.householdFiles, render: () => <HouseholdFilesPage /> },
  { path: PATHS.newHouseholdFile, render: () => <NewHouseholdFilePage /> },
  { path: `${PATHS.householdFiles}/:id`, render: ({ id }) => <HouseholdFilePage id={id ?? ''} /> },
  { path: `${PATHS.householdFiles}/:id/afdrukken`, render: ({ id }) => <HouseholdPrintPage id={id ?? ''} /> },
  { path: PATHS.myPlan, render: () => <MyPlanPage /> },
  { path: `${PATHS.myPlan}/afdrukken`, render: () => <HouseholdPrintPage id="mijn" /> },
  { path: PATHS.listening, render: () => <ListeningOverviewPage /> },
  { path: PATHS.householdSettings, render: () => <HouseholdSettingsPage /> },
];

function CurrentPage() {
  const { pathname } = useLocation();
  for (const route of ROUTES) {
    const params = matchRoute(route.path, pathname);
    // Keyed by path, so each page starts with fresh state.
    if (params) return <Fragment key={pathname}>{route.render(params)}</Fragment>;
  }
  return <NotFoundPage key={pathname} />;
}

export function App() {
  return (
    <I18nProvider>
      <StatusProvider>
        <SessionProvider>
          <AppLayout>
            <CurrentPage />
          </AppLayout>
        </SessionProvider>
      </StatusProvider>
    </I18nProvider>
  );
}
