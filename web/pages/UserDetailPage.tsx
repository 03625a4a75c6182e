/**
 * Admin: one person. Their details, and a form to change their roles.
 * Opening this page is itself an audited read of personal data, which the
 * person can see in their own access log.
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
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/endpoints';
import type { Membership, Organisation, Person } from '../api/types';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireRole } from '../components/Guards';
import { Loading, ProblemAlert } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import {
  needsOrganisation,
  organisationFieldId,
  RolesFieldset,
  rolesFieldId,
  rolesValueToInput,
  type RolesValue,
} from '../components/RolesFieldset';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import { NotFoundPage } from './NotFoundPage';
import { isApiError } from '../api/client';

const FIELDS = ['roles', 'organisationId'] as const;
type Field = (typeof FIELDS)[number];
const ROLES_ID = 'edit-roles';

export function UserDetailPage({ id }: { id: string }) {
  return (
    <RequireRole role="admin">
      {({ membership }) => <UserDetail key={`${membership.municipality.code}/${id}`} membership={membership} id={id} />}
    </RequireRole>
  );
}

function UserDetail({ membership, id }: { membership: Membership; id: string }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const data = useResource(async () => {
    const [person, organisations] = await Promise.all([api.getPerson(code, id), api.listOrganisations(code)]);
    return { person, organisations };
  }, [code, id]);
  const { resource } = data;

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    if (isApiError(resource.error) && resource.error.code === 'not_found') return <NotFoundPage />;
    return (
      <>
        <PageHeading>{t('users.title')}</PageHeading>
        <ProblemAlert error={resource.error} />
      </>
    );
  }
  const { person, organisations } = resource.data;

  return (
    <>
      <PageHeading documentTitle={t('userDetail.title', { name: person.displayName })}>{person.displayName}</PageHeading>
      <Paragraph>
        <RouterLink href={PATHS.users}>{t('userDetail.back')}</RouterLink>
      </Paragraph>
      <section className="samenspel-section" aria-labelledby="user-details">
        <Heading2 id="user-details">{t('userDetail.detailsHeading')}</Heading2>
        <PersonDetails person={person} />
      </section>
      <section className="samenspel-section" aria-labelledby="user-roles">
        <Heading2 id="user-roles">{t('userDetail.rolesHeading')}</Heading2>
        <RolesForm
          code={code}
          person={person}
          organisations={organisations}
          onSaved={(saved) => data.setData({ person: saved, organisations })}
        />
      </section>
    </>
  );
}

function PersonDetails({ person }: { person: Person }) {
  const { t, formatDate } = useI18n();
  return (
    <DataList className="samenspel-data-list">
      <DataListItem>
        <DataListKey>{t('field.email')}</DataListKey>
        <DataListValue>{person.email ?? t('profile.noEmail')}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('userDetail.phone')}</DataListKey>
        <DataListValue>{person.phone ?? t('userDetail.noPhone')}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('userDetail.account')}</DataListKey>
        <DataListValue>{person.hasAccount ? t('userDetail.hasAccount') : t('userDetail.noAccount')}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('userDetail.createdAt')}</DataListKey>
        <DataListValue>
          <time dateTime={person.createdAt}>{formatDate(person.createdAt)}</time>
        </DataListValue>
      </DataListItem>
    </DataList>
  );
}

function initialRoles(person: Person): RolesValue {
  return {
    roles: [...new Set(person.roles.map((r) => r.role))],
    organisationId: person.roles.find((r) => r.organisationId)?.organisationId ?? '',
  };
}

interface RolesFormProps {
  code: string;
  person: Person;
  organisations: Organisation[];
  onSaved: (person: Person) => void;
}

function RolesForm({ code, person, organisations, onSaved }: RolesFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [roles, setRoles] = useState<RolesValue>(() => initialRoles(person));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (roles.roles.length === 0) found.roles = t('fieldError.roles.required');
    if (needsOrganisation(roles) && !roles.organisationId) found.organisationId = t('fieldError.organisationId.required');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      const saved = await api.replaceRoles(code, person.id, rolesValueToInput(roles));
      errors.clear();
      onSaved(saved);
      announce(t('userDetail.saved', { name: saved.displayName }));
    } catch (error) {
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  };

  const fieldDefs = [
    { name: 'roles' as const, id: rolesFieldId(ROLES_ID), label: t('field.roles') },
    { name: 'organisationId' as const, id: organisationFieldId(ROLES_ID), label: t('field.organisation') },
  ];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <RolesFieldset
          idPrefix={ROLES_ID}
          value={roles}
          onChange={setRoles}
          organisations={organisations}
          rolesError={errors.fields.roles}
          organisationError={errors.fields.organisationId}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('form.saving') : t('userDetail.save')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
