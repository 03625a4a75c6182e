/**
 * Admin: the people in the active municipality. Search by name or e-mail,
 * filter by role, page through the results, open a person to change roles.
 */
import {
  Button,
  ButtonGroup,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ROLES } from '../../shared/roles';
import * as api from '../api/endpoints';
import type { Membership, PersonList } from '../api/types';
import { PATHS, userPath } from '../app/navigation';
import { RequireRole } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { roleNames } from '../components/RoleList';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { ScrollTable } from '../components/ScrollTable';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { useResource, type Resource } from '../lib/use-resource';
import { RouterLink } from '../router';

const PAGE_SIZE = 20;

export function UsersPage() {
  return <RequireRole role="admin">{({ membership }) => <Users key={membership.municipality.code} membership={membership} />}</RequireRole>;
}

function Users({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [applied, setApplied] = useState({ q: '', role: '', offset: 0 });
  const persons = useResource(
    () => api.listPersons(code, { q: applied.q || undefined, role: applied.role || undefined, limit: PAGE_SIZE, offset: applied.offset }),
    [code, applied],
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ q: q.trim(), role, offset: 0 });
  };

  return (
    <>
      <PageHeading>{t('users.title')}</PageHeading>
      <Paragraph>{t('users.intro', { municipality: membership.municipality.name })}</Paragraph>
      <Paragraph>
        <RouterButtonLink href={PATHS.newUser} appearance="primary-action-button">
          {t('users.new')}
        </RouterButtonLink>
      </Paragraph>

      <form role="search" aria-label={t('users.searchHeading')} onSubmit={search} className="samenspel-form samenspel-filter">
        <TextField id="users-q" type="search" label={t('users.searchLabel')} optional markOptional={false} spellCheck={false} value={q} onChange={setQ} />
        <SelectField
          id="users-role"
          label={t('users.roleFilter')}
          optional
          markOptional={false}
          value={role}
          onChange={setRole}
          options={[{ value: '', label: t('users.anyRole') }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('users.searchSubmit')}
          </Button>
        </ButtonGroup>
      </form>

      <ResultCount resource={persons.resource} />
      <LoadState resource={persons.resource}>
        {(list) => (
          <>
            <PersonsTable list={list} municipalityName={membership.municipality.name} />
            <Pagination
              offset={applied.offset}
              total={list.total}
              onPage={(offset) => setApplied((current) => ({ ...current, offset }))}
            />
          </>
        )}
      </LoadState>
    </>
  );
}

/** Always in the page as a live region, so each new search result count is announced. */
function ResultCount({ resource }: { resource: Resource<PersonList> }) {
  const { t } = useI18n();
  const total = resource.status === 'ready' ? resource.data.total : null;
  return (
    <Paragraph role="status" className="samenspel-result-count">
      {total === null ? '' : total === 0 ? t('users.empty') : total === 1 ? t('users.resultsOne') : t('users.resultsMany', { count: total })}
    </Paragraph>
  );
}

function PersonsTable({ list, municipalityName }: { list: PersonList; municipalityName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (list.items.length === 0) return null;
  return (
    <ScrollTable caption={t('users.caption', { municipality: municipalityName })} hideCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('users.col.name')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('users.col.email')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('users.col.roles')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.items.map((person) => (
          <TableRow key={person.id}>
            <TableHeaderCell scope="row">
              <RouterLink href={userPath(person.id)}>{person.displayName}</RouterLink>
            </TableHeaderCell>
            <TableCell>{person.email ?? t('users.noEmail')}</TableCell>
            <TableCell>{roleNames(i18n, person.roles)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}

function Pagination({ offset, total, onPage }: { offset: number; total: number; onPage: (offset: number) => void }) {
  const { t } = useI18n();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const page = Math.floor(offset / PAGE_SIZE) + 1;
  return (
    <nav aria-label={t('users.pagination')} className="samenspel-pagination">
      <ButtonGroup>
        {page > 1 && (
          <Button appearance="secondary-action-button" onClick={() => onPage(offset - PAGE_SIZE)}>
            {t('users.previous')}
          </Button>
        )}
        <Paragraph className="samenspel-pagination__position">{t('users.pageOf', { page, pages })}</Paragraph>
        {page < pages && (
          <Button appearance="secondary-action-button" onClick={() => onPage(offset + PAGE_SIZE)}>
            {t('users.next')}
          </Button>
        )}
      </ButtonGroup>
    </nav>
  );
}
