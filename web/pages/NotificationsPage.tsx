/**
 * Meldingen (`/meldingen`): what is new for the person, newest first, each
 * leading to the page it is about, and how they want e-mail about it. The
 * notification e-mails link here, and say "choose under Meldingen how often
 * you get e-mail", so the choice lives on this page too.
 *
 * The server sends a kind and an id only; the text is written here, in the
 * reader's language.
 */
import { Button, ButtonGroup, Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import * as api from '../api/safety';
import type { AppNotification, EmailChoice, NotificationList, NotificationPreferences } from '../api/safety';
import type { Membership } from '../api/types';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { RequireSignIn } from '../components/Guards';
import { LoadState } from '../components/LoadState';
import { PageHeading } from '../components/PageHeading';
import { RadioFieldset, radioFieldId } from '../components/RadioFieldset';
import { SelectField } from '../components/SelectField';
import { notificationLink, notificationMessageKeys, refreshUnreadCount, setUnreadCount } from '../components/notifications';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { useResource } from '../lib/use-resource';
import { RouterLink } from '../router';
import '../components/safety.css';

export function NotificationsPage() {
  return <RequireSignIn>{({ membership }) => <Notifications key={membership.municipality.code} membership={membership} />}</RequireSignIn>;
}

function Notifications({ membership }: { membership: Membership }) {
  const { t } = useI18n();
  const code = membership.municipality.code;
  const { resource, setData } = useResource(() => api.listNotifications(code), [code]);

  // The list carries the unread count too: the menu badge follows it.
  useEffect(() => {
    if (resource.status === 'ready') setUnreadCount(code, resource.data.unread);
  }, [code, resource]);

  return (
    <>
      <PageHeading>{t('notifications.title')}</PageHeading>
      <Paragraph appearance="lead">{t('notifications.intro')}</Paragraph>
      <section className="samenspel-section" aria-labelledby="notifications-list">
        <Heading2 id="notifications-list">{t('notifications.listHeading')}</Heading2>
        <LoadState resource={resource}>{(list) => <NotificationItems code={code} list={list} onChange={setData} />}</LoadState>
      </section>
      <section className="samenspel-section" aria-labelledby="notifications-settings">
        <Heading2 id="notifications-settings">{t('notifications.settingsHeading')}</Heading2>
        <Paragraph>{t('notifications.settingsIntro')}</Paragraph>
        <EmailSettings code={code} />
      </section>
    </>
  );
}

function NotificationItems({ code, list, onChange }: { code: string; list: NotificationList; onChange: (list: NotificationList) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  if (list.items.length === 0) return <Paragraph>{t('notifications.empty')}</Paragraph>;

  const markAllRead = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.markNotificationsRead(code);
      const now = new Date().toISOString();
      onChange({ unread: 0, items: list.items.map((n) => (n.readAt ? n : { ...n, readAt: now })) });
      setUnreadCount(code, 0);
      announce(t('notifications.allMarkedRead'));
      // The button goes away; keep the keyboard user where they were.
      summary.current?.focus();
    } catch (failure) {
      setError(problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  /** Opening one marks it read; the menu badge is asked again once the server has it. */
  const markOneRead = (notification: AppNotification) => {
    if (notification.readAt) return;
    void api.markNotificationsRead(code, [notification.id]).then(
      () => refreshUnreadCount(code),
      () => undefined,
    );
  };

  return (
    <>
      <Paragraph ref={summary} tabIndex={-1} className="samenspel-page-heading">
        {list.unread === 0
          ? t('notifications.noneUnread')
          : list.unread === 1
            ? t('notifications.unreadCountOne')
            : t('notifications.unreadCount', { count: list.unread })}
      </Paragraph>
      {error && (
        <Paragraph role="alert" className="samenspel-safety-error">
          {error}
        </Paragraph>
      )}
      {list.unread > 0 && (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={busy} onClick={() => void markAllRead()}>
            {busy ? t('notifications.markingAllRead') : t('notifications.markAllRead')}
          </Button>
        </ButtonGroup>
      )}
      <ul className="samenspel-notification-list">
        {list.items.map((notification) => (
          <NotificationItem key={notification.id} notification={notification} onOpen={() => markOneRead(notification)} />
        ))}
      </ul>
    </>
  );
}

function NotificationItem({ notification, onOpen }: { notification: AppNotification; onOpen: () => void }) {
  const { t, formatDateTime } = useI18n();
  const keys = notificationMessageKeys(notification.kind);
  const href = notificationLink(notification);
  const unread = !notification.readAt;
  const text = t(keys.text);

  return (
    <li className={`samenspel-notification${unread ? ' samenspel-notification--unread' : ''}`}>
      <Paragraph className="samenspel-notification__text">
        {href ? (
          <RouterLink href={href} onClick={onOpen}>
            {text}
          </RouterLink>
        ) : (
          text
        )}
      </Paragraph>
      <Paragraph>{t(keys.next)}</Paragraph>
      <p className="utrecht-paragraph samenspel-notification__meta">
        {unread && <StatusBadge>{t('notifications.new')}</StatusBadge>}
        <time dateTime={notification.createdAt}>{t('notifications.at', { date: formatDateTime(notification.createdAt) })}</time>
      </p>
    </li>
  );
}

/** Weekly caps a person can pick; the stored value is added when it is another one. */
const CAP_CHOICES = [1, 2, 3, 5, 10, 20, 50];

function EmailSettings({ code }: { code: string }) {
  const { resource, setData } = useResource(() => api.getNotificationPreferences(code), [code]);
  return <LoadState resource={resource}>{(preferences) => <EmailSettingsForm code={code} saved={preferences} onSaved={setData} />}</LoadState>;
}

function EmailSettingsForm({ code, saved, onSaved }: { code: string; saved: NotificationPreferences; onSaved: (p: NotificationPreferences) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [email, setEmail] = useState<EmailChoice>(saved.email);
  const [cap, setCap] = useState(String(saved.maxEmailsPerWeek));
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<'email' | 'maxEmailsPerWeek'>();
  const capNumber = Number(cap);

  const capOptions = [...new Set([...CAP_CHOICES, saved.maxEmailsPerWeek])]
    .sort((a, b) => a - b)
    .map((n) => ({
      value: String(n),
      label: n === 0 ? t('notifications.maxOptionNone') : n === 1 ? t('notifications.maxOptionOne') : t('notifications.maxOption', { count: n }),
    }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const result = await api.saveNotificationPreferences(code, { email, maxEmailsPerWeek: capNumber });
      errors.clear();
      onSaved(result);
      announce(t('notifications.saved'));
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, ['email', 'maxEmailsPerWeek'] as const);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const fieldDefs = [
    { name: 'email' as const, id: radioFieldId('notification-email', 'immediate'), label: t('notifications.settingsHeading') },
    { name: 'maxEmailsPerWeek' as const, id: 'notification-cap', label: t('notifications.maxLabel') },
  ];

  return (
    <>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <RadioFieldset<EmailChoice>
          name="notification-email"
          legend={t('notifications.emailLegend')}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
          options={[
            {
              value: 'immediate',
              label: t('notifications.email.immediate'),
              description:
                capNumber === 1
                  ? t('notifications.email.immediateDescriptionOne')
                  : t('notifications.email.immediateDescription', { count: capNumber }),
            },
            { value: 'digest', label: t('notifications.email.digest'), description: t('notifications.email.digestDescription') },
            { value: 'off', label: t('notifications.email.off'), description: t('notifications.email.offDescription') },
          ]}
        />
        {email === 'immediate' && (
          <SelectField
            id="notification-cap"
            label={t('notifications.maxLabel')}
            value={cap}
            onChange={setCap}
            options={capOptions}
            error={errors.fields.maxEmailsPerWeek}
          />
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('form.saving') : t('notifications.save')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
