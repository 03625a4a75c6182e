/**
 * Plan a meet-up (`/ontmoetingen/nieuw`) or change one
 * (`/ontmoetingen/:id/wijzigen`). Social workers and professionals plan for
 * the organisation of their role; administrators choose any organisation.
 * The date and times are the organiser's own clock; the server gets ISO
 * 8601 with an offset. The server checks everything again; its field
 * errors land at the right field.
 */
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as endpoints from '../api/endpoints';
import * as api from '../api/meetups';
import type { Meetup, MeetupInput } from '../api/meetups';
import type { Membership, Organisation } from '../api/types';
import { meetupPath, PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { LoadState } from '../components/LoadState';
import { isPostcodeArea, TIMES } from '../components/neighbour-help';
import { PageHeading } from '../components/PageHeading';
import { SelectField } from '../components/SelectField';
import { TextAreaField } from '../components/TextAreaField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { navigate, RouterLink } from '../router';
import { dutchTimeToIso, dutchToday, isoToDutchTime } from './MeetupTime';
import { NotFoundPage } from './NotFoundPage';
import './MeetupPages.css';

const ORGANISERS = ['social_worker', 'professional', 'admin'] as const;

const FIELDS = ['meetupOrganisation', 'meetupTitle', 'place', 'venuePostcode', 'meetupDate', 'meetupStart', 'meetupEnd', 'capacity', 'meetupNotes'] as const;
type Field = (typeof FIELDS)[number];

const ID: Record<Field, string> = {
  meetupOrganisation: 'meetup-organisation',
  meetupTitle: 'meetup-title',
  place: 'meetup-place',
  venuePostcode: 'meetup-postcode',
  meetupDate: 'meetup-date',
  meetupStart: 'meetup-start',
  meetupEnd: 'meetup-end',
  capacity: 'meetup-capacity',
  meetupNotes: 'meetup-notes',
};

/** The server's field names to the fields on screen. */
function fieldFor(name: string): Field | null {
  switch (name.split('.')[0]) {
    case 'organisationId':
      return 'meetupOrganisation';
    case 'title':
      return 'meetupTitle';
    case 'place':
      return 'place';
    case 'postcode':
      return 'venuePostcode';
    case 'startsAt':
      return 'meetupStart';
    case 'endsAt':
      return 'meetupEnd';
    case 'capacity':
      return 'capacity';
    case 'notes':
      return 'meetupNotes';
    default:
      return null;
  }
}

export function MeetupFormPage({ id }: { id?: string }) {
  return (
    <RequireAnyRole roles={ORGANISERS}>
      {({ membership }) => <MeetupFormLoader key={`${membership.municipality.code}/${id ?? 'new'}`} membership={membership} id={id} />}
    </RequireAnyRole>
  );
}

function MeetupFormLoader({ membership, id }: { membership: Membership; id: string | undefined }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const data = useResource(
    async () => ({
      organisations: await endpoints.listOrganisations(code),
      meetup: id ? await api.getMeetup(code, id) : null,
    }),
    [code, id],
  );
  if (data.resource.status === 'error' && isApiError(data.resource.error) && data.resource.error.code === 'not_found') return <NotFoundPage />;
  return (
    <>
      <PageHeading>{id ? t('meetupForm.editTitle') : t('meetupForm.newTitle')}</PageHeading>
      <LoadState resource={data.resource}>
        {({ organisations, meetup }) => <MeetupForm membership={membership} organisations={organisations} meetup={meetup} />}
      </LoadState>
      <Paragraph>
        <RouterLink href={id ? meetupPath(id) : PATHS.meetups}>{id ? t('meetupForm.back') : t('meetupForm.backAll')}</RouterLink>
      </Paragraph>
    </>
  );
}

function MeetupForm({ membership, organisations, meetup }: { membership: Membership; organisations: Organisation[]; meetup: Meetup | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { hasRole } = useSession();
  const announce = useAnnounce();
  const code = membership.municipality.code;
  const isAdmin = hasRole('admin');
  // Staff plan for the organisations of their organiser roles; administrators for any.
  const ownIds = new Set(
    membership.roles.filter((r) => (r.role === 'social_worker' || r.role === 'professional') && r.organisationId).map((r) => r.organisationId as string),
  );
  const choices = isAdmin ? organisations : organisations.filter((o) => ownIds.has(o.id));

  const start = meetup ? isoToDutchTime(meetup.startsAt) : null;
  const [organisationId, setOrganisationId] = useState(meetup?.organisation.id ?? (choices.length === 1 ? choices[0]!.id : ''));
  const [title, setTitle] = useState(meetup?.title ?? '');
  const [place, setPlace] = useState(meetup?.place ?? '');
  const [postcode, setPostcode] = useState(meetup?.pc4 ?? '');
  const [date, setDate] = useState(start?.date ?? '');
  const [startTime, setStartTime] = useState(start?.time ?? '');
  const [endTime, setEndTime] = useState(meetup ? isoToDutchTime(meetup.endsAt).time : '');
  const [capacity, setCapacity] = useState(meetup ? String(meetup.capacity) : '');
  const [notes, setNotes] = useState(meetup?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();

  if (meetup && (meetup.status === 'cancelled' || meetup.status === 'past' || !meetup.canManage)) {
    return <Paragraph>{t('meetupForm.notEditable')}</Paragraph>;
  }
  if (!meetup && choices.length === 0) return <Paragraph>{t('meetupForm.noOrganisation')}</Paragraph>;

  const message = (field: Field, reason: string) => fieldErrorMessage(i18n, field, reason);
  const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();
  // Editing a meet-up without touching its times sends no times, so a meet-up under way can still get a note.
  const timesChanged =
    !meetup ||
    !date ||
    !startTime ||
    !endTime ||
    !sameInstant(dutchTimeToIso(date, startTime), meetup.startsAt) ||
    !sameInstant(dutchTimeToIso(date, endTime), meetup.endsAt);

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (!meetup && !organisationId) found.meetupOrganisation = message('meetupOrganisation', 'required');
    if (!title.trim()) found.meetupTitle = message('meetupTitle', 'required');
    else if (title.trim().length < 3) found.meetupTitle = message('meetupTitle', 'too_short');
    if (!place.trim()) found.place = message('place', 'required');
    else if (place.trim().length < 3) found.place = message('place', 'too_short');
    if (!postcode.trim()) found.venuePostcode = message('venuePostcode', 'required');
    else if (!isPostcodeArea(postcode)) found.venuePostcode = message('venuePostcode', 'invalid_format');
    if (!date) found.meetupDate = message('meetupDate', 'required');
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.meetupDate = message('meetupDate', 'invalid_format');
    else if (timesChanged && date < dutchToday()) found.meetupDate = message('meetupDate', 'invalid_value');
    if (!startTime) found.meetupStart = message('meetupStart', 'required');
    else if (timesChanged && date && !found.meetupDate && new Date(dutchTimeToIso(date, startTime)).getTime() <= Date.now()) {
      found.meetupStart = message('meetupStart', 'invalid_value');
    }
    if (!endTime) found.meetupEnd = message('meetupEnd', 'required');
    else if (startTime && endTime <= startTime) found.meetupEnd = message('meetupEnd', 'invalid_value');
    const seats = capacity.trim();
    if (!seats) found.capacity = message('capacity', 'required');
    else if (!/^\d{1,3}$/.test(seats) || Number(seats) < 1 || Number(seats) > 500) found.capacity = message('capacity', 'invalid_format');
    if (notes.trim().length > 2000) found.meetupNotes = message('meetupNotes', 'too_long');
    return found;
  };

  const body = (): MeetupInput => ({
    ...(meetup ? {} : { organisationId }),
    title: title.trim(),
    place: place.trim(),
    postcode: postcode.trim(),
    startsAt: dutchTimeToIso(date, startTime),
    endsAt: dutchTimeToIso(date, endTime),
    capacity: Number(capacity.trim()),
    notes: notes.trim(),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      const { organisationId: _organisation, startsAt, endsAt, ...rest } = body();
      const saved = meetup
        ? await api.updateMeetup(code, meetup.id, timesChanged ? { ...rest, startsAt, endsAt } : rest)
        : await api.createMeetup(code, body());
      navigate(meetupPath(saved.id));
      announce(meetup ? t('meetupForm.saved') : t('meetupForm.created'));
    } catch (error) {
      setBusy(false);
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS, fieldFor);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    }
  };

  const labels: Record<Field, string> = {
    meetupOrganisation: t('meetupForm.organisation'),
    meetupTitle: t('meetupForm.title'),
    place: t('meetupForm.place'),
    venuePostcode: t('meetupForm.postcode'),
    meetupDate: t('meetupForm.date'),
    meetupStart: t('meetupForm.startTime'),
    meetupEnd: t('meetupForm.endTime'),
    capacity: t('meetupForm.capacity'),
    meetupNotes: t('meetupForm.notes'),
  };
  const timeOptions = [{ value: '', label: t('meetupForm.timeChoose') }, ...TIMES.map((time) => ({ value: time, label: time }))];
  // A saved time outside the half-hour grid stays choosable.
  for (const time of [startTime, endTime]) if (time && !TIMES.includes(time)) timeOptions.push({ value: time, label: time });
  const organisationName = (id: string) => organisations.find((o) => o.id === id)?.name ?? '';

  return (
    <>
      <Paragraph>{t('meetupForm.intro')}</Paragraph>
      <ErrorSummary
        message={errors.message}
        items={summaryItems(errors.fields, FIELDS.map((name) => ({ name, id: ID[name], label: labels[name] })))}
        attempt={errors.attempt}
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form samenspel-meetup-form">
        {meetup || choices.length === 1 ? (
          <Paragraph>{t('meetupForm.organisedBy', { organisation: meetup?.organisation.name ?? organisationName(organisationId) })}</Paragraph>
        ) : (
          <SelectField
            id={ID.meetupOrganisation}
            label={labels.meetupOrganisation}
            description={t('meetupForm.organisationHint')}
            value={organisationId}
            onChange={setOrganisationId}
            error={errors.fields.meetupOrganisation}
            options={[{ value: '', label: t('meetupForm.organisationChoose') }, ...choices.map((o) => ({ value: o.id, label: o.name }))]}
          />
        )}
        <TextField id={ID.meetupTitle} label={labels.meetupTitle} description={t('meetupForm.titleHint')} value={title} onChange={setTitle} error={errors.fields.meetupTitle} />
        <TextField id={ID.place} label={labels.place} description={t('meetupForm.placeHint')} value={place} onChange={setPlace} error={errors.fields.place} />
        <TextField
          id={ID.venuePostcode}
          label={labels.venuePostcode}
          description={t('meetupForm.postcodeHint')}
          autoComplete="off"
          spellCheck={false}
          value={postcode}
          onChange={setPostcode}
          error={errors.fields.venuePostcode}
        />
        <TextField id={ID.meetupDate} type="date" label={labels.meetupDate} value={date} onChange={setDate} error={errors.fields.meetupDate} />
        <div className="samenspel-meetup-times">
          <SelectField id={ID.meetupStart} label={labels.meetupStart} value={startTime} onChange={setStartTime} options={timeOptions} error={errors.fields.meetupStart} />
          <SelectField id={ID.meetupEnd} label={labels.meetupEnd} value={endTime} onChange={setEndTime} options={timeOptions} error={errors.fields.meetupEnd} />
        </div>
        <TextField
          id={ID.capacity}
          label={labels.capacity}
          description={t('meetupForm.capacityHint')}
          autoComplete="off"
          value={capacity}
          onChange={setCapacity}
          error={errors.fields.capacity}
          size={5}
        />
        <TextAreaField
          id={ID.meetupNotes}
          label={labels.meetupNotes}
          description={t('meetupForm.notesHint')}
          optional
          maxLength={2000}
          value={notes}
          onChange={setNotes}
          error={errors.fields.meetupNotes}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('meetupForm.saving') : meetup ? t('meetupForm.submitEdit') : t('meetupForm.submitNew')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
