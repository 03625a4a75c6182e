/**
 * The help-request form: what, when, where, wishes. Short and in plain
 * Dutch, so that a resident can post a request on a phone in under two
 * minutes. Residents use it for themselves (`/hulp-vragen`); social
 * workers and administrators for a resident (`/hulpvragen/nieuw`), with a
 * resident chooser above it.
 *
 * A one-off request asks for a date and a from–to time; the day parts the
 * server wants follow from those, so nobody answers the same thing twice.
 */
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { DayPart, HelpCategory, HelpRequest, HelpSchedule, NewHelpRequest } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { CheckboxField } from './CheckboxField';
import { CheckboxFieldset, checkboxFieldId } from './CheckboxFieldset';
import { DayPartsFieldset, dayPartsFieldId } from './DayPartsFieldset';
import { ErrorSummary } from './ErrorSummary';
import { languageName } from './HelpRequestDetails';
import {
  DURATIONS,
  LANGUAGES,
  MAX_REQUEST_LANGUAGES,
  REQUEST_FIELDS,
  SCHEDULES,
  TIMES,
  dayPartsForWindow,
  isPostcode,
  localDateTimeToIso,
  requestFieldFor,
  todayLocal,
  type RequestField,
} from './neighbour-help';
import { RadioFieldset, radioFieldId } from './RadioFieldset';
import { municipalityList, usePoolPartners } from './regional-pool';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import './neighbour-help.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = {
  category: 'request-category',
  description: 'request-description',
  schedule: 'request-schedule',
  date: 'request-date',
  startTime: 'request-start',
  endTime: 'request-end',
  dayParts: 'request-day-parts',
  duration: 'request-duration',
  postcode: 'request-postcode',
  houseNumber: 'request-house-number',
  houseNumberAddition: 'request-house-number-addition',
  languages: 'request-languages',
  sameGender: 'request-same-gender',
  residentGender: 'request-resident-gender',
  needsVog: 'request-needs-vog',
  regionalPool: 'request-regional-pool',
} as const;

export interface OnBehalf {
  /** The chosen resident; empty while none is chosen. */
  residentPersonId: string;
  /** Id of the input the error summary links to for a resident error. */
  fieldId: string;
  /** The chooser, shown above the form with the form's error for it. */
  render: (error: string | undefined) => ReactNode;
}

interface HelpRequestFormProps {
  code: string;
  categories: HelpCategory[];
  onPosted: (request: HelpRequest) => void;
  onBehalf?: OnBehalf;
}

export function HelpRequestForm({ code, categories, onPosted, onBehalf }: HelpRequestFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [categoryId, setCategoryId] = useState('');
  const [description, setDescription] = useState('');
  const [schedule, setSchedule] = useState<HelpSchedule | ''>('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('');
  const [endTime, setEndTime] = useState('');
  const [dayParts, setDayParts] = useState<DayPart[]>([]);
  const [duration, setDuration] = useState('');
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [addition, setAddition] = useState('');
  const [languages, setLanguages] = useState<string[]>([]);
  const [sameGender, setSameGender] = useState(false);
  const [residentGender, setResidentGender] = useState<'' | 'female' | 'male' | 'other'>('');
  const [needsVog, setNeedsVog] = useState(false);
  const [regionalPool, setRegionalPool] = useState(false);
  const partners = usePoolPartners(code);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<RequestField>();

  const category = categories.find((c) => c.id === categoryId);
  const once = schedule === 'once';
  const message = (field: RequestField, reason: string) => fieldErrorMessage(i18n, field, reason);

  const validate = (): FieldErrors<RequestField> => {
    const found: FieldErrors<RequestField> = {};
    if (onBehalf) {
      const id = onBehalf.residentPersonId.trim();
      if (!id) found.residentPersonId = message('residentPersonId', 'required');
      else if (!UUID.test(id)) found.residentPersonId = message('residentPersonId', 'invalid_format');
    }
    if (!category) found.category = message('category', 'required');
    const text = description.trim();
    if (!text) found.description = message('description', 'required');
    else if (text.length < 10) found.description = message('description', 'too_short');
    if (!schedule) found.schedule = message('schedule', 'required');
    if (once) {
      const today = todayLocal();
      if (!date) found.date = message('date', 'required');
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = message('date', 'invalid_format');
      else if (date < today) found.date = message('date', 'invalid_value');
      if (!startTime) found.startTime = message('startTime', 'required');
      else if (date === today && new Date(`${date}T${startTime}:00`).getTime() < Date.now()) {
        found.startTime = message('startTime', 'invalid_value');
      }
      if (!endTime) found.endTime = message('endTime', 'required');
      else if (startTime && endTime <= startTime) found.endTime = message('endTime', 'invalid_value');
    } else if (schedule && dayParts.length === 0) {
      found.dayParts = message('dayParts', 'required');
    }
    if (!duration) found.duration = message('duration', 'required');
    if (!postcode.trim()) found.postcode = message('postcode', 'required');
    else if (!isPostcode(postcode)) found.postcode = message('postcode', 'invalid_format');
    if (!houseNumber.trim()) found.houseNumber = message('houseNumber', 'required');
    else if (!/^[1-9]\d{0,4}$/.test(houseNumber.trim())) found.houseNumber = message('houseNumber', 'invalid_format');
    if (addition.trim().length > 6) found.houseNumberAddition = message('houseNumberAddition', 'too_long');
    if (languages.length > MAX_REQUEST_LANGUAGES) found.languages = message('languages', 'too_long');
    if (sameGender && !residentGender) found.residentGender = message('residentGender', 'required');
    return found;
  };

  const body = (): NewHelpRequest => ({
    ...(onBehalf ? { residentPersonId: onBehalf.residentPersonId.trim() } : {}),
    categoryId,
    description: description.trim(),
    schedule: schedule as HelpSchedule,
    ...(once ? { window: { start: localDateTimeToIso(date, startTime), end: localDateTimeToIso(date, endTime) } } : {}),
    dayParts: once ? dayPartsForWindow(date, startTime, endTime) : dayParts,
    durationMinutes: Number(duration),
    postcode: postcode.trim(),
    houseNumber: Number(houseNumber.trim()),
    ...(addition.trim() ? { houseNumberAddition: addition.trim() } : {}),
    ...(languages.length > 0 ? { languages } : {}),
    sameGender,
    ...(sameGender && residentGender ? { residentGender } : {}),
    // A vulnerable category always needs a VOG; the server decides that itself.
    ...(category?.vulnerable ? {} : { needsVog }),
    ...(partners && partners.length > 0 ? { regionalPool } : {}),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      const posted = await api.postHelpRequest(code, body());
      onPosted(posted);
    } catch (error) {
      setBusy(false);
      if (isApiError(error) && error.code === 'rate_limited') return errors.fail({}, t('requestHelp.tooMany'));
      const fields = fieldErrorsFromProblem(i18n, error, REQUEST_FIELDS, (name) => requestFieldFor(name, schedule));
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    }
  };

  const fieldDefs: { name: RequestField; id: string; label: string }[] = [
    ...(onBehalf ? [{ name: 'residentPersonId' as const, id: onBehalf.fieldId, label: t('requestDetail.resident') }] : []),
    { name: 'category', id: radioFieldId(ID.category, categories[0]?.id), label: t('requestDetail.category') },
    { name: 'description', id: ID.description, label: t('requestDetail.description') },
    { name: 'schedule', id: radioFieldId(ID.schedule, SCHEDULES[0]), label: t('requestDetail.schedule') },
    { name: 'date', id: ID.date, label: t('requestHelp.short.date') },
    { name: 'startTime', id: ID.startTime, label: t('requestHelp.short.startTime') },
    { name: 'endTime', id: ID.endTime, label: t('requestHelp.short.endTime') },
    { name: 'dayParts', id: dayPartsFieldId(ID.dayParts), label: t('requestHelp.short.dayParts') },
    { name: 'duration', id: ID.duration, label: t('requestDetail.duration') },
    { name: 'postcode', id: ID.postcode, label: t('field.postcode') },
    { name: 'houseNumber', id: ID.houseNumber, label: t('field.houseNumber') },
    { name: 'houseNumberAddition', id: ID.houseNumberAddition, label: t('field.houseNumberAddition') },
    { name: 'languages', id: checkboxFieldId(ID.languages, LANGUAGES[0]), label: t('requestDetail.languages') },
    { name: 'residentGender', id: radioFieldId(ID.residentGender, 'female'), label: onBehalf ? t('onBehalf.residentGender') : t('field.residentGender') },
  ];

  const timeOptions = [{ value: '', label: t('field.timeChoose') }, ...TIMES.map((time) => ({ value: time, label: time }))];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      {onBehalf?.render(errors.fields.residentPersonId)}
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form samenspel-nh-form">
        <section className="samenspel-nh-section" aria-labelledby="request-what">
          <Heading2 id="request-what">{t('requestHelp.whatHeading')}</Heading2>
          <RadioFieldset
            name={ID.category}
            legend={t('field.category')}
            value={categoryId}
            onChange={setCategoryId}
            error={errors.fields.category}
            options={categories.map((c) => ({
              value: c.id,
              label: c.name,
              ...(c.vulnerable ? { description: t('field.categoryVulnerable') } : {}),
            }))}
          />
          <TextAreaField
            id={ID.description}
            label={t('field.description')}
            description={t('field.descriptionHint')}
            value={description}
            onChange={setDescription}
            maxLength={1000}
            error={errors.fields.description}
          />
        </section>

        <section className="samenspel-nh-section" aria-labelledby="request-when">
          <Heading2 id="request-when">{t('requestHelp.whenHeading')}</Heading2>
          <RadioFieldset<HelpSchedule>
            name={ID.schedule}
            legend={t('field.schedule')}
            value={schedule}
            onChange={setSchedule}
            error={errors.fields.schedule}
            options={SCHEDULES.map((s) => ({ value: s, label: t(`schedule.${s}`) }))}
          />
          {once && (
            <>
              <TextField id={ID.date} type="date" label={t('field.date')} value={date} onChange={setDate} error={errors.fields.date} />
              <div className="samenspel-time-range">
                <SelectField
                  id={ID.startTime}
                  label={t('field.startTime')}
                  value={startTime}
                  onChange={setStartTime}
                  options={timeOptions}
                  error={errors.fields.startTime}
                />
                <SelectField
                  id={ID.endTime}
                  label={t('field.endTime')}
                  value={endTime}
                  onChange={setEndTime}
                  options={timeOptions}
                  error={errors.fields.endTime}
                />
              </div>
            </>
          )}
          {schedule && !once && (
            <DayPartsFieldset
              idPrefix={ID.dayParts}
              legend={t('field.dayParts')}
              description={t('field.dayPartsHint')}
              value={dayParts}
              onChange={setDayParts}
              error={errors.fields.dayParts}
            />
          )}
          <SelectField
            id={ID.duration}
            label={t('field.duration')}
            value={duration}
            onChange={setDuration}
            error={errors.fields.duration}
            options={[
              { value: '', label: t('field.durationChoose') },
              ...DURATIONS.map((minutes) => ({ value: String(minutes), label: t(`duration.${minutes}`) })),
            ]}
          />
        </section>

        <section className="samenspel-nh-section" aria-labelledby="request-where">
          <Heading2 id="request-where">{t('requestHelp.whereHeading')}</Heading2>
          <Paragraph>{onBehalf ? t('onBehalf.addressIntro') : t('requestHelp.whereIntro')}</Paragraph>
          <div className="samenspel-address">
            <TextField
              id={ID.postcode}
              label={t('field.postcode')}
              description={t('field.postcodeHint')}
              autoComplete={onBehalf ? 'off' : 'postal-code'}
              spellCheck={false}
              value={postcode}
              onChange={setPostcode}
              error={errors.fields.postcode}
            />
            <TextField
              id={ID.houseNumber}
              label={t('field.houseNumber')}
              autoComplete="off"
              spellCheck={false}
              value={houseNumber}
              onChange={setHouseNumber}
              error={errors.fields.houseNumber}
            />
            <TextField
              id={ID.houseNumberAddition}
              label={t('field.houseNumberAddition')}
              autoComplete="off"
              spellCheck={false}
              optional
              value={addition}
              onChange={setAddition}
              error={errors.fields.houseNumberAddition}
            />
          </div>
        </section>

        <section className="samenspel-nh-section" aria-labelledby="request-wishes">
          <Heading2 id="request-wishes">{t('requestHelp.wishesHeading')}</Heading2>
          <Paragraph>{t('requestHelp.wishesIntro')}</Paragraph>
          <CheckboxFieldset
            idPrefix={ID.languages}
            legend={onBehalf ? t('onBehalf.languagesLegend') : t('field.languages')}
            description={t('field.languagesHint')}
            optional
            columns
            options={LANGUAGES.map((language) => ({ value: language, label: languageName(i18n, language) }))}
            values={languages}
            onChange={setLanguages}
            error={errors.fields.languages}
          />
          <CheckboxField
            id={ID.sameGender}
            label={onBehalf ? t('onBehalf.sameGender') : t('field.sameGender')}
            checked={sameGender}
            onChange={setSameGender}
          />
          {sameGender && (
            <RadioFieldset
              name={ID.residentGender}
              legend={onBehalf ? t('onBehalf.residentGender') : t('field.residentGender')}
              description={t('field.residentGenderHint')}
              value={residentGender}
              onChange={setResidentGender}
              error={errors.fields.residentGender}
              options={(['female', 'male', 'other'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            />
          )}
          <Paragraph>{t('vog.explain')}</Paragraph>
          {category?.vulnerable ? (
            <Paragraph>{t('requestHelp.vogAlways', { category: category.name })}</Paragraph>
          ) : (
            <CheckboxField
              id={ID.needsVog}
              label={onBehalf ? t('onBehalf.needsVog') : t('field.needsVog')}
              description={t('field.needsVogHint')}
              checked={needsVog}
              onChange={setNeedsVog}
            />
          )}
          {partners && partners.length > 0 && (
            <CheckboxField
              id={ID.regionalPool}
              label={onBehalf ? t('onBehalf.regionalPool') : t('field.requestRegionalPool')}
              description={t('field.requestRegionalPoolHint', { partners: municipalityList(partners, i18n.locale) })}
              checked={regionalPool}
              onChange={setRegionalPool}
            />
          )}
        </section>

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('requestHelp.busy') : t('requestHelp.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
