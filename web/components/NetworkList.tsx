/**
 * The resident's own network for one request: people who might help first
 * (a first name or a description, never contact details), whether they were
 * asked and what they said. The coach adds people, records answers, and
 * closes the request when the network took it on ("opgelost via eigen
 * netwerk"), after a confirmation step.
 */
import { ConfirmStep, useConfirmStep } from './ConfirmStep';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/coach';
import { CONTACT_STATUSES, RELATIONS, type ContactStatus, type NetworkContact, type Relation } from '../api/coach';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { ErrorSummary } from './ErrorSummary';
import { LoadState } from './LoadState';
import { SelectField } from './SelectField';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import './coach.css';

interface NetworkListProps {
  code: string;
  requestId: string;
  /** Only a request in the coach's queue can be closed as solved by the network. */
  canResolve: boolean;
  onResolved: () => void;
}

export function NetworkList({ code, requestId, canResolve, onResolved }: NetworkListProps) {
  const { t } = useI18n();
  const { resource, setData } = useResource(() => api.listNetwork(code, requestId), [code, requestId]);
  return (
    <>
      <Paragraph>{t('network.intro')}</Paragraph>
      <LoadState resource={resource}>
        {(contacts) => (
          <>
            {contacts.length === 0 ? (
              <Paragraph>{t('network.empty')}</Paragraph>
            ) : (
              <ul className="samenspel-coach-list" aria-label={t('network.listLabel')}>
                {contacts.map((c) => (
                  <ContactItem key={c.id} code={code} requestId={requestId} contact={c} onSaved={setData} />
                ))}
              </ul>
            )}
            <AddContact code={code} requestId={requestId} onAdded={(c) => setData([...contacts, c])} />
          </>
        )}
      </LoadState>
      {canResolve && <ResolveByNetwork code={code} requestId={requestId} onResolved={onResolved} />}
    </>
  );
}

function ContactItem({ code, requestId, contact, onSaved }: { code: string; requestId: string; contact: NetworkContact; onSaved: (all: NetworkContact[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [status, setStatus] = useState<ContactStatus>(contact.status);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `network-status-${contact.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.updateNetworkContact(code, requestId, contact.id, status));
      announce(t('network.saved', { name: contact.name, status: i18n.tCode('network.status', status).toLowerCase() }));
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li>
      <Paragraph>
        <strong>{contact.name}</strong> ({i18n.tCode('network.relation', contact.relation).toLowerCase()})
      </Paragraph>
      <form noValidate onSubmit={(event) => void save(event)} className="samenspel-coach-inline-form">
        <SelectField
          id={id}
          label={t('network.statusLabel', { name: contact.name })}
          value={status}
          onChange={(value) => setStatus(value as ContactStatus)}
          options={CONTACT_STATUSES.map((s) => ({ value: s, label: i18n.tCode('network.status', s) }))}
          error={error ?? undefined}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {t('network.save')}
            <span className="samenspel-visually-hidden"> {t('network.saveFor', { name: contact.name })}</span>
          </Button>
        </ButtonGroup>
      </form>
    </li>
  );
}

type AddField = 'name' | 'relation';

function AddContact({ code, requestId, onAdded }: { code: string; requestId: string; onAdded: (contact: NetworkContact) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<Relation | ''>('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<AddField>();
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: Partial<Record<AddField, string>> = {};
    if (!name.trim()) problems.name = t('network.nameRequired');
    else if (name.trim().length > 60) problems.name = t('network.nameTooLong');
    if (!relation) problems.relation = t('network.relationRequired');
    if (Object.keys(problems).length > 0 || !relation) {
      errors.fail(problems);
      return;
    }
    setBusy(true);
    try {
      const added = await api.addNetworkContact(code, requestId, { name: name.trim(), relation });
      errors.clear();
      onAdded(added);
      announce(t('network.added', { name: added.name }));
      setName('');
      setRelation('');
      nameInput.current?.focus();
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, ['name', 'relation'] as const);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="samenspel-coach-subsection">
      <Heading3 id="network-add-heading">{t('network.addHeading')}</Heading3>
      <ErrorSummary
        message={errors.message}
        attempt={errors.attempt}
        items={summaryItems(errors.fields, [
          { name: 'name', id: 'network-name', label: t('network.name') },
          { name: 'relation', id: 'network-relation', label: t('network.relation') },
        ])}
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form" aria-labelledby="network-add-heading">
        <TextField
          id="network-name"
          label={t('network.name')}
          description={t('network.nameHint')}
          value={name}
          onChange={setName}
          error={errors.fields.name}
          inputRef={nameInput}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id="network-relation"
          label={t('network.relation')}
          value={relation}
          onChange={(value) => setRelation(value as Relation | '')}
          options={[{ value: '', label: t('network.relationChoose') }, ...RELATIONS.map((r) => ({ value: r, label: i18n.tCode('network.relation', r) }))]}
          error={errors.fields.relation}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {t('network.add')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** Closing the request is final, so it takes two steps. */
function ResolveByNetwork({ code, requestId, onResolved }: { code: string; requestId: string; onResolved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [note, setNote] = useState('');
  const step = useConfirmStep();


  const resolve = () =>
    step.run(
      async () => {
          await api.resolveByNetwork(code, requestId, note.trim() || undefined);
          announce(t('network.resolved'));
          onResolved();
      },
      (failure) => (isApiError(failure) && failure.code === 'conflict' ? t('network.resolveConflict') : problemMessage(i18n, failure)),
    );

  return (
    <div className="samenspel-coach-subsection">
      <Heading3>{t('network.resolveHeading')}</Heading3>
      <Paragraph>{t('network.resolveIntro')}</Paragraph>
      <div className="samenspel-form">
        <TextAreaField id="network-note" label={t('network.note')} description={t('network.noteHint')} value={note} onChange={setNote} optional rows={2} maxLength={500} />
      </div>
      {step.confirming ? (
        <ConfirmStep
          heading={t('network.confirmHeading')}
          error={step.error}
          busy={step.busy}
          yes={t('network.confirmYes')}
          busyLabel={t('coachRequest.busy')}
          no={t('network.confirmNo')}
          onYes={() => void resolve()}
          onNo={step.cancel}
        >
          <Paragraph>{t('network.confirmText')}</Paragraph>
        </ConfirmStep>
      ) : (
        <ButtonGroup>
          <Button ref={step.startRef} appearance="secondary-action-button" onClick={step.open}>
            {t('network.resolve')}
          </Button>
        </ButtonGroup>
      )}
    </div>
  );
}
