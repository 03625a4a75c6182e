/**
 * Ask for a password reset link. The answer is the same whether or not the
 * address is known, so this page cannot be used to find out who has an
 * account.
 */
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import * as api from '../api/endpoints';
import { PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { AlertBox } from '../components/AlertBox';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors } from '../lib/form';
import { isEmailAddress } from '../lib/validation';
import { RouterLink } from '../router';

const FIELDS = ['email'] as const;
type Field = (typeof FIELDS)[number];

export function ForgotPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { config } = useSession();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const errors = useFormErrors<Field>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!email.trim()) return errors.fail({ email: t('fieldError.email.required') });
    if (!isEmailAddress(email)) return errors.fail({ email: t('fieldError.email.invalid_format') });
    setBusy(true);
    try {
      await api.requestPasswordReset(email.trim());
      setSent(true);
    } catch (error) {
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t('forgot.title')}</PageHeading>
      {sent ? (
        <SentConfirmation demoMode={config?.demoMode ?? false} />
      ) : (
        <>
          <ErrorSummary
            message={errors.message}
            items={summaryItems(errors.fields, [{ name: 'email', id: 'forgot-email', label: t('field.email') }])}
            attempt={errors.attempt}
          />
          <Paragraph>{t('forgot.intro')}</Paragraph>
          <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
            <TextField
              id="forgot-email"
              name="email"
              type="email"
              label={t('field.email')}
              autoComplete="email"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={errors.fields.email}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {busy ? t('form.saving') : t('forgot.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      <Paragraph>
        <RouterLink href={PATHS.signIn}>{t('forgot.backToSignIn')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** Replaces the form; takes focus so the person hears the result at once. */
function SentConfirmation({ demoMode }: { demoMode: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <AlertBox type="ok">
      <Heading2 ref={ref} tabIndex={-1}>
        {t('forgot.sentHeading')}
      </Heading2>
      <Paragraph>{t('forgot.sent')}</Paragraph>
      {demoMode && (
        <Paragraph>
          {t('forgot.demoOutbox')} <RouterLink href={PATHS.outbox}>{t('forgot.toOutbox')}</RouterLink>
        </Paragraph>
      )}
    </AlertBox>
  );
}
