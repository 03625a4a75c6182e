/**
 * Turns server problems into sentences from the message catalogue.
 * The server's English `title` and `reason` are never shown: a Dutch
 * resident gets Dutch, with a next step.
 */
import type { FieldErrorCode } from '../../shared/errors';
import { isApiError } from '../api/client';
import type { I18n } from '../i18n/i18n';

/** The sentence for a failed request, for the form's error summary or a page alert. */
export function problemMessage(i18n: Pick<I18n, 't'>, error: unknown): string {
  const { t } = i18n;
  if (!isApiError(error)) return t('error.internal');
  if (error.code === 'too_many_attempts') {
    return error.retryAfterSeconds
      ? t('error.too_many_attempts', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
      : t('error.too_many_attempts_soon');
  }
  if (error.code === 'rate_limited') {
    return error.retryAfterSeconds
      ? t('error.rate_limited', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
      : t('error.rate_limited_soon');
  }
  const message = t(`error.${error.code}`);
  // Only an unexpected failure needs a reference for the help desk.
  return error.code === 'internal' && error.requestId
    ? `${message} ${t('error.reference', { requestId: error.requestId })}`
    : message;
}

/** `fieldError.<field>.<code>` when the catalogue has it, else the generic `fieldError.<code>`. */
export function fieldErrorMessage(i18n: Pick<I18n, 't' | 'has'>, field: string, code: FieldErrorCode | string): string {
  const specific = `fieldError.${field}.${code}`;
  if (i18n.has(specific)) return i18n.t(specific);
  const generic = `fieldError.${code}`;
  return i18n.has(generic) ? i18n.t(generic) : i18n.t('fieldError.invalid');
}

/**
 * Field errors from a problem's `invalidParams`, keyed by the form's own
 * field names. `mapName` translates the server's dotted path
 * (`roles.0.organisationId`) to a form field; by default the last segment
 * that is a field of the form. Returns null when the error has no field
 * that the form knows, so the caller shows a form-level message instead.
 */
export function fieldErrorsFromProblem<F extends string>(
  i18n: Pick<I18n, 't' | 'has'>,
  error: unknown,
  fields: readonly F[],
  mapName: (name: string) => F | null = (name) => defaultFieldFor(name, fields),
): Partial<Record<F, string>> | null {
  if (!isApiError(error) || error.invalidParams.length === 0) return null;
  const result: Partial<Record<F, string>> = {};
  for (const param of error.invalidParams) {
    const field = mapName(param.name);
    if (field && !result[field]) result[field] = fieldErrorMessage(i18n, field, param.code);
  }
  return Object.keys(result).length > 0 ? result : null;
}

function defaultFieldFor<F extends string>(name: string, fields: readonly F[]): F | null {
  const segments = name.split('.');
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    const match = fields.find((f) => f === segment);
    if (match) return match;
  }
  return null;
}
