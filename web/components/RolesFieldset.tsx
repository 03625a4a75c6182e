/**
 * Choose the roles a person has in this municipality. A professional must
 * work for an organisation, so choosing "professional" reveals a required
 * organisation field right below it.
 *
 * One organisation per person for now: the contract allows a professional
 * role per organisation, but nobody has asked for two yet.
 */
import { Fieldset, FieldsetLegend, FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { ROLES, ROLES_WITH_ORGANISATION, type Role } from '../../shared/roles';
import type { Organisation, RoleInput } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { CheckboxField } from './CheckboxField';
import { SelectField } from './SelectField';

export interface RolesValue {
  roles: Role[];
  organisationId: string;
}

export function rolesValueToInput(value: RolesValue): RoleInput[] {
  return value.roles.map((role) =>
    ROLES_WITH_ORGANISATION.includes(role) ? { role, organisationId: value.organisationId } : { role },
  );
}

export const needsOrganisation = (value: RolesValue) => value.roles.some((role) => ROLES_WITH_ORGANISATION.includes(role));

/** Id of the first checkbox: where the error summary sends focus for a roles error. */
export const rolesFieldId = (idPrefix: string) => `${idPrefix}-${ROLES[0]}`;
export const organisationFieldId = (idPrefix: string) => `${idPrefix}-organisation`;

interface RolesFieldsetProps {
  idPrefix: string;
  value: RolesValue;
  onChange: (value: RolesValue) => void;
  organisations: Organisation[];
  rolesError?: string | undefined;
  organisationError?: string | undefined;
}

export function RolesFieldset({ idPrefix, value, onChange, organisations, rolesError, organisationError }: RolesFieldsetProps) {
  const { t } = useI18n();
  const descriptionId = `${idPrefix}-description`;
  const errorId = `${idPrefix}-error`;

  const toggle = (role: Role, checked: boolean) => {
    const roles = checked ? ROLES.filter((r) => r === role || value.roles.includes(r)) : value.roles.filter((r) => r !== role);
    onChange({ ...value, roles });
  };

  return (
    <Fieldset
      invalid={Boolean(rolesError)}
      aria-describedby={rolesError ? `${descriptionId} ${errorId}` : descriptionId}
      className="utrecht-form-fieldset--distanced"
    >
      <FieldsetLegend>{t('field.roles')}</FieldsetLegend>
      <FormFieldDescription id={descriptionId}>{t('field.rolesHint')}</FormFieldDescription>
      {rolesError && <FormFieldErrorMessage id={errorId}>{rolesError}</FormFieldErrorMessage>}
      {ROLES.map((role) => (
        <div key={role}>
          <CheckboxField
            id={`${idPrefix}-${role}`}
            label={t(`role.${role}`)}
            checked={value.roles.includes(role)}
            invalid={Boolean(rolesError)}
            onChange={(checked) => toggle(role, checked)}
          />
          {ROLES_WITH_ORGANISATION.includes(role) && value.roles.includes(role) && (
            <div className="samenspel-nested-field">
              {organisations.length === 0 ? (
                // Focusable so an organisation error in the summary still has a target.
                <FormFieldDescription id={organisationFieldId(idPrefix)} tabIndex={-1}>
                  {organisationError ?? t('field.organisationNone')}
                </FormFieldDescription>
              ) : (
                <SelectField
                  id={organisationFieldId(idPrefix)}
                  label={t('field.organisation')}
                  description={t('field.organisationHint')}
                  value={value.organisationId}
                  onChange={(organisationId) => onChange({ ...value, organisationId })}
                  error={organisationError}
                  options={[
                    { value: '', label: t('field.organisationChoose') },
                    ...organisations.map((o) => ({
                      value: o.id,
                      label: `${o.name} (${t(`organisationKind.${o.kind}`)})`,
                    })),
                  ]}
                />
              )}
            </div>
          )}
        </div>
      ))}
    </Fieldset>
  );
}
