/** A person's roles in words: "Professional (hulpverlener) bij Zorggroep Drechtsteden". */
import { UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ROLES, type Role } from '../../shared/roles';
import type { PersonRole } from '../api/types';
import { useI18n, type I18n } from '../i18n/i18n';

export function roleLabel(i18n: Pick<I18n, 'tCode'>, role: string): string {
  return i18n.tCode('role', role);
}

/** Role names joined for a table cell, in the fixed order of shared/roles. */
export function roleNames(i18n: Pick<I18n, 'tCode'>, roles: readonly string[]): string {
  const order = (role: string) => {
    const index = ROLES.indexOf(role as Role);
    return index === -1 ? ROLES.length : index;
  };
  return [...roles].sort((a, b) => order(a) - order(b)).map((role) => roleLabel(i18n, role)).join(', ');
}

export function RoleList({ roles }: { roles: PersonRole[] }) {
  const i18n = useI18n();
  return (
    <UnorderedList>
      {roles.map((r) => (
        <UnorderedListItem key={`${r.role}-${r.organisationId ?? ''}`}>
          {r.organisationName
            ? i18n.t('role.atOrganisation', { role: roleLabel(i18n, r.role), organisation: r.organisationName })
            : roleLabel(i18n, r.role)}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}
