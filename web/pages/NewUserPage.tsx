/**
 * Admin: create a person in the active municipality, with roles and, when
 * there is an e-mail address, an optional invitation to choose a password.
 */
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/endpoints';
import type { Membership, NewPerson, Organisation } from '../api/types';
import { PATHS, userPath } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { CheckboxField } from '../components/CheckboxField';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireRole } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import {
  needsOrganisation,
  organisationFieldId,
  RolesFieldset,
  rolesFieldId,
  rolesValueToInput,
  type RolesValue,
} from '../components/RolesFieldset';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { isEmailAddress, isPhoneNumber } from '../lib/validation';
import { navigate, RouterLink } from '../router';

const FIELDS = ['givenName', 'familyName', 'email', 'phone', 'roles', 'organisationId', 'invite'] as const;
type Field = (typeof FIELDS)[number];
const ROLES_ID = 'new-roles';

export function NewUserPage() {
  return <RequireRole role="admin">{({ membership }) => <NewUser key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function NewUser({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const organisations = useResource(() => api.listOrganisations(code), [code]);
  return (
    <>
      <PageHeading>{t('userNew.title')}</PageHeading>
      <LoadState resource={organisations.resource}>{(list) => <NewUserForm code={code} organisations={list} />}</LoadState>
      <Paragraph>
        <RouterLink href={PATHS.users}>{t('userNew.cancel')}</RouterLink>
      </Paragraph>
    </>
  );
}

function NewUserForm({ code, organisations }: { code: string; organisations: Organisation[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [roles, setRoles] = useState<RolesValue>({ roles: [], organisationId: '' });
  const [invite, setInvite] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (!givenName.trim()) found.givenName = t('fieldError.givenName.required');
    if (!familyName.trim()) found.familyName = t('fieldError.familyName.required');
    if (email.trim() && !isEmailAddress(email)) found.email = t('fieldError.email.invalid_format');
    if (!email.trim() && invite) found.email = t('fieldError.email.requiredForInvite');
    if (phone.trim() && !isPhoneNumber(phone)) found.phone = t('fieldError.phone.invalid_format');
    if (roles.roles.length === 0) found.roles = t('fieldError.roles.required');
    if (needsOrganisation(roles) && !roles.organisationId) found.organisationId = t('fieldError.organisationId.required');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    const person: NewPerson = {
      givenName: givenName.trim(),
      familyName: familyName.trim(),
      roles: rolesValueToInput(roles),
      ...(email.trim() ? { email: email.trim(), invite } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
    };
    setBusy(true);
    try {
      const created = await api.createPerson(code, person);
      navigate(userPath(created.id));
      announce(t(person.invite ? 'userNew.createdInvited' : 'userNew.created', { name: created.displayName }));
    } catch (error) {
      setBusy(false);
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    }
  };

  const fieldDefs = [
    { name: 'givenName' as const, id: 'new-given-name', label: t('field.givenName') },
    { name: 'familyName' as const, id: 'new-family-name', label: t('field.familyName') },
    { name: 'email' as const, id: 'new-email', label: t('field.email') },
    { name: 'phone' as const, id: 'new-phone', label: t('field.phone') },
    { name: 'roles' as const, id: rolesFieldId(ROLES_ID), label: t('field.roles') },
    { name: 'organisationId' as const, id: organisationFieldId(ROLES_ID), label: t('field.organisation') },
    { name: 'invite' as const, id: 'new-invite', label: t('field.invite') },
  ];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <Paragraph>{t('userNew.intro')}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <TextField
          id="new-given-name"
          label={t('field.givenName')}
          autoComplete="off"
          spellCheck={false}
          value={givenName}
          onChange={setGivenName}
          error={errors.fields.givenName}
        />
        <TextField
          id="new-family-name"
          label={t('field.familyName')}
          autoComplete="off"
          spellCheck={false}
          value={familyName}
          onChange={setFamilyName}
          error={errors.fields.familyName}
        />
        <TextField
          id="new-email"
          type="email"
          label={t('field.email')}
          autoComplete="off"
          spellCheck={false}
          optional
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <TextField
          id="new-phone"
          type="tel"
          label={t('field.phone')}
          description={t('field.phoneHint')}
          autoComplete="off"
          optional
          value={phone}
          onChange={setPhone}
          error={errors.fields.phone}
        />
        <RolesFieldset
          idPrefix={ROLES_ID}
          value={roles}
          onChange={setRoles}
          organisations={organisations}
          rolesError={errors.fields.roles}
          organisationError={errors.fields.organisationId}
        />
        <CheckboxField
          id="new-invite"
          label={t('field.invite')}
          description={t('field.inviteHint')}
          checked={invite}
          onChange={setInvite}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('form.saving') : t('userNew.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
