/**
 * Choose a new password with the link from the reset e-mail.
 *
 * The token travels in the fragment (`#token=...`), which browsers never
 * send to a server or put in a Referer. On arrival it is read once and
 * removed from the address bar, so it does not stay in the history of a
 * shared computer.
 */
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import * as api from '../api/endpoints';
import { PATHS } from '../app/navigation';
import { useAnnounce } from '../app/status';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { MIN_PASSWORD_LENGTH } from '../lib/validation';
import { navigate, RouterLink, useLocation } from '../router';

const FIELDS = ['password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

function readTokenFromFragment(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  return token && token.trim() ? token.trim() : null;
}

/** The token was refused, or is malformed (e.g. a link cut short by a mail program). */
function isTokenProblem(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return error.code === 'reset_token_invalid' || error.invalidParams.some((param) => param.name === 'token');
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  const { hash } = useLocation();
  const [token, setToken] = useState(readTokenFromFragment);

  // Also when a link is opened in a tab that already shows this page.
  useEffect(() => {
    const fromFragment = readTokenFromFragment();
    if (fromFragment) setToken(fromFragment);
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, [hash]);

  if (!token) {
    return (
      <>
        <PageHeading>{t('reset.title')}</PageHeading>
        <Alert type="error">
          <Paragraph>{t('reset.noToken')}</Paragraph>
        </Alert>
        <Paragraph>
          <RouterLink href={PATHS.forgotPassword}>{t('reset.requestNew')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  // A new link starts with a clean form.
  return <ResetForm key={token} token={token} />;
}

function ResetForm({ token }: { token: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [tokenRejected, setTokenRejected] = useState(false);
  const errors = useFormErrors<Field>();

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (!password) found.password = t('fieldError.required');
    else if (password.length < MIN_PASSWORD_LENGTH) found.password = t('fieldError.password.too_short');
    if (!confirm) found.confirm = t('fieldError.required');
    else if (password && confirm !== password) found.confirm = t('fieldError.password.mismatch');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      await api.confirmPasswordReset(token, password);
      navigate(PATHS.signIn);
      announce(t('reset.done'));
    } catch (error) {
      setBusy(false);
      if (isTokenProblem(error)) {
        // A used, expired or cut-off link: only a new link helps.
        setTokenRejected(true);
        errors.fail({}, t('error.reset_token_invalid'));
        return;
      }
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS, (name) => (name === 'password' ? 'password' : null));
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    }
  };

  const fieldDefs = [
    { name: 'password' as const, id: 'reset-password', label: t('field.newPassword') },
    { name: 'confirm' as const, id: 'reset-confirm', label: t('field.confirmPassword') },
  ];

  return (
    <>
      <PageHeading>{t('reset.title')}</PageHeading>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      {tokenRejected && (
        <Paragraph>
          <RouterLink href={PATHS.forgotPassword}>{t('reset.requestNew')}</RouterLink>
        </Paragraph>
      )}
      <Paragraph>{t('reset.intro')}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <TextField
          id="reset-password"
          name="new-password"
          type="password"
          label={t('field.newPassword')}
          description={t('field.newPasswordHint')}
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <TextField
          id="reset-confirm"
          name="confirm-password"
          type="password"
          label={t('field.confirmPassword')}
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={errors.fields.confirm}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('form.saving') : t('reset.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
