/**
 * Sign in with e-mail address and password. After signing in the person
 * goes back to the page that sent them here (`?terug=`), or home.
 */
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api/client';
import { PATHS } from '../app/navigation';
import { useSession } from '../app/session';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { useI18n } from '../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../lib/form';
import { isEmailAddress } from '../lib/validation';
import { isSafeReturnPath, navigate, RouterLink, useLocation } from '../router';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, membership, signIn, config } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();

  if (state.status === 'signedIn') {
    return (
      <>
        <PageHeading>{t('signIn.title')}</PageHeading>
        <Paragraph>{t('signIn.alreadySignedIn', { name: membership?.displayName ?? state.session.account.email })}</Paragraph>
        <Paragraph>
          <RouterLink href={PATHS.home}>{t('signIn.toHome')}</RouterLink>
        </Paragraph>
      </>
    );
  }

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (!email.trim()) found.email = t('fieldError.email.required');
    else if (!isEmailAddress(email)) found.email = t('fieldError.email.invalid_format');
    if (!password) found.password = t('fieldError.password.required');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    if (Object.keys(found).length > 0) return errors.fail(found);
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      const returnTo = new URLSearchParams(search).get('terug');
      navigate(isSafeReturnPath(returnTo) ? returnTo : PATHS.home, { replace: true });
    } catch (error) {
      setBusy(false);
      // Never keep a wrong password around: the person types it again.
      if (isApiError(error) && error.code === 'invalid_credentials') setPassword('');
      const fields = fieldErrorsFromProblem(i18n, error, FIELDS);
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, error));
    }
  };

  const fieldDefs = [
    { name: 'email' as const, id: 'sign-in-email', label: t('field.email') },
    { name: 'password' as const, id: 'sign-in-password', label: t('field.password') },
  ];

  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      {state.status === 'signedOut' && state.expired && (
        <Alert type="info">
          <Paragraph>{t('signIn.sessionExpired')}</Paragraph>
        </Alert>
      )}
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, fieldDefs)} attempt={errors.attempt} />
      <Paragraph>{t('signIn.intro')}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} className="samenspel-form">
        <TextField
          id="sign-in-email"
          name="email"
          type="email"
          label={t('field.email')}
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.fields.email}
        />
        <TextField
          id="sign-in-password"
          name="password"
          type="password"
          label={t('field.password')}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <Paragraph>
        <RouterLink href={PATHS.forgotPassword}>{t('signIn.forgot')}</RouterLink>
      </Paragraph>
      {config?.demoMode && (
        <section className="samenspel-section samenspel-demo-hint" aria-labelledby="sign-in-demo">
          <Heading2 id="sign-in-demo">{t('signIn.demoHeading')}</Heading2>
          <Paragraph>{t('signIn.demoText')}</Paragraph>
        </section>
      )}
    </>
  );
}
