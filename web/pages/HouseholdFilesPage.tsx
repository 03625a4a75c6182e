/**
 * Plannen (`/plannen`): the resident files a social worker coordinates or a
 * professional is on; `/plannen/nieuw`: a social worker opens a file for a
 * resident (found by name), with an optional BSN checked with the 11-proof
 * (the server checks again) and the household. The listening overview
 * (`/luisteren`) shows policy officers and administrators every open wish.
 */
import { Button, ButtonGroup, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { searchResidents } from '../api/endpoints';
import * as api from '../api/household';
import { HOUSEHOLD_RELATIONS, type HouseholdMemberInput } from '../api/household';
import type { Membership } from '../api/types';
import { householdFilePath, PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RadioFieldset, radioFieldId } from '../components/RadioFieldset';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { RouterButtonLink } from '../components/RouterButtonLink';
import { ScrollTable } from '../components/ScrollTable';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { useResource } from '../lib/use-resource';
import { navigate, RouterLink } from '../router';
import '../components/household/household.css';
import '../components/neighbour-help.css';

export function HouseholdFilesPage() {
  return (
    <RequireAnyRole roles={['social_worker', 'professional', 'volunteer']}>
      {({ membership }) => <FileList key={membership.municipality.code} membership={membership} />}
    </RequireAnyRole>
  );
}

function FileList({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const code = membership.municipality.code;
  const files = useResource(() => api.listFiles(code), [code]);
  return (
    <>
      <PageHeading>{t('hh.list.title')}</PageHeading>
      <Paragraph appearance="lead">{t('hh.list.intro')}</Paragraph>
      {hasRole('social_worker') && (
        <ButtonGroup>
          <RouterButtonLink href={PATHS.newHouseholdFile} appearance="primary-action-button">
            {t('hh.list.new')}
          </RouterButtonLink>
        </ButtonGroup>
      )}
      <LoadState resource={files.resource}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('hh.list.none')}</Paragraph>
          ) : (
            <ScrollTable caption={t('hh.list.caption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('hh.list.colResident')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.list.colRole')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.list.colCoordinator')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.list.colWishes')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((f) => (
                  <TableRow key={f.id}>
                    <TableHeaderCell scope="row">
                      <RouterLink href={householdFilePath(f.id)}>{f.residentDisplayName ?? t('hh.list.anonymous')}</RouterLink>
                    </TableHeaderCell>
                    <TableCell>{t(`hh.relation.${f.relation}` as 'hh.relation.coordinator')}</TableCell>
                    <TableCell>{f.coordinatorDisplayName}</TableCell>
                    <TableCell>{f.openWishes ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          )
        }
      </LoadState>
    </>
  );
}

export function NewHouseholdFilePage() {
  return (
    <RequireAnyRole roles={['social_worker']}>
      {({ membership }) => <NewFile key={membership.municipality.code} code={membership.municipality.code} />}
    </RequireAnyRole>
  );
}

type Field = 'search' | 'residentPersonId' | 'bsn' | `member.${number}.name` | `member.${number}.birthYear`;
interface MemberDraft {
  name: string;
  relation: string;
  birthYear: string;
}

function NewFile({ code }: { code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Array<{ id: string; displayName: string; email: string | null }> | null>(null);
  const [residentPersonId, setResidentPersonId] = useState('');
  const [bsn, setBsn] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; message: string | null; attempt: number }>({ fields: {}, message: null, attempt: 0 });
  const fail = (fields: Partial<Record<Field, string>>, message: string | null = null) => setErrors((e) => ({ fields, message, attempt: e.attempt + 1 }));

  const find = async (event: FormEvent) => {
    event.preventDefault();
    if (q.trim().length < 2) return fail({ search: t('hh.new.searchTooShort') });
    try {
      const list = await searchResidents(code, { q: q.trim() });
      setResults(list.items);
      setErrors((e) => ({ ...e, fields: {}, message: null }));
      if (!list.items.some((p) => p.id === residentPersonId)) setResidentPersonId('');
    } catch (failure) {
      fail({}, problemMessage(i18n, failure));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!residentPersonId) problems.residentPersonId = t('fieldError.hhResident.required');
    const cleanBsn = bsn.replace(/[\s.-]/g, '');
    if (cleanBsn) {
      const problem = api.bsnProblem(cleanBsn);
      if (problem) problems.bsn = t(problem === 'invalid_format' ? 'fieldError.bsn.invalid_format' : 'fieldError.bsn.invalid');
    }
    const thisYear = new Date().getFullYear();
    members.forEach((m, i) => {
      if (!m.name.trim()) problems[`member.${i}.name`] = t('fieldError.hhMemberName.required');
      if (m.birthYear && (!/^\d{4}$/.test(m.birthYear) || Number(m.birthYear) > thisYear || Number(m.birthYear) < 1900)) problems[`member.${i}.birthYear`] = t('fieldError.hhBirthYear.invalid_value');
    });
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      const householdMembers: HouseholdMemberInput[] = members.map((m) => ({
        name: m.name.trim(),
        relation: m.relation as HouseholdMemberInput['relation'],
        ...(m.birthYear ? { birthYear: Number(m.birthYear) } : {}),
      }));
      const file = await api.openFile(code, { residentPersonId, ...(cleanBsn ? { bsn: cleanBsn } : {}), householdMembers });
      announce(t('hh.new.opened'));
      navigate(householdFilePath(file.id));
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, ['residentPersonId', 'bsn', 'name', 'birthYear'] as const);
      const mapped: Partial<Record<Field, string>> = {};
      if (fields?.residentPersonId) mapped.residentPersonId = fields.residentPersonId;
      if (fields?.bsn) mapped.bsn = fields.bsn;
      if (isConflict(failure)) mapped.residentPersonId = t('fieldError.hhResident.already_taken');
      if (fields?.name || fields?.birthYear) mapped['member.0.name'] = fields.name ?? fields.birthYear ?? '';
      fail(mapped, Object.keys(mapped).length ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const defs: Array<{ key: Field; id: string; label: string }> = [
    { key: 'search', id: 'hh-new-search', label: t('hh.new.search') },
    { key: 'residentPersonId', id: results?.length ? radioFieldId('hh-new-resident', results[0]?.id) : 'hh-new-search', label: t('hh.new.resident') },
    { key: 'bsn', id: 'hh-new-bsn', label: t('hh.new.bsn') },
    ...members.flatMap((_, i) => [
      { key: `member.${i}.name` as Field, id: `hh-new-member-${i}-name`, label: t('hh.new.memberNameN', { n: i + 1 }) },
      { key: `member.${i}.birthYear` as Field, id: `hh-new-member-${i}-year`, label: t('hh.new.memberYearN', { n: i + 1 }) },
    ]),
  ];
  const items = defs.flatMap((d) => (errors.fields[d.key] ? [{ fieldId: d.id, label: d.label, message: errors.fields[d.key]! }] : []));
  const setMember = (i: number, patch: Partial<MemberDraft>) => setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <>
      <PageHeading>{t('hh.new.title')}</PageHeading>
      <Paragraph appearance="lead">{t('hh.new.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={items} attempt={errors.attempt} />
      <section className="samenspel-section" aria-labelledby="hh-new-who">
        <Heading2 id="hh-new-who">{t('hh.new.resident')}</Heading2>
        <form role="search" aria-label={t('hh.new.resident')} noValidate onSubmit={(e) => void find(e)} className="samenspel-form samenspel-filter">
          <TextField id="hh-new-search" type="search" label={t('hh.new.search')} markOptional={false} optional autoComplete="off" spellCheck={false} value={q} onChange={setQ} error={errors.fields.search ?? (results?.length ? undefined : errors.fields.residentPersonId)} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button">
              {t('hh.new.searchSubmit')}
            </Button>
          </ButtonGroup>
        </form>
        <div role="status">{results !== null && results.length === 0 && <Paragraph>{t('hh.new.searchEmpty')}</Paragraph>}</div>
      </section>
      <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form">
        {results !== null && results.length > 0 && (
          <RadioFieldset
            name="hh-new-resident"
            legend={t('hh.new.results')}
            value={residentPersonId}
            onChange={setResidentPersonId}
            error={errors.fields.residentPersonId}
            options={results.map((p) => ({ value: p.id, label: p.displayName, ...(p.email ? { description: p.email } : {}) }))}
          />
        )}
        <section className="samenspel-section" aria-labelledby="hh-new-details">
          <Heading2 id="hh-new-details">{t('hh.new.details')}</Heading2>
          <TextField id="hh-new-bsn" label={t('hh.new.bsn')} description={t('hh.new.bsnHint')} optional autoComplete="off" spellCheck={false} value={bsn} onChange={setBsn} error={errors.fields.bsn} size={11} />
          {members.map((m, i) => (
            <fieldset key={i} className="samenspel-hh-fieldset samenspel-hh-fieldset--nested">
              <legend className="samenspel-hh-legend">{t('hh.new.memberN', { n: i + 1 })}</legend>
              <TextField id={`hh-new-member-${i}-name`} label={t('hh.new.memberName')} value={m.name} onChange={(name) => setMember(i, { name })} error={errors.fields[`member.${i}.name`]} spellCheck={false} />
              <SelectField id={`hh-new-member-${i}-relation`} label={t('hh.new.memberRelation')} value={m.relation} onChange={(relation) => setMember(i, { relation })} options={HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t(`hh.relation.${r}`) }))} />
              <TextField id={`hh-new-member-${i}-year`} label={t('hh.new.memberYear')} optional value={m.birthYear} onChange={(birthYear) => setMember(i, { birthYear })} error={errors.fields[`member.${i}.birthYear`]} size={4} />
              <ButtonGroup>
                <Button appearance="subtle-button" onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}>
                  {t('hh.new.removeMember', { n: i + 1 })}
                </Button>
              </ButtonGroup>
            </fieldset>
          ))}
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => setMembers((list) => [...list, { name: '', relation: 'partner', birthYear: '' }])}>
              {t('hh.new.addMember')}
            </Button>
          </ButtonGroup>
        </section>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('hh.new.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <RouterLink href={PATHS.householdFiles}>{t('hh.file.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

function isConflict(failure: unknown): boolean {
  return typeof failure === 'object' && failure !== null && 'code' in failure && (failure as { code: unknown }).code === 'conflict';
}

export function ListeningOverviewPage() {
  return (
    <RequireAnyRole roles={['policy_officer']}>
      {({ membership }) => <Listening key={membership.municipality.code} code={membership.municipality.code} />}
    </RequireAnyRole>
  );
}

function Listening({ code }: { code: string }) {
  const { t, formatDate } = useI18n();
  const wishes = useResource(() => api.listeningOverview(code), [code]);
  return (
    <>
      <PageHeading>{t('hh.listen.title')}</PageHeading>
      <Paragraph appearance="lead">{t('hh.listen.intro')}</Paragraph>
      <LoadState resource={wishes.resource}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('hh.listen.none')}</Paragraph>
          ) : (
            <ScrollTable caption={t('hh.listen.caption', { count: list.items.length })}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('hh.listen.colWish')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.listen.colSince')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.listen.colDays')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.listen.colCoordinator')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((w) => (
                  <TableRow key={w.id}>
                    <TableHeaderCell scope="row">“{w.body}”</TableHeaderCell>
                    <TableCell>{formatDate(w.createdAt)}</TableCell>
                    <TableCell>{w.daysOpen}</TableCell>
                    <TableCell>{w.coordinatorDisplayName}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          )
        }
      </LoadState>
    </>
  );
}
