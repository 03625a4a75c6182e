/**
 * Parts of a resident's file: who (identity and household), the people on
 * the plan, consent records, the resident's voice, and who looked at the
 * file. Each part shows only what the server sent; the server decides what
 * the person may see (need-to-know, ADR 0006).
 */
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Paragraph,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { listOrganisations } from '../../api/endpoints';
import * as api from '../../api/household';
import { CONSENT_SCOPES, VOICE_OCCASIONS, type Consent, type ResidentFile, type VoiceEntry } from '../../api/household';
import { useAnnounce } from '../../app/status';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../../lib/form';
import { useResource } from '../../lib/use-resource';
import { CheckboxFieldset } from '../CheckboxFieldset';
import { ConfirmStep, useConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { FileDetailsForm } from './FileChanges';
import { LoadState } from '../LoadState';
import { RadioFieldset, radioFieldId } from '../RadioFieldset';
import { ScrollTable } from '../ScrollTable';
import { SelectField } from '../SelectField';
import { TextAreaField } from '../TextAreaField';
import { TextField } from '../TextField';
import { isIsoDate, todayIso } from './household';


/**
 * Who: the resident, BSN (shown masked except the last three digits), household and coordinator.
 * With `edit` (the coordinator) a button opens the form that changes the BSN and the household.
 */
export function WhoSection({ file, edit }: { file: ResidentFile; edit?: { code: string; onChanged: (f: ResidentFile) => void } }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  // Back to the button that opened the form once it closes, for keyboard and screen-reader users.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!editing && returnFocus.current) openRef.current?.focus();
    returnFocus.current = false;
  }, [editing]);
  if (edit && editing) {
    return (
      <FileDetailsForm
        code={edit.code}
        file={file}
        onDone={(next) => {
          returnFocus.current = true;
          setEditing(false);
          if (next) edit.onChanged(next);
        }}
      />
    );
  }
  return (
    <>
      <DataList className="samenspel-data-list">
        {file.resident && (
          <DataListItem>
            <DataListKey>{t('hh.who.resident')}</DataListKey>
            <DataListValue>{file.resident.displayName}</DataListValue>
          </DataListItem>
        )}
        {file.resident && (
          <DataListItem>
            <DataListKey>{t('hh.who.bsn')}</DataListKey>
            <DataListValue>{file.resident.bsn ? t('hh.who.bsnMasked', { last: file.resident.bsn.slice(-3) }) : t('hh.who.bsnNone')}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('hh.who.coordinator')}</DataListKey>
          <DataListValue>{file.coordinator.displayName}</DataListValue>
        </DataListItem>
      </DataList>
      {file.householdMembers && (
        <>
          <Heading3>{t('hh.who.household')}</Heading3>
          {file.householdMembers.length === 0 ? (
            <Paragraph>{t('hh.who.householdNone')}</Paragraph>
          ) : (
            <ScrollTable caption={t('hh.who.household')} hideCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('hh.who.colName')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.who.colRelation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('hh.who.colBirthYear')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {file.householdMembers.map((m) => (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">{m.name}</TableHeaderCell>
                    <TableCell>{t(`hh.relation.${m.relation}` as 'hh.relation.other')}</TableCell>
                    <TableCell>{m.birthYear ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          )}
        </>
      )}
      {edit && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" ref={openRef} onClick={() => setEditing(true)}>
            {t('hh.edit.open')}
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}

/** The people on the plan; the coordinator adds and removes them. */
export function PeopleSection({ code, file, mayManage, onChanged }: { code: string; file: ResidentFile; mayManage: boolean; onChanged: (f: ResidentFile) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<api.ParticipantCandidate[] | null>(null);
  const errors = useFormErrors<'q'>();
  const [busy, setBusy] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (term.trim().length < 2) return errors.fail({ q: t('fieldError.hhSearch.too_short') });
    setBusy('search');
    try {
      const { items } = await api.searchParticipantCandidates(code, file.id, term.trim());
      errors.clear();
      setFound(items);
      announce(items.length === 0 ? t('hh.people.noneFound') : t('hh.people.found', { count: items.length }));
    } catch (failure) {
      errors.fail({}, problemMessage(i18n, failure));
    } finally {
      setBusy(null);
    }
  };

  const add = async (candidate: api.ParticipantCandidate) => {
    if (busy) return;
    setBusy(candidate.personId);
    try {
      const next = await api.addParticipant(code, file.id, candidate.personId);
      announce(t('hh.people.addedNamed', { name: candidate.displayName }));
      setFound((list) => list?.filter((c) => c.personId !== candidate.personId) ?? null);
      onChanged(next);
    } catch (failure) {
      errors.fail({}, problemMessage(i18n, failure));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (id: string, name: string) => {
    setRemoveError(null);
    try {
      const next = await api.removeParticipant(code, file.id, id);
      announce(t('hh.people.removed', { name }));
      onChanged(next);
    } catch (failure) {
      setRemoveError(problemMessage(i18n, failure));
    }
  };

  return (
    <>
      <Paragraph>{t('hh.people.coordinatorLine', { name: file.coordinator.displayName })}</Paragraph>
      {file.participants.length === 0 ? (
        <Paragraph>{t('hh.people.none')}</Paragraph>
      ) : (
        <ScrollTable caption={t('hh.people.caption')} hideCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('hh.who.colName')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.people.colOrganisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.people.colSince')}</TableHeaderCell>
              {mayManage && <TableHeaderCell scope="col">{t('hh.network.colActions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {file.participants.map((p) => (
              <TableRow key={p.personId}>
                <TableHeaderCell scope="row">{p.displayName}</TableHeaderCell>
                <TableCell>{p.organisation?.name ?? '–'}</TableCell>
                <TableCell>{formatDate(p.addedAt)}</TableCell>
                {mayManage && (
                  <TableCell>
                    <Button appearance="subtle-button" onClick={() => void remove(p.personId, p.displayName)}>
                      {t('hh.people.remove', { name: p.displayName })}
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {removeError && <Paragraph role="alert">{removeError}</Paragraph>}
      {mayManage && (
        <form noValidate onSubmit={(e) => void search(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-people-add">
          <Heading3 id="hh-people-add">{t('hh.people.add')}</Heading3>
          <ErrorSummary message={errors.message} items={summaryItems(errors.fields, [{ name: 'q', id: 'hh-people-search', label: t('hh.people.search') }])} attempt={errors.attempt} />
          <TextField id="hh-people-search" type="search" label={t('hh.people.search')} description={t('hh.people.searchHint')} value={term} onChange={setTerm} error={errors.fields.q} autoComplete="off" spellCheck={false} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy === 'search'}>
              {t('hh.people.searchSubmit')}
            </Button>
          </ButtonGroup>
          {found && found.length > 0 && (
            <ul className="samenspel-hh-candidates" aria-label={t('hh.people.results')}>
              {found.map((c) => (
                <li key={c.personId}>
                  {c.displayName}
                  {c.organisation ? ` (${c.organisation})` : ''}{' '}
                  <Button appearance="subtle-button" busy={busy === c.personId} onClick={() => void add(c)}>
                    {t('hh.people.addNamed', { name: c.displayName })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </form>
      )}
    </>
  );
}

const CONSENT_FIELDS = ['recipient', 'scopes', 'purpose', 'validUntil'] as const;
type ConsentField = (typeof CONSENT_FIELDS)[number];

/** Consent records: what the resident agreed to share, with whom, why and until when; withdrawing asks first. */
export function ConsentSection({ code, file, mayChange, onChanged }: { code: string; file: ResidentFile; mayChange: boolean; onChanged: (f: ResidentFile) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const [adding, setAdding] = useState(false);
  const scopeText = (scopes: string[]) => scopes.map((s) => t(`hh.scope.${s}` as 'hh.scope.plan')).join(', ');

  const withdraw = () =>
    step.run(
      async () => {
        if (!withdrawing) return;
        const next = await api.withdrawConsent(code, file.id, withdrawing.id);
        announce(t('hh.consent.withdrawn', { name: withdrawing.recipient.name }));
        setWithdrawing(null);
        onChanged(next);
      },
      (failure) => problemMessage(i18n, failure),
    );

  return (
    <>
      <Paragraph>{t('hh.consent.intro')}</Paragraph>
      {file.consents.length === 0 ? (
        <Paragraph>{t('hh.consent.none')}</Paragraph>
      ) : (
        <ScrollTable caption={t('hh.consent.caption')} hideCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('hh.consent.colWith')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.consent.colWhat')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.consent.colWhy')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.consent.colPeriod')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('hh.consent.colStatus')}</TableHeaderCell>
              {mayChange && <TableHeaderCell scope="col">{t('hh.network.colActions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {file.consents.map((c) => (
              <TableRow key={c.id}>
                <TableHeaderCell scope="row">{c.recipient.name}</TableHeaderCell>
                <TableCell>{scopeText(c.scopes)}</TableCell>
                <TableCell>{c.purpose}</TableCell>
                <TableCell>{t('hh.consent.period', { from: formatDate(c.validFrom), until: formatDate(c.validUntil) })}</TableCell>
                <TableCell>{c.withdrawnAt ? t('hh.consent.statusWithdrawn', { date: formatDate(c.withdrawnAt) }) : c.inForce ? t('hh.consent.statusInForce') : t('hh.consent.statusNotInForce')}</TableCell>
                {mayChange && (
                  <TableCell>
                    {!c.withdrawnAt && (
                      <Button
                        appearance="subtle-button"
                        ref={withdrawing?.id === c.id ? step.startRef : undefined}
                        onClick={() => {
                          setWithdrawing(c);
                          step.open();
                        }}
                      >
                        {t('hh.consent.withdraw', { name: c.recipient.name })}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
      {step.confirming && withdrawing && (
        <ConfirmStep
          heading={t('hh.consent.withdrawHeading', { name: withdrawing.recipient.name })}
          error={step.error}
          busy={step.busy}
          yes={t('hh.consent.withdrawYes')}
          busyLabel={t('hh.busy')}
          no={t('hh.no')}
          onYes={() => void withdraw()}
          onNo={step.cancel}
        >
          <Paragraph>{t('hh.consent.withdrawText')}</Paragraph>
        </ConfirmStep>
      )}
      {mayChange &&
        (adding ? (
          <ConsentForm code={code} file={file} onDone={(next) => {
            setAdding(false);
            if (next) onChanged(next);
          }} />
        ) : (
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => setAdding(true)}>
              {t('hh.consent.add')}
            </Button>
          </ButtonGroup>
        ))}
    </>
  );
}

function ConsentForm({ code, file, onDone }: { code: string; file: ResidentFile; onDone: (f: ResidentFile | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const orgs = useResource(() => listOrganisations(code), [code]);
  const errors = useFormErrors<ConsentField>();
  const [recipient, setRecipient] = useState('');
  const [scopes, setScopes] = useState<string[]>(['plan']);
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const ID: Record<ConsentField, string> = { recipient: 'hh-consent-recipient', scopes: 'hh-consent-scope-identity', purpose: 'hh-consent-purpose', validUntil: 'hh-consent-until' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: FieldErrors<ConsentField> = {};
    if (!recipient) problems.recipient = t('fieldError.hhRecipient.required');
    if (scopes.length === 0) problems.scopes = t('fieldError.hhScopes.required');
    if (purpose.trim().length < 3) problems.purpose = t('fieldError.hhPurpose.too_short');
    if (!isIsoDate(validUntil)) problems.validUntil = t('fieldError.hhValidUntil.invalid_format');
    else if (validUntil < todayIso()) problems.validUntil = t('fieldError.hhValidUntil.invalid_value');
    if (Object.keys(problems).length) return errors.fail(problems);
    const [kind, id] = recipient.split(':') as [string, string];
    setBusy(true);
    try {
      const next = await api.recordConsent(code, file.id, {
        recipient: kind === 'person' ? { personId: id } : { organisationId: id },
        scopes: scopes as api.ConsentScope[],
        purpose: purpose.trim(),
        validUntil,
      });
      announce(t('hh.consent.recorded'));
      onDone(next);
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, CONSENT_FIELDS, (n) =>
        n.startsWith('recipient') ? 'recipient' : n.startsWith('scopes') ? 'scopes' : n === 'purpose' ? 'purpose' : n === 'validUntil' || n === 'validFrom' ? 'validUntil' : null,
      );
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };
  const defs = [
    { name: 'recipient' as const, id: ID.recipient, label: t('hh.consent.recipient') },
    { name: 'scopes' as const, id: ID.scopes, label: t('hh.consent.scopes') },
    { name: 'purpose' as const, id: ID.purpose, label: t('hh.consent.purpose') },
    { name: 'validUntil' as const, id: ID.validUntil, label: t('hh.consent.validUntil') },
  ];
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-consent-form-heading">
      <Heading3 id="hh-consent-form-heading">{t('hh.consent.add')}</Heading3>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, defs)} attempt={errors.attempt} />
      <LoadState resource={orgs.resource}>
        {(list) => (
          <SelectField
            id={ID.recipient}
            label={t('hh.consent.recipient')}
            description={t('hh.consent.recipientHint')}
            value={recipient}
            onChange={setRecipient}
            error={errors.fields.recipient}
            options={[
              { value: '', label: t('hh.choose') },
              ...file.participants.map((p) => ({ value: `person:${p.personId}`, label: p.displayName })),
              ...list.map((o) => ({ value: `organisation:${o.id}`, label: o.name })),
            ]}
          />
        )}
      </LoadState>
      <CheckboxFieldset
        idPrefix="hh-consent-scope"
        legend={t('hh.consent.scopes')}
        values={scopes}
        onChange={setScopes}
        error={errors.fields.scopes}
        options={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`hh.scope.${s}`) }))}
      />
      <TextField id={ID.purpose} label={t('hh.consent.purpose')} description={t('hh.consent.purposeHint')} value={purpose} onChange={setPurpose} error={errors.fields.purpose} />
      <TextField id={ID.validUntil} type="date" label={t('hh.consent.validUntil')} value={validUntil} onChange={setValidUntil} error={errors.fields.validUntil} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('hh.consent.addSubmit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => onDone(null)}>
          {t('hh.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The resident's voice: feedback and wishes in their own words; open wishes get an answer. */
export function VoiceSection({ code, file, mayRecord, mayAnswer }: { code: string; file: ResidentFile; mayRecord: boolean; mayAnswer: boolean }) {
  const { t } = useI18n();
  const entries = useResource(() => api.listVoice(code, file.id), [code, file.id]);
  return (
    <>
      <LoadState resource={entries.resource}>
        {(list) =>
          list.items.length === 0 ? (
            <Paragraph>{t('hh.voice.none')}</Paragraph>
          ) : (
            <ul className="samenspel-hh-voice-list">
              {list.items.map((e) => (
                <VoiceItem key={e.id} code={code} fileId={file.id} entry={e} mayAnswer={mayAnswer} onChanged={entries.reload} />
              ))}
            </ul>
          )
        }
      </LoadState>
      {mayRecord && <VoiceForm code={code} file={file} onRecorded={entries.reload} />}
    </>
  );
}

function VoiceItem({ code, fileId, entry, mayAnswer, onChanged }: { code: string; fileId: string; entry: VoiceEntry; mayAnswer: boolean; onChanged: () => void }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const announce = useAnnounce();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const id = `hh-answer-${entry.id}`;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (answer.trim().length < 2) return setError(t('fieldError.hhAnswer.too_short'));
    setBusy(true);
    try {
      await api.answerVoice(code, fileId, entry.id, answer.trim());
      announce(t('hh.voice.answered'));
      onChanged();
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="samenspel-hh-voice">
      <Paragraph>
        <strong>{t(`hh.voice.kind.${entry.kind}`)}</strong> · {t(`hh.voice.occasion.${entry.occasion}`)} · {formatDateTime(entry.createdAt)}
        {entry.kind === 'wish' && (entry.open ? ` · ${t('hh.voice.open')}` : ` · ${t('hh.voice.answeredLabel')}`)}
      </Paragraph>
      <blockquote className="samenspel-hh-quote">{entry.body}</blockquote>
      <Paragraph className="samenspel-hh-muted">
        {entry.onBehalf ? t('hh.voice.byOnBehalf', { name: entry.recordedBy.displayName }) : t('hh.voice.by', { name: entry.recordedBy.displayName })}
      </Paragraph>
      {entry.answer && (
        <Paragraph>
          {t('hh.voice.answer', { name: entry.answer.by.displayName, date: formatDateTime(entry.answer.at) })} {entry.answer.text}
        </Paragraph>
      )}
      {mayAnswer && !entry.answer && (
        <form noValidate onSubmit={(e) => void send(e)} className="samenspel-form">
          <TextAreaField id={id} label={t('hh.voice.answerLabel')} rows={2} value={answer} onChange={setAnswer} error={error} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy}>
              {t('hh.voice.answerSubmit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </li>
  );
}

function VoiceForm({ code, file, onRecorded }: { code: string; file: ResidentFile; onRecorded: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const errors = useFormErrors<'kind' | 'body'>();
  const [kind, setKind] = useState<api.VoiceKind | ''>('');
  const [occasion, setOccasion] = useState<api.VoiceOccasion>('contact');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const resident = file.myRelation === 'resident';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: FieldErrors<'kind' | 'body'> = {};
    if (!kind) problems.kind = t('fieldError.hhVoiceKind.required');
    if (body.trim().length < 2) problems.body = t('fieldError.hhVoiceBody.too_short');
    if (Object.keys(problems).length || !kind) return errors.fail(problems);
    setBusy(true);
    try {
      await api.recordVoice(code, file.id, { kind, occasion, body: body.trim() });
      announce(t(kind === 'wish' ? 'hh.voice.recordedWish' : 'hh.voice.recordedFeedback'));
      setBody('');
      setKind('');
      errors.clear();
      onRecorded();
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, ['kind', 'body'] as const);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };
  const defs = [
    { name: 'kind' as const, id: radioFieldId('hh-voice-kind', 'feedback'), label: t('hh.voice.kindLegend') },
    { name: 'body' as const, id: 'hh-voice-body', label: t('hh.voice.body') },
  ];
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-voice-form-heading">
      <Heading3 id="hh-voice-form-heading">{resident ? t('hh.voice.formHeadingResident') : t('hh.voice.formHeading')}</Heading3>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, defs)} attempt={errors.attempt} />
      <RadioFieldset
        name="hh-voice-kind"
        legend={t('hh.voice.kindLegend')}
        value={kind}
        onChange={setKind}
        error={errors.fields.kind}
        options={[
          { value: 'feedback', label: t('hh.voice.kind.feedback'), description: t('hh.voice.kindFeedbackHint') },
          { value: 'wish', label: t('hh.voice.kind.wish'), description: t('hh.voice.kindWishHint') },
        ]}
      />
      <SelectField
        id="hh-voice-occasion"
        label={t('hh.voice.occasionLabel')}
        value={occasion}
        onChange={(v) => setOccasion(v as api.VoiceOccasion)}
        options={VOICE_OCCASIONS.map((o) => ({ value: o, label: t(`hh.voice.occasion.${o}`) }))}
      />
      <TextAreaField
        id="hh-voice-body"
        label={t('hh.voice.body')}
        description={resident ? t('hh.voice.bodyHintResident') : t('hh.voice.bodyHint')}
        rows={4}
        maxLength={2000}
        value={body}
        onChange={setBody}
        error={errors.fields.body}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t('hh.voice.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Who looked at or changed the file (the resident only). */
export function AccessLogSection({ code, fileId }: { code: string; fileId: string }) {
  const { t, tCode, formatDateTime } = useI18n();
  const log = useResource(() => api.getFileAccessLog(code, fileId, 50), [code, fileId]);
  return (
    <LoadState resource={log.resource}>
      {(list) =>
        list.items.length === 0 ? (
          <Paragraph>{t('hh.log.none')}</Paragraph>
        ) : (
          <ScrollTable caption={t('hh.log.caption')} hideCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('hh.log.colWhen')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.log.colWho')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.log.colWhat')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('hh.log.colOutcome')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.items.map((e, i) => (
                <TableRow key={i}>
                  <TableCell>{formatDateTime(e.occurredAt)}</TableCell>
                  <TableCell>
                    {e.actorDisplayName ?? t('hh.log.system')}
                    {e.actorOrganisations.length ? ` (${e.actorOrganisations.join(', ')})` : ''}
                  </TableCell>
                  <TableCell>{tCode('action', e.action)}</TableCell>
                  <TableCell>{e.outcome === 'denied' ? t('hh.log.denied') : t('hh.log.allowed')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        )
      }
    </LoadState>
  );
}
