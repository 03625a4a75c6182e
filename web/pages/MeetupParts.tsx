/**
 * Pieces the meet-up pages share: how a meet-up's time, seats and status
 * read, the card in a list, and the sign-up button with its messages.
 *
 * The sign-up button stays the same element when it turns into "Afmelden",
 * so keyboard focus stays where it was; the result is announced in the
 * status region.
 */
import { Button, ButtonGroup, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useState } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/meetups';
import type { Meetup } from '../api/meetups';
import { meetupPath } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { useI18n, type I18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { RouterLink } from '../router';
import { MEETUP_TIME_ZONE } from './MeetupTime';
import './MeetupPages.css';

type Format = Pick<I18n, 't' | 'locale' | 'formatDate'>;

const intlLocale = (i18n: Format) => (i18n.locale === 'nl' ? 'nl-NL' : 'en-GB');

/** "dinsdag 5 november 2026" in the reader's language. */
export function meetupDay(i18n: Format, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(i18n), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: MEETUP_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** "dinsdag 5 november 2026, van 14:00 tot 16:00 uur". */
export function meetupWhen(i18n: Format, m: Pick<Meetup, 'startsAt' | 'endsAt'>): string {
  const time = new Intl.DateTimeFormat(intlLocale(i18n), { hour: '2-digit', minute: '2-digit', timeZone: MEETUP_TIME_ZONE });
  return i18n.t('meetups.when', { date: meetupDay(i18n, m.startsAt), from: time.format(new Date(m.startsAt)), to: time.format(new Date(m.endsAt)) });
}

export function seatsText(i18n: Format, m: Pick<Meetup, 'seatsLeft'>): string {
  if (m.seatsLeft === 0) return i18n.t('meetups.noSeats');
  return m.seatsLeft === 1 ? i18n.t('meetups.seatsLeftOne') : i18n.t('meetups.seatsLeft', { count: m.seatsLeft });
}

/** Can the person still sign up or withdraw here? */
export const isSignUpOpen = (m: Meetup) => m.status === 'open' || m.status === 'full';

export function MeetupStatusBadge({ meetup }: { meetup: Meetup }) {
  const { t } = useI18n();
  return <StatusBadge>{t(`meetupStatus.${meetup.status}`)}</StatusBadge>;
}

/** The sentence for a refused sign-up or withdrawal: full, cancelled, started, or the general message. */
export function signUpProblem(i18n: Pick<I18n, 't'>, error: unknown): string {
  if (isApiError(error) && error.code === 'conflict') {
    const name = error.invalidParams[0]?.name;
    if (name === 'seatsLeft') return i18n.t('meetups.full');
    if (name === 'cancelledAt') return i18n.t('meetups.cancelledError');
    if (name === 'startsAt') return i18n.t('meetups.startedError');
  }
  return problemMessage(i18n, error);
}

/**
 * Aanmelden / Afmelden for the signed-in resident or volunteer. The label
 * names the meet-up for screen readers, as a list holds several buttons.
 */
export function SignUpButton({ code, meetup, onChange }: { code: string; meetup: Meetup; onChange: (meetup: Meetup) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signedUp = meetup.mySignup !== null;

  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = signedUp ? await api.withdrawFromMeetup(code, meetup.id) : await api.signUpForMeetup(code, meetup.id);
      onChange(next);
      announce(t(signedUp ? 'meetups.withdrawn' : 'meetups.signedUp', { title: meetup.title }));
    } catch (failure) {
      setError(signUpProblem(i18n, failure));
      // The meet-up changed under us (full, cancelled): show its latest state.
      if (isApiError(failure) && failure.code === 'conflict') {
        api.getMeetup(code, meetup.id).then(onChange, () => undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  const canSignUp = signedUp || meetup.status === 'open';
  return (
    <>
      {error && (
        <Paragraph role="alert" className="samenspel-meetup-error">
          {error}
        </Paragraph>
      )}
      {canSignUp && isSignUpOpen(meetup) && (
        <ButtonGroup>
          <Button
            appearance={signedUp ? 'secondary-action-button' : 'primary-action-button'}
            busy={busy}
            onClick={() => void toggle()}
          >
            {busy ? t(signedUp ? 'meetups.withdrawing' : 'meetups.signingUp') : t(signedUp ? 'meetups.withdraw' : 'meetups.signUp')}
            <span className="samenspel-visually-hidden"> {t('meetups.signUpFor', { title: meetup.title, date: meetupDay(i18n, meetup.startsAt) })}</span>
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}

/** One meet-up in a list: what, when, where, seats, status, and the sign-up button for those who may. */
export function MeetupCard({
  code,
  meetup,
  canSignUp,
  onChange,
  headingLevel = 2,
}: {
  code: string;
  meetup: Meetup;
  canSignUp: boolean;
  onChange: (meetup: Meetup) => void;
  headingLevel?: 2 | 3;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const inactive = meetup.status === 'cancelled' || meetup.status === 'past';
  return (
    <li className={`samenspel-meetup-card ${inactive ? 'samenspel-meetup-card--inactive' : ''}`.trim()}>
      <Heading className={`utrecht-heading-${headingLevel + 1} samenspel-meetup-card__heading`}>
        <RouterLink href={meetupPath(meetup.id)}>{meetup.title}</RouterLink>
      </Heading>
      <Paragraph>
        <time dateTime={meetup.startsAt}>{meetupWhen(i18n, meetup)}</time>
      </Paragraph>
      <Paragraph>{meetup.place}</Paragraph>
      {!inactive && <Paragraph className="samenspel-meetup-seats">{seatsText(i18n, meetup)}</Paragraph>}
      <div className="samenspel-meetup-badges">
        <MeetupStatusBadge meetup={meetup} />
        {meetup.mySignup && !inactive && <StatusBadge className="samenspel-meetup-badge--mine">{t('meetups.signedUpBadge')}</StatusBadge>}
        {meetup.mySignup && meetup.status === 'past' && meetup.mySignup.attended !== null && (
          <StatusBadge>{t(meetup.mySignup.attended ? 'myMeetups.attended' : 'myMeetups.notAttended')}</StatusBadge>
        )}
      </div>
      {canSignUp && <SignUpButton code={code} meetup={meetup} onChange={onChange} />}
    </li>
  );
}
