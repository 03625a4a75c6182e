/**
 * The in-app messages of a match, oldest first, and a form to send one, so
 * that nobody needs to share a phone number or e-mail address before both
 * said yes. Sending too many in an hour gets the server's `rate_limited`
 * problem, shown with how long to wait.
 */
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import type { HelpMatch, MatchMessage } from '../api/types';
import { useAnnounce } from '../app/status';
import { useI18n } from '../i18n/i18n';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { ErrorSummary } from './ErrorSummary';
import { LoadState } from './LoadState';
import { allows } from './matches';
import { TextAreaField } from './TextAreaField';

const MAX_LENGTH = 2000;

export function MessageThread({ code, match }: { code: string; match: HelpMatch }) {
  const { t } = useI18n();
  const messages = useResource(() => api.listMatchMessages(code, match.id), [code, match.id]);
  const canSend = allows(match, 'message');
  const headingId = `messages-${match.id}`;

  return (
    <section className="samenspel-section samenspel-messages" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{t('messages.heading')}</Heading2>
      {canSend && <Paragraph>{t('messages.intro')}</Paragraph>}
      <LoadState resource={messages.resource}>
        {(list) => (
          <>
            <MessageList messages={list} />
            {canSend ? (
              <SendForm code={code} match={match} onSent={messages.setData} />
            ) : (
              <Paragraph>{t('messages.closed')}</Paragraph>
            )}
          </>
        )}
      </LoadState>
    </section>
  );
}

function MessageList({ messages }: { messages: MatchMessage[] }) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  if (messages.length === 0) return <Paragraph>{t('messages.empty')}</Paragraph>;
  return (
    <ol className="samenspel-message-list">
      {messages.map((m) => {
        const role = t(`messages.from.${m.from}`);
        const sender = m.mine ? t('messages.you') : m.senderName ? t('messages.sender', { name: m.senderName, role }) : role;
        return (
          <li key={m.id} className={`samenspel-message ${m.mine ? 'samenspel-message--mine' : ''}`.trim()}>
            <p className="samenspel-message__meta">
              <strong>{sender}</strong> <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
            </p>
            <p className="samenspel-message__body">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}

function SendForm({ code, match, onSent }: { code: string; match: HelpMatch; onSent: (messages: MatchMessage[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<'messageBody'>();
  const id = `message-body-${match.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = body.trim();
    if (!text) return errors.fail({ messageBody: fieldErrorMessage(i18n, 'messageBody', 'required') });
    if (text.length > MAX_LENGTH) return errors.fail({ messageBody: fieldErrorMessage(i18n, 'messageBody', 'too_long') });
    setBusy(true);
    try {
      const all = await api.sendMatchMessage(code, match.id, text);
      errors.clear();
      setBody('');
      onSent(all);
      announce(t('messages.sent'));
    } catch (error) {
      if (isApiError(error) && error.code === 'rate_limited') {
        errors.fail(
          {},
          error.retryAfterSeconds
            ? t('messages.rateLimited', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
            : t('messages.rateLimitedSoon'),
        );
      } else if (isApiError(error) && error.code === 'conflict') {
        errors.fail({}, t('messages.closed'));
      } else {
        const fields = fieldErrorsFromProblem(i18n, error, ['messageBody'] as const, (n) => (n === 'body' ? 'messageBody' : null));
        errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary
        message={errors.message}
        items={summaryItems(errors.fields, [{ name: 'messageBody', id, label: t('messages.field') }])}
        attempt={errors.attempt}
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form samenspel-message-form">
        <TextAreaField
          id={id}
          label={t('messages.field')}
          description={match.contact ? undefined : t('messages.hintBefore')}
          value={body}
          onChange={setBody}
          error={errors.fields.messageBody}
          rows={3}
          maxLength={MAX_LENGTH}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {busy ? t('messages.sending') : t('messages.send')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
