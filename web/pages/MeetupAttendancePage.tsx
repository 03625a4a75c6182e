/**
 * Aanmeldingen en aanwezigheid (`/ontmoetingen/:id/aanwezigheid`): for the
 * organiser's organisation and administrators. Before the start it lists
 * who signed up; from the start on, one check box per person keeps who was
 * there. Opening it is an audited read of those people's sign-ups.
 */
import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldDescription, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/meetups';
import type { Meetup, MeetupSignup } from '../api/meetups';
import type { Membership } from '../api/types';
import { meetupPath } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { CheckboxField } from '../components/CheckboxField';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { meetupWhen } from './MeetupParts';
import { NotFoundPage } from './NotFoundPage';
import './MeetupPages.css';

const ORGANISERS = ['social_worker', 'professional', 'admin'] as const;

export function MeetupAttendancePage({ id }: { id: string }) {
  return (
    <RequireAnyRole roles={ORGANISERS}>
      {({ membership }) => <Attendance key={`${membership.municipality.code}/${id}`} membership={membership} id={id} />}
    </RequireAnyRole>
  );
}

function Attendance({ membership, id }: { membership: Membership; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const code = membership.municipality.code;
  const data = useResource(async () => {
    const meetup = await api.getMeetup(code, id);
    return { meetup, signups: (await api.listMeetupSignups(code, id)).items };
  }, [code, id]);

  if (data.resource.status === 'error' && isApiError(data.resource.error) && data.resource.error.code === 'not_found') return <NotFoundPage />;
  return (
    <>
      <PageHeading>{t('attendance.title')}</PageHeading>
      <LoadState resource={data.resource}>
        {({ meetup, signups }) => (
          <>
            <Paragraph appearance="lead">{t('attendance.intro', { title: meetup.title, when: meetupWhen(i18n, meetup) })}</Paragraph>
            <Paragraph>{t('attendance.count', { count: meetup.signedUp, capacity: meetup.capacity })}</Paragraph>
            {signups.length === 0 ? (
              <Paragraph>{t('attendance.empty')}</Paragraph>
            ) : meetup.status === 'cancelled' || meetup.status === 'open' || meetup.status === 'full' ? (
              <SignupList meetup={meetup} signups={signups} />
            ) : (
              <AttendanceForm code={code} meetup={meetup} signups={signups} />
            )}
          </>
        )}
      </LoadState>
      <Paragraph>
        <RouterLink href={meetupPath(id)}>{t('attendance.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** Before the start (or when cancelled): who signed up, without check boxes. */
function SignupList({ meetup, signups }: { meetup: Meetup; signups: MeetupSignup[] }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="samenspel-section" aria-labelledby="attendance-signed-up">
      <Heading2 id="attendance-signed-up">{t('attendance.signedUpHeading')}</Heading2>
      <Paragraph>{meetup.status === 'cancelled' ? t('attendance.cancelledNote') : t('attendance.notYet')}</Paragraph>
      <ul className="samenspel-meetup-people">
        {signups.map((s) => (
          <li key={s.personId}>
            {s.displayName} {s.volunteer && t('attendance.volunteer')}
            <span className="samenspel-data-note">{t('attendance.signedUpOn', { date: formatDate(s.signedUpAt) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** From the start on: a check box per person; unticked counts as absent. */
function AttendanceForm({ code, meetup, signups }: { code: string; meetup: Meetup; signups: MeetupSignup[] }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const [present, setPresent] = useState<Set<string>>(() => new Set(signups.filter((s) => s.attended).map((s) => s.personId)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; attempt: number } | null>(null);

  const toggle = (personId: string, checked: boolean) =>
    setPresent((current) => {
      const next = new Set(current);
      if (checked) next.add(personId);
      else next.delete(personId);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const saved = await api.keepMeetupAttendance(
        code,
        meetup.id,
        signups.map((s) => ({ personId: s.personId, attended: present.has(s.personId) })),
      );
      setPresent(new Set(saved.items.filter((s) => s.attended).map((s) => s.personId)));
      setError(null);
      announce(t('attendance.saved'));
    } catch (failure) {
      setError((current) => ({ message: problemMessage(i18n, failure), attempt: (current?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary message={error?.message} items={[]} attempt={error?.attempt ?? 0} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form samenspel-meetup-attendance">
        <Fieldset aria-describedby="attendance-hint">
          <FieldsetLegend className="utrecht-heading-2">{t('attendance.legend')}</FieldsetLegend>
          <FormFieldDescription id="attendance-hint">{t('attendance.hint')}</FormFieldDescription>
          {signups.map((s) => (
            <CheckboxField
              key={s.personId}
              id={`attendance-${s.personId}`}
              label={`${s.displayName}${s.volunteer ? ` ${t('attendance.volunteer')}` : ''}`}
              description={t('attendance.signedUpOn', { date: formatDate(s.signedUpAt) })}
              checked={present.has(s.personId)}
              onChange={(checked) => toggle(s.personId, checked)}
            />
          ))}
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('attendance.saving') : t('attendance.save')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
