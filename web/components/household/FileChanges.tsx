/**
 * What the coordinator changes on a resident's file besides the plan: the
 * BSN and the household (`FileDetailsForm`), handing the file to another
 * social worker (`HandoverForm`), and the neighbour-help requests that hang
 * under the plan (`HelpRequestsSection`). The server checks everything again
 * (the BSN's 11-proof, who may hand over to whom, need-to-know); its field
 * errors are shown under the fields, and nothing typed is lost on an error.
 */
import { Button, ButtonGroup, Heading3, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import * as api from '../../api/household';
import { HOUSEHOLD_RELATIONS, type HouseholdMemberInput, type ResidentFile } from '../../api/household';
import { PATHS } from '../../app/navigation';
import { useAnnounce } from '../../app/status';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../../lib/errors';
import { useFormErrors } from '../../lib/form';
import { useResource } from '../../lib/use-resource';
import { navigate } from '../../router';
import { ConfirmStep, useConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { LoadState } from '../LoadState';
import { RadioFieldset, radioFieldId } from '../RadioFieldset';
import { ScrollTable } from '../ScrollTable';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';

interface MemberDraft {
  name: string;
  relation: string;
  birthYear: string;
}

type DetailsField = 'bsn' | `member.${number}.name` | `member.${number}.birthYear`;

/** A BSN as typed, without the spaces, dots and dashes people use to group it. */
const cleanBsn = (value: string) => value.replace(/[\s.-]/g, '');

/**
 * The coordinator changes the BSN (optional; the server checks the 11-proof)
 * and the household members (add, change, remove). The whole household is
 * sent at once, as the API replaces it; the BSN only when it changed.
 */
export function FileDetailsForm({ code, file, onDone }: { code: string; file: ResidentFile; onDone: (next: ResidentFile | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const current = file.resident?.bsn ?? '';
  const [bsn, setBsn] = useState(current);
  const [members, setMembers] = useState<MemberDraft[]>(
    (file.householdMembers ?? []).map((m) => ({ name: m.name, relation: m.relation, birthYear: m.birthYear === null ? '' : String(m.birthYear) })),
  );
  const errors = useFormErrors<DetailsField>();
  const [busy, setBusy] = useState(false);
  const setMember = (i: number, patch: Partial<MemberDraft>) => setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Partial<Record<DetailsField, string>> = {};
    const thisYear = new Date().getFullYear();
    members.forEach((m, i) => {
      if (!m.name.trim()) problems[`member.${i}.name`] = t('fieldError.hhMemberName.required');
      if (m.birthYear.trim() && (!/^\d{4}$/.test(m.birthYear.trim()) || Number(m.birthYear) > thisYear || Number(m.birthYear) < 1900)) {
        problems[`member.${i}.birthYear`] = t('fieldError.hhBirthYear.invalid_value');
      }
    });
    if (Object.keys(problems).length) return errors.fail(problems);
    const nextBsn = cleanBsn(bsn);
    const householdMembers: HouseholdMemberInput[] = members.map((m) => ({
      name: m.name.trim(),
      relation: m.relation as HouseholdMemberInput['relation'],
      ...(m.birthYear.trim() ? { birthYear: Number(m.birthYear) } : {}),
    }));
    setBusy(true);
    try {
      const next = await api.updateFile(code, file.id, { ...(nextBsn !== current ? { bsn: nextBsn || null } : {}), householdMembers });
      announce(t('hh.edit.saved'));
      onDone(next);
    } catch (failure) {
      // The BSN's 11-proof is the server's; a household row's problem is named by its index.
      const fields: Partial<Record<DetailsField, string>> = {};
      const bsnError = fieldErrorsFromProblem(i18n, failure, ['bsn'] as const);
      if (bsnError?.bsn) fields.bsn = bsnError.bsn;
      if (isApiError(failure)) {
        for (const p of failure.invalidParams) {
          const m = /^householdMembers\.(\d+)\.(name|birthYear)$/.exec(p.name);
          if (!m) continue;
          const key = `member.${Number(m[1])}.${m[2] as 'name' | 'birthYear'}` as const;
          fields[key] ??= m[2] === 'name' ? t(p.code === 'too_long' ? 'fieldError.hhMemberName.too_long' : 'fieldError.hhMemberName.required') : t('fieldError.hhBirthYear.invalid_value');
        }
      }
      errors.fail(fields, Object.keys(fields).length ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const defs: Array<{ key: DetailsField; id: string; label: string }> = [
    { key: 'bsn', id: 'hh-edit-bsn', label: t('hh.edit.bsn') },
    ...members.flatMap((_, i) => [
      { key: `member.${i}.name` as DetailsField, id: `hh-edit-member-${i}-name`, label: t('hh.new.memberNameN', { n: i + 1 }) },
      { key: `member.${i}.birthYear` as DetailsField, id: `hh-edit-member-${i}-year`, label: t('hh.new.memberYearN', { n: i + 1 }) },
    ]),
  ];
  const items = defs.flatMap((d) => (errors.fields[d.key] ? [{ fieldId: d.id, label: d.label, message: errors.fields[d.key]! }] : []));

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-edit-heading">
      <Heading3 id="hh-edit-heading">{t('hh.edit.heading')}</Heading3>
      <Paragraph>{t('hh.edit.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={items} attempt={errors.attempt} />
      {file.resident && (
        <TextField id="hh-edit-bsn" label={t('hh.edit.bsn')} description={t('hh.edit.bsnHint')} optional autoComplete="off" spellCheck={false} value={bsn} onChange={setBsn} error={errors.fields.bsn} size={11} />
      )}
      <fieldset className="samenspel-hh-fieldset">
        <legend className="samenspel-hh-legend">{t('hh.edit.household')}</legend>
        {members.length === 0 && <Paragraph>{t('hh.edit.householdNone')}</Paragraph>}
        {members.map((m, i) => (
          <fieldset key={i} className="samenspel-hh-fieldset samenspel-hh-fieldset--nested">
            <legend className="samenspel-hh-legend">{t('hh.new.memberN', { n: i + 1 })}</legend>
            <TextField id={`hh-edit-member-${i}-name`} label={t('hh.new.memberName')} value={m.name} onChange={(name) => setMember(i, { name })} error={errors.fields[`member.${i}.name`]} spellCheck={false} />
            <SelectField
              id={`hh-edit-member-${i}-relation`}
              label={t('hh.new.memberRelation')}
              value={m.relation}
              onChange={(relation) => setMember(i, { relation })}
              options={HOUSEHOLD_RELATIONS.map((r) => ({ value: r, label: t(`hh.relation.${r}`) }))}
            />
            <TextField id={`hh-edit-member-${i}-year`} label={t('hh.new.memberYear')} optional value={m.birthYear} onChange={(birthYear) => setMember(i, { birthYear })} error={errors.fields[`member.${i}.birthYear`]} size={4} />
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
      </fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('hh.edit.save')}
        </Button>
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => onDone(null)}>
          {t('hh.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

type HandoverField = 'q' | 'personId';

/**
 * The coordinator hands the file to another social worker, found by name.
 * The old coordinator then loses access (ADR 0006) unless the new one puts
 * them on the plan, so the page goes back to the list of plans.
 */
export function HandoverForm({ code, file }: { code: string; file: ResidentFile }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();
  const errors = useFormErrors<HandoverField>();
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<api.ParticipantCandidate[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [searching, setSearching] = useState(false);
  const person = found?.find((c) => c.personId === chosen) ?? null;

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (searching) return;
    if (term.trim().length < 2) return errors.fail({ q: t('fieldError.hhSearch.too_short') });
    setSearching(true);
    try {
      const { items } = await api.searchParticipantCandidates(code, file.id, term.trim(), 'coordinator');
      errors.clear();
      setFound(items);
      setChosen('');
      announce(items.length === 0 ? t('hh.handover.noneFound') : t('hh.handover.found', { count: items.length }), 'info');
    } catch (failure) {
      errors.fail({}, problemMessage(i18n, failure));
    } finally {
      setSearching(false);
    }
  };

  const ask = (event: FormEvent) => {
    event.preventDefault();
    if (!person) return errors.fail({ personId: t('fieldError.hhHandover.required') });
    errors.clear();
    step.open();
  };

  const handOver = () =>
    step.run(
      async () => {
        if (!person) return;
        await api.updateFile(code, file.id, { coordinatorPersonId: person.personId });
        // The message belongs to the page it is posted on: first go to the list, then post it.
        navigate(PATHS.householdFiles);
        announce(t('hh.handover.done', { name: person.displayName }));
      },
      (failure) => problemMessage(i18n, failure),
    );

  const defs = [
    { name: 'q' as const, id: 'hh-handover-search', label: t('hh.handover.search') },
    { name: 'personId' as const, id: found?.[0] ? radioFieldId('hh-handover-person', found[0].personId) : 'hh-handover-search', label: t('hh.handover.results') },
  ];
  const items = defs.flatMap((d) => (errors.fields[d.name] ? [{ fieldId: d.id, label: d.label, message: errors.fields[d.name]! }] : []));

  return (
    <div className="samenspel-hh-subform">
      <Heading3 id="hh-handover-heading">{t('hh.handover.heading')}</Heading3>
      <Paragraph>{t('hh.handover.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={items} attempt={errors.attempt} />
      <form role="search" aria-label={t('hh.handover.search')} noValidate onSubmit={(e) => void search(e)} className="samenspel-form">
        <TextField
          id="hh-handover-search"
          type="search"
          label={t('hh.handover.search')}
          description={t('hh.handover.searchHint')}
          value={term}
          onChange={setTerm}
          error={errors.fields.q}
          autoComplete="off"
          spellCheck={false}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={searching}>
            {t('hh.handover.searchSubmit')}
          </Button>
        </ButtonGroup>
      </form>
      {found !== null && found.length === 0 && <Paragraph>{t('hh.handover.noneFound')}</Paragraph>}
      {found !== null && found.length > 0 && (
        <form noValidate onSubmit={ask} className="samenspel-form" aria-labelledby="hh-handover-heading">
          <RadioFieldset
            name="hh-handover-person"
            legend={t('hh.handover.results')}
            value={chosen}
            onChange={setChosen}
            error={errors.fields.personId}
            options={found.map((c) => ({ value: c.personId, label: c.displayName, ...(c.organisation ? { description: c.organisation } : {}) }))}
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" ref={step.startRef}>
              {t('hh.handover.submit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
      {step.confirming && person && (
        <ConfirmStep
          heading={t('hh.handover.confirmHeading', { name: person.displayName })}
          error={step.error}
          busy={step.busy}
          yes={t('hh.handover.yes')}
          busyLabel={t('hh.busy')}
          no={t('hh.no')}
          onYes={() => void handOver()}
          onNo={step.cancel}
        >
          <Paragraph>{t('hh.handover.confirmText', { name: person.displayName })}</Paragraph>
        </ConfirmStep>
      )}
    </div>
  );
}

/**
 * Neighbour-help requests under the plan; the coordinator also sees the
 * resident's other requests that belong to no plan yet, each with a
 * "Koppel aan dit plan" button.
 */
export function HelpRequestsSection({ code, fileId, mayLink, onLinked }: { code: string; fileId: string; mayLink: boolean; onLinked: () => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const linked = useResource(() => api.listLinkedHelpRequests(code, fileId), [code, fileId]);
  const linkable = useResource(() => (mayLink ? api.listLinkableHelpRequests(code, fileId) : Promise.resolve(null)), [code, fileId, mayLink]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const link = async (request: api.PlanHelpRequest) => {
    if (busy) return;
    setBusy(request.requestId);
    setError(null);
    try {
      const next = await api.linkHelpRequest(code, fileId, request.requestId);
      linked.setData(next);
      linkable.reload();
      announce(t('hh.help.linked', { category: request.category.name }));
      onLinked();
    } catch (failure) {
      setError(problemMessage(i18n, failure));
      linkable.reload();
    } finally {
      setBusy(null);
    }
  };

  const statusText = (status: string) => t(`helpStatus.${status}` as 'helpStatus.open');
  const scheduleText = (schedule: string) => t(`schedule.${schedule}` as 'schedule.once');

  return (
    <>
      <Paragraph>{t('hh.help.intro')}</Paragraph>
      <LoadState resource={linked.resource}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('hh.help.linkedNone')}</Paragraph>
          ) : (
            <ScrollTable caption={t('hh.help.linkedCaption')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('hh.help.colRequest')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.help.colHowOften')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.help.colStatus')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.help.colLinked')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((r) => (
                  <TableRow key={r.requestId}>
                    <TableHeaderCell scope="row">{r.category.name}</TableHeaderCell>
                    <TableCell>{scheduleText(r.schedule)}</TableCell>
                    <TableCell>{statusText(r.status)}</TableCell>
                    <TableCell>{formatDate(r.linkedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          )
        }
      </LoadState>
      {mayLink && (
        <>
          <Heading3>{t('hh.help.linkableHeading')}</Heading3>
          {error && <Paragraph role="alert">{error}</Paragraph>}
          <LoadState resource={linkable.resource}>
            {(list) =>
              !list || list.items.length === 0 ? (
                <Paragraph>{t('hh.help.linkableNone')}</Paragraph>
              ) : (
                <ScrollTable caption={t('hh.help.linkableCaption')} hideCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('hh.help.colRequest')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('hh.help.colHowOften')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('hh.help.colStatus')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('hh.help.colAsked')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('hh.network.colActions')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {list.items.map((r) => (
                      <TableRow key={r.requestId}>
                        <TableHeaderCell scope="row" id={`hh-help-${r.requestId}`}>
                          {r.category.name}
                        </TableHeaderCell>
                        <TableCell>{scheduleText(r.schedule)}</TableCell>
                        <TableCell>{statusText(r.status)}</TableCell>
                        <TableCell id={`hh-help-${r.requestId}-asked`}>{formatDate(r.createdAt)}</TableCell>
                        <TableCell>
                          <Button
                            appearance="secondary-action-button"
                            busy={busy === r.requestId}
                            aria-describedby={`hh-help-${r.requestId} hh-help-${r.requestId}-asked`}
                            onClick={() => void link(r)}
                          >
                            {t('hh.help.link')}
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </ScrollTable>
              )
            }
          </LoadState>
        </>
      )}
    </>
  );
}
