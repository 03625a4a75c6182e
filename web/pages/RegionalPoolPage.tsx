/**
 * Regionale samenwerking (`/beheer/regio`): the municipality's regional pool
 * for neighbour help (ADR 0007). Everyone with a coordinating role sees with
 * which municipalities volunteers are shared; an administrator joins a pool,
 * starts one, or leaves (after a confirmation step).
 */
import { Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import * as api from '../api/regional-pool';
import type { RegionalPoolState } from '../api/regional-pool';
import type { Membership } from '../api/types';
import { useSession } from '../app/session';
import { useAnnounce } from '../app/status';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmStep';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RequireAnyRole } from '../components/RequireAnyRole';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import '../components/neighbour-help.css';

const FIELDS = ['poolId', 'poolName'] as const;
type Field = (typeof FIELDS)[number];
const ID = { poolId: 'pool-choice', poolName: 'pool-name' } as const;

export function RegionalPoolPage() {
  return (
    <RequireAnyRole roles={['admin', 'social_worker', 'policy_officer']}>
      {({ membership }) => <RegionalPool key={membership.municipality.code} membership={membership} />}
    </RequireAnyRole>
  );
}

function RegionalPool({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const code = membership.municipality.code;
  const { resource, setData } = useResource(() => api.getRegionalPool(code), [code]);

  return (
    <>
      <PageHeading>{t('pool.title')}</PageHeading>
      <Paragraph appearance="lead">{t('pool.intro')}</Paragraph>
      <Paragraph>{t('pool.consent')}</Paragraph>
      <LoadState resource={resource}>
        {(state) => (
          <>
            <CurrentPool code={code} state={state} mayChange={hasRole('admin')} onChanged={setData} />
            {hasRole('admin') && <JoinForms code={code} state={state} onChanged={setData} />}
          </>
        )}
      </LoadState>
    </>
  );
}

function CurrentPool({ code, state, mayChange, onChanged }: { code: string; state: RegionalPoolState; mayChange: boolean; onChanged: (s: RegionalPoolState) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();
  const pool = state.pool;

  const leave = () =>
    step.run(
      async () => {
        const next = await api.leaveRegionalPool(code);
        announce(t('pool.left'));
        onChanged(next);
      },
      (failure) => problemMessage(i18n, failure),
    );

  return (
    <section className="samenspel-section" aria-labelledby="pool-current">
      <Heading2 id="pool-current">{t('pool.currentHeading')}</Heading2>
      {!pool ? (
        <Paragraph>{t('pool.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('pool.member', { name: pool.name })}</Paragraph>
          {!pool.accepted ? (
            <Paragraph>{t('pool.waitingForYes')}</Paragraph>
          ) : pool.partners.length === 0 ? (
            <Paragraph>{t('pool.noPartners')}</Paragraph>
          ) : (
            <>
              <Paragraph>{t('pool.partnersIntro')}</Paragraph>
              <UnorderedList>
                {pool.partners.map((p) => (
                  <UnorderedListItem key={p.code}>{p.name}</UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          )}
          {pool.accepted && pool.waiting.length > 0 && <Waiting code={code} waiting={pool.waiting} mayAccept={mayChange} onChanged={onChanged} />}
          {mayChange &&
            (step.confirming ? (
              <ConfirmStep
                heading={t('pool.leaveHeading', { name: pool.name })}
                error={step.error}
                busy={step.busy}
                yes={t('pool.leaveYes')}
                busyLabel={t('pool.leaving')}
                no={t('pool.leaveNo')}
                onYes={() => void leave()}
                onNo={step.cancel}
              >
                <Paragraph>{t('pool.leaveText')}</Paragraph>
              </ConfirmStep>
            ) : (
              <ButtonGroup>
                <Button ref={step.startRef} appearance="secondary-action-button" onClick={step.open}>
                  {t('pool.leave')}
                </Button>
              </ButtonGroup>
            ))}
        </>
      )}
    </section>
  );
}

function Waiting({ code, waiting, mayAccept, onChanged }: { code: string; waiting: api.PoolMember[]; mayAccept: boolean; onChanged: (s: RegionalPoolState) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const accept = async (member: api.PoolMember) => {
    if (busy) return;
    setBusy(member.code);
    setError(null);
    try {
      const next = await api.acceptPoolMember(code, member.code);
      announce(t('pool.acceptedMember', { name: member.name }));
      onChanged(next);
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Heading2 id="pool-waiting">{t('pool.waitingHeading')}</Heading2>
      <Paragraph>{t('pool.waitingIntro')}</Paragraph>
      {error && <Paragraph role="alert" className="samenspel-confirm__error">{error}</Paragraph>}
      <UnorderedList aria-labelledby="pool-waiting">
        {waiting.map((m) => (
          <UnorderedListItem key={m.code}>
            {m.name}{' '}
            {mayAccept && (
              <Button appearance="secondary-action-button" busy={busy === m.code} onClick={() => void accept(m)}>
                {t('pool.accept', { name: m.name })}
              </Button>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}

function JoinForms({ code, state, onChanged }: { code: string; state: RegionalPoolState; onChanged: (s: RegionalPoolState) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [poolId, setPoolId] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<Field | null>(null);
  const errors = useFormErrors<Field>();

  const send = async (field: Field, body: { poolId: string } | { name: string }) => {
    setBusy(field);
    try {
      const next = await api.joinRegionalPool(code, body);
      setPoolId('');
      setName('');
      errors.clear();
      announce(t('pool.joined', { name: next.pool?.name ?? '' }));
      onChanged(next);
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, FIELDS, (n) => (n === 'name' ? 'poolName' : n === 'poolId' ? 'poolId' : field));
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(null);
    }
  };

  const join = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!poolId) return errors.fail({ poolId: t('fieldError.poolId.required') } satisfies FieldErrors<Field>);
    void send('poolId', { poolId });
  };

  const start = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (trimmed.length < 2) return errors.fail({ poolName: t('fieldError.poolName.too_short') } satisfies FieldErrors<Field>);
    void send('poolName', { name: trimmed });
  };

  const fieldDefs = [
    { name: 'poolId' as const, id: ID.poolId, label: t('pool.choose') },
    { name: 'poolName' as const, id: ID.poolName, label: t('pool.newName') },
  ];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      {state.pools.length > 0 && (
        <section className="samenspel-section" aria-labelledby="pool-join">
          <Heading2 id="pool-join">{t('pool.joinHeading')}</Heading2>
          <form noValidate onSubmit={join} className="samenspel-form">
            <SelectField
              id={ID.poolId}
              label={t('pool.choose')}
              description={state.pool ? t('pool.moveHint', { name: state.pool.name }) : undefined}
              value={poolId}
              onChange={setPoolId}
              error={errors.fields.poolId}
              options={[
                { value: '', label: t('pool.chooseEmpty') },
                ...state.pools.map((p) => ({
                  value: p.id,
                  label: p.members.length ? t('pool.option', { name: p.name, members: p.members.map((m) => m.name).join(', ') }) : p.name,
                })),
              ]}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy === 'poolId'}>
                {t('pool.joinSubmit')}
              </Button>
            </ButtonGroup>
          </form>
        </section>
      )}
      <section className="samenspel-section" aria-labelledby="pool-start">
        <Heading2 id="pool-start">{t('pool.startHeading')}</Heading2>
        <Paragraph>{t('pool.startIntro')}</Paragraph>
        <form noValidate onSubmit={start} className="samenspel-form">
          <TextField
            id={ID.poolName}
            label={t('pool.newName')}
            description={state.pool ? `${t('pool.newNameHint')} ${t('pool.moveHint', { name: state.pool.name })}` : t('pool.newNameHint')}
            value={name} onChange={setName} error={errors.fields.poolName} />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy === 'poolName'}>
              {t('pool.startSubmit')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
    </>
  );
}
