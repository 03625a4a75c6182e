/**
 * My profile: my name and phone number, my roles, my language, and who has
 * looked at my details (the access log residents are entitled to see).
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Locale } from '../../shared/roles';
import * as api from '../api/endpoints';
import type { AccessLogEntry, Membership, Person } from '../api/types';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireSignIn } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RadioGroup } from '../components/RadioGroup';
import { RoleList, roleNames } from '../components/RoleList';
import { ScrollTable } from '../components/ScrollTable';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { isPhoneNumber } from '../lib/validation';

export function ProfilePage() {
  return <RequireSignIn>{({ membership }) => <Profile key={membership.municipality.code} membership={membership} />}</RequireSignIn>;
}

function Profile({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const me = useResource(() => api.getMe(code), [code]);
  const accessLog = useResource(() => api.getMyAccessLog(code), [code]);

  return (
    <>
      <PageHeading>{t('profile.title')}</PageHeading>
      <section className="samenspel-section" aria-labelledby="profile-details">
        <Heading2 id="profile-details">{t('profile.detailsHeading')}</Heading2>
        <LoadState resource={me.resource}>{(person) => <DetailsForm person={person} code={code} onSaved={me.setData} />}</LoadState>
      </section>

      <section className="samenspel-section" aria-labelledby="profile-roles">
        <Heading2 id="profile-roles">{t('profile.rolesHeading')}</Heading2>
        <LoadState resource={me.resource}>
          {(person) =>
            person.roles.length > 0 ? (
              <>
                <Paragraph>{t('profile.rolesIntro', { municipality: membership.municipality.name })}</Paragraph>
                <RoleList roles={person.roles} />
              </>
            ) : (
              <Paragraph>{t('profile.noRoles')}</Paragraph>
            )
          }
        </LoadState>
      </section>

      <section className="samenspel-section" aria-labelledby="profile-language">
        <Heading2 id="profile-language">{t('profile.languageHeading')}</Heading2>
        <LanguageForm />
      </section>

      <section className="samenspel-section" aria-labelledby="profile-access">
        <Heading2 id="profile-access">{t('profile.accessHeading')}</Heading2>
        <Paragraph>{t('profile.accessIntro')}</Paragraph>
        <LoadState resource={accessLog.resource}>{(log) => <AccessLogTable items={log.items} />}</LoadState>
      </section>
    </>
  );
}

const DETAIL_FIELDS = ['givenName', 'familyName', 'phone'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

function DetailsForm({ person, code, onSaved }: { person: Person; code: string; onSaved: (person: Person) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [givenName, setGivenName] = useState(person.givenName);
  const [familyName, setFamilyName] = useState(person.familyName);
  const [phone, setPhone] = useState(person.phone ?? '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<DetailField>();

  const validate = (): FieldErrors<DetailField> => {
    const found: FieldErrors<DetailField> = {};
    if (!givenName.trim()) found.givenName = t('fieldError.givenName.required');
    if (!familyName.trim()) found.familyName = t('fieldError.familyName.required');
    if (phone.trim() && !isPhoneNumber(phone)) found.phone = t('fieldError.phone.invalid_format');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      const saved = await api.updateMe(code, {
        givenName: givenName.trim(),
        familyName: familyName.trim(),
        phone: phone.trim() || null,
      });
      errors.clear();
      onSaved(saved);
      announce(t('profile.saved'));
      // The header shows the display name from the session.
      void refresh();
    } catch (error) {
      const fields = fieldErrorsFromProblem(i18n, error, DETAIL_FIELDS);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  };

  const fieldDefs = [
    { name: 'givenName' as const, id: 'profile-given-name', label: t('field.givenName') },
    { name: 'familyName' as const, id: 'profile-family-name', label: t('field.familyName') },
    { name: 'phone' as const, id: 'profile-phone', label: t('field.phone') },
  ];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <Paragraph>{t('profile.detailsIntro')}</Paragraph>
      <DataList className="samenspel-data-list">
        <DataListItem>
          <DataListKey>{t('profile.email')}</DataListKey>
          <DataListValue>{person.email ?? t('profile.noEmail')}</DataListValue>
        </DataListItem>
      </DataList>
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <TextField
          id="profile-given-name"
          label={t('field.givenName')}
          autoComplete="given-name"
          spellCheck={false}
          value={givenName}
          onChange={setGivenName}
          error={errors.fields.givenName}
        />
        <TextField
          id="profile-family-name"
          label={t('field.familyName')}
          autoComplete="family-name"
          spellCheck={false}
          value={familyName}
          onChange={setFamilyName}
          error={errors.fields.familyName}
        />
        <TextField
          id="profile-phone"
          type="tel"
          label={t('field.phone')}
          description={t('field.phoneHint')}
          autoComplete="tel"
          optional
          value={phone}
          onChange={setPhone}
          error={errors.fields.phone}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('form.saving') : t('profile.save')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

function LanguageForm() {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const [choice, setChoice] = useState<Locale>(locale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The whole page switches language; the header button announces nothing here.
    changeLocale(choice);
  };

  return (
    <form onSubmit={submit} className="samenspel-form">
      <RadioGroup<Locale>
        name="profile-language"
        legend={t('profile.languageLegend')}
        value={choice}
        onChange={setChoice}
        options={[
          { value: 'nl', label: t('language.nl'), lang: 'nl' },
          { value: 'en', label: t('language.en'), lang: 'en' },
        ]}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('profile.languageSave')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function AccessLogTable({ items }: { items: AccessLogEntry[] }) {
  const i18n = useI18n();
  const { t, tCode, formatDateTime } = i18n;
  if (items.length === 0) return <Paragraph>{t('profile.accessEmpty')}</Paragraph>;
  return (
    <ScrollTable caption={t('profile.accessCaption')} hideCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('profile.col.when')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('profile.col.who')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('profile.col.role')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('profile.col.what')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('profile.col.why')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item, index) => (
          <TableRow key={`${item.occurredAt}-${index}`}>
            <TableCell>
              <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
            </TableCell>
            <TableCell>{item.actorDisplayName || t('audit.system')}</TableCell>
            <TableCell>{roleNames(i18n, item.actorRoles)}</TableCell>
            <TableCell>{tCode('action', item.action)}</TableCell>
            <TableCell>{tCode('purpose', item.purpose)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
