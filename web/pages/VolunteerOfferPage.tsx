/**
 * Mijn hulpaanbod: what a volunteer offers (kinds of help, when, how often,
 * how far), whether the offer is on or paused, and, read-only, whether a
 * VOG (certificate of conduct) is known: a coordinator records that.
 *
 * The API replaces the whole offer on every save, so what this form does
 * not show (skills) is sent back as it was.
 */
import { municipalityList, usePoolPartners } from '../components/regional-pool';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { DayPart, HelpCategory, Membership, VolunteerGender, VolunteerProfile } from '../api/types';
import { useAnnounce } from '../app/status';
import { CheckboxField } from '../components/CheckboxField';
import { CheckboxFieldset, checkboxFieldId } from '../components/CheckboxFieldset';
import { DayPartsFieldset, dayPartsFieldId } from '../components/DayPartsFieldset';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireRole } from '../components/Guards';
import { languageName } from '../components/HelpRequestDetails';
import { LoadState } from '../components/LoadState';
import {
  GENDERS,
  LANGUAGES,
  MAX_KM,
  MAX_RESIDENTS,
  OFFER_FIELDS,
  SESSIONS_PER_MONTH,
  isPostcodeArea,
  offerFieldFor,
  withCurrent,
  type OfferField,
} from '../components/neighbour-help';
import { PageHeading } from '../components/PageHeading';
import { RadioFieldset } from '../components/RadioFieldset';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';

interface OfferData {
  categories: HelpCategory[];
  /** Null until the volunteer saves an offer for the first time. */
  profile: VolunteerProfile | null;
}

export function VolunteerOfferPage() {
  return <RequireRole role="volunteer">{({ membership }) => <VolunteerOffer key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function VolunteerOffer({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const data = useResource<OfferData>(async () => {
    const [categories, profile] = await Promise.all([
      api.listHelpCategories(code),
      api.getMyVolunteerProfile(code).catch((error: unknown) => {
        if (isApiError(error) && error.code === 'not_found') return null;
        throw error;
      }),
    ]);
    return { categories, profile };
  }, [code]);

  return (
    <>
      <PageHeading>{t('volunteer.title')}</PageHeading>
      <Paragraph appearance="lead">{t('volunteer.intro')}</Paragraph>
      <LoadState resource={data.resource}>
        {({ categories, profile }) => (
          <>
            <section className="samenspel-section" aria-labelledby="volunteer-vog">
              <Heading2 id="volunteer-vog">{t('volunteer.vogHeading')}</Heading2>
              <VogStatus profile={profile} />
              <Paragraph>{t('vog.explain')}</Paragraph>
              <Paragraph>{t('volunteer.vogNeeded')}</Paragraph>
            </section>
            <section className="samenspel-section" aria-labelledby="volunteer-offer">
              <Heading2 id="volunteer-offer">{t('volunteer.offerHeading')}</Heading2>
              {!profile && <Paragraph>{t('volunteer.new')}</Paragraph>}
              <OfferForm code={code} categories={categories} profile={profile} onSaved={(saved) => data.setData({ categories, profile: saved })} />
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}

function VogStatus({ profile }: { profile: VolunteerProfile | null }) {
  const { t, formatDate } = useI18n();
  if (!profile) return <Paragraph>{t('volunteer.vogAfterSave')}</Paragraph>;
  const { vog } = profile;
  const text =
    vog.valid && vog.validUntil
      ? t('volunteer.vogValid', { date: formatDate(vog.validUntil) })
      : vog.issuedOn && vog.validUntil
        ? t('volunteer.vogExpired', { date: formatDate(vog.validUntil) })
        : t('volunteer.vogNone');
  return (
    <Paragraph className="samenspel-vog-status">
      <strong>{text}</strong>
    </Paragraph>
  );
}

const ID = {
  categories: 'offer-categories',
  dayParts: 'offer-day-parts',
  sessionsPerMonth: 'offer-sessions',
  maxResidents: 'offer-max-residents',
  maxKm: 'offer-max-km',
  languages: 'offer-languages',
  gender: 'offer-gender',
  area: 'offer-postcode',
  regionalPool: 'offer-regional-pool',
  giftMode: 'offer-gift-mode',
  active: 'offer-active',
} as const;

function OfferForm({
  code,
  categories,
  profile,
  onSaved,
}: {
  code: string;
  categories: HelpCategory[];
  profile: VolunteerProfile | null;
  onSaved: (profile: VolunteerProfile) => void;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const announce = useAnnounce();
  const [categoryIds, setCategoryIds] = useState<string[]>(profile?.categoryIds ?? []);
  const [dayParts, setDayParts] = useState<DayPart[]>(profile?.dayParts ?? []);
  const [sessions, setSessions] = useState(profile ? String(profile.sessionsPerMonth) : '');
  const [maxResidents, setMaxResidents] = useState(String(profile?.maxResidents ?? 1));
  const [maxKm, setMaxKm] = useState(profile ? String(profile.maxKm) : '');
  const [languages, setLanguages] = useState<string[]>(profile?.languages ?? ['nl']);
  const [gender, setGender] = useState<VolunteerGender>(profile?.gender ?? 'unknown');
  const [area, setArea] = useState(profile?.pc4 ?? '');
  const [regionalPool, setRegionalPool] = useState(profile?.regionalPool ?? false);
  const partners = usePoolPartners(code);
  const [giftMode, setGiftMode] = useState<'gift' | 'timeBank'>(profile?.giftMode === false ? 'timeBank' : 'gift');
  const [active, setActive] = useState<'on' | 'paused'>(profile?.active === false ? 'paused' : 'on');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<OfferField>();
  const message = (field: OfferField, reason: string) => fieldErrorMessage(i18n, field, reason);
  const number = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB');

  const validate = (): FieldErrors<OfferField> => {
    const found: FieldErrors<OfferField> = {};
    if (categoryIds.length === 0) found.categories = message('categories', 'required');
    if (dayParts.length === 0) found.dayParts = message('dayParts', 'required');
    if (!sessions) found.sessionsPerMonth = message('sessionsPerMonth', 'required');
    if (!maxResidents) found.maxResidents = message('maxResidents', 'required');
    if (!maxKm) found.maxKm = message('maxKm', 'required');
    if (languages.length === 0) found.languages = message('languages', 'too_short');
    if (!area.trim()) found.area = message('area', 'required');
    else if (!isPostcodeArea(area)) found.area = message('area', 'invalid_format');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      const saved = await api.saveMyVolunteerProfile(code, {
        categoryIds,
        skills: profile?.skills ?? [],
        dayParts,
        sessionsPerMonth: Number(sessions),
        maxResidents: Number(maxResidents),
        maxKm: Number(maxKm),
        languages,
        gender,
        postcode: area.trim(),
        regionalPool,
        giftMode: giftMode === 'gift',
        active: active === 'on',
      });
      errors.clear();
      onSaved(saved);
      announce(t('volunteer.saved'));
    } catch (error) {
      const fields = fieldErrorsFromProblem(i18n, error, OFFER_FIELDS, offerFieldFor);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  };

  const sessionLabel = (value: number) => {
    const key = `field.sessions.${value}`;
    return i18n.has(key) ? t(key) : t('field.sessions.other', { count: number.format(value) });
  };

  // Languages set elsewhere (not in the standard list) stay visible and can be unticked.
  const languageCodes = [...LANGUAGES, ...languages.filter((language) => !(LANGUAGES as readonly string[]).includes(language))];

  const fieldDefs: { name: OfferField; id: string; label: string }[] = [
    { name: 'categories', id: checkboxFieldId(ID.categories, categories[0]?.id), label: t('requestDetail.category') },
    { name: 'dayParts', id: dayPartsFieldId(ID.dayParts), label: t('requestHelp.short.dayParts') },
    { name: 'sessionsPerMonth', id: ID.sessionsPerMonth, label: t('requestDetail.schedule') },
    { name: 'maxResidents', id: ID.maxResidents, label: t('field.maxResidents') },
    { name: 'maxKm', id: ID.maxKm, label: t('field.maxKm') },
    { name: 'languages', id: checkboxFieldId(ID.languages, languageCodes[0]), label: t('requestDetail.languages') },
    { name: 'gender', id: ID.gender, label: t('field.gender') },
    { name: 'area', id: ID.area, label: t('field.area') },
  ];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form samenspel-nh-form">
        <CheckboxFieldset
          idPrefix={ID.categories}
          legend={t('field.offerCategories')}
          description={t('field.offerCategoriesHint')}
          options={categories.map((c) => ({ value: c.id, label: c.name, ...(c.vulnerable ? { description: t('field.offerVulnerable') } : {}) }))}
          values={categoryIds}
          onChange={setCategoryIds}
          error={errors.fields.categories}
        />
        <DayPartsFieldset
          idPrefix={ID.dayParts}
          legend={t('field.offerDayParts')}
          description={t('field.offerDayPartsHint')}
          value={dayParts}
          onChange={setDayParts}
          error={errors.fields.dayParts}
        />
        <SelectField
          id={ID.sessionsPerMonth}
          label={t('field.sessionsPerMonth')}
          value={sessions}
          onChange={setSessions}
          error={errors.fields.sessionsPerMonth}
          options={[
            { value: '', label: t('field.sessionsChoose') },
            ...withCurrent(SESSIONS_PER_MONTH, profile?.sessionsPerMonth ?? null).map((v) => ({ value: String(v), label: sessionLabel(v) })),
          ]}
        />
        <SelectField
          id={ID.maxResidents}
          label={t('field.maxResidents')}
          value={maxResidents}
          onChange={setMaxResidents}
          error={errors.fields.maxResidents}
          options={withCurrent(MAX_RESIDENTS, profile?.maxResidents ?? null).map((v) => ({
            value: String(v),
            label: v === 1 ? t('field.maxResidents.one') : t('field.maxResidents.many', { count: v }),
          }))}
        />
        <SelectField
          id={ID.maxKm}
          label={t('field.maxKm')}
          description={t('field.maxKmHint')}
          value={maxKm}
          onChange={setMaxKm}
          error={errors.fields.maxKm}
          options={[
            { value: '', label: t('field.maxKmChoose') },
            ...withCurrent(MAX_KM, profile?.maxKm ?? null).map((v) => ({ value: String(v), label: t('field.maxKmOption', { km: v }) })),
          ]}
        />
        <CheckboxFieldset
          idPrefix={ID.languages}
          legend={t('field.offerLanguages')}
          description={t('field.offerLanguagesHint')}
          columns
          options={languageCodes.map((language) => ({ value: language, label: languageName(i18n, language) }))}
          values={languages}
          onChange={setLanguages}
          error={errors.fields.languages}
        />
        <SelectField
          id={ID.gender}
          label={t('field.gender')}
          description={t('field.genderHint')}
          optional
          value={gender}
          onChange={(value) => setGender(value as VolunteerGender)}
          error={errors.fields.gender}
          options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
        />
        <TextField
          id={ID.area}
          label={t('field.area')}
          description={t('field.areaHint')}
          autoComplete="postal-code"
          spellCheck={false}
          value={area}
          onChange={setArea}
          error={errors.fields.area}
        />
        <CheckboxField
          id={ID.regionalPool}
          label={t('field.regionalPool')}
          description={
            partners && partners.length > 0
              ? t('field.regionalPoolHintPartners', { partners: municipalityList(partners, locale) })
              : t('field.regionalPoolHintNone')
          }
          checked={regionalPool}
          onChange={setRegionalPool}
        />
        <RadioFieldset<'gift' | 'timeBank'>
          name={ID.giftMode}
          legend={t('field.giftMode')}
          value={giftMode}
          onChange={setGiftMode}
          options={[
            { value: 'gift', label: t('field.giftMode.gift') },
            { value: 'timeBank', label: t('field.giftMode.timeBank') },
          ]}
        />
        <RadioFieldset<'on' | 'paused'>
          name={ID.active}
          legend={t('field.active')}
          value={active}
          onChange={setActive}
          options={[
            { value: 'on', label: t('field.active.on') },
            { value: 'paused', label: t('field.active.paused') },
          ]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('form.saving') : t('volunteer.save')}
          </Button>
        </ButtonGroup>
        {profile && (
          <Paragraph appearance="small">{t('volunteer.updatedAt', { date: i18n.formatDateTime(profile.updatedAt) })}</Paragraph>
        )}
      </form>
    </>
  );
}
