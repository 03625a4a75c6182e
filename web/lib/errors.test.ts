import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { I18n } from '../i18n/i18n';
import { interpolate } from '../i18n/i18n';
import { nl, type MessageKey } from '../i18n/nl';
import { fieldErrorMessage, fieldErrorsFromProblem, problemMessage } from './errors';

const i18n: Pick<I18n, 't' | 'has'> = {
  t: (key, params) => interpolate(nl[key], params),
  has: (key: string): key is MessageKey => Object.hasOwn(nl, key),
};

describe('problemMessage', () => {
  it('gives the Dutch sentence for a code, never the server text', () => {
    const error = new ApiError({ code: 'invalid_credentials', status: 401 });
    expect(problemMessage(i18n, error)).toBe(nl['error.invalid_credentials']);
  });

  it('says how many minutes to wait after too many attempts, rounded up', () => {
    const error = new ApiError({ code: 'too_many_attempts', status: 429, retryAfterSeconds: 61 });
    expect(problemMessage(i18n, error)).toContain('Wacht 2 minuten');
  });

  it('adds the request id to an unexpected failure, for the help desk', () => {
    const error = new ApiError({ code: 'internal', status: 500, requestId: 'req-1' });
    expect(problemMessage(i18n, error)).toContain('req-1');
  });

  it('treats anything that is not an ApiError as an internal failure', () => {
    expect(problemMessage(i18n, new TypeError('x is undefined'))).toBe(nl['error.internal']);
  });
});

describe('fieldErrorMessage', () => {
  it('prefers the message for this field', () => {
    expect(fieldErrorMessage(i18n, 'email', 'already_taken')).toBe(nl['fieldError.email.already_taken']);
  });

  it('falls back to the general message for the code, then to "invalid"', () => {
    expect(fieldErrorMessage(i18n, 'givenName', 'too_long')).toBe(nl['fieldError.too_long']);
    expect(fieldErrorMessage(i18n, 'givenName', 'something_new')).toBe(nl['fieldError.invalid']);
  });
});

describe('fieldErrorsFromProblem', () => {
  const fields = ['email', 'roles', 'organisationId'] as const;

  it('maps dotted server paths to the form fields', () => {
    const error = new ApiError({
      code: 'validation_failed',
      status: 400,
      invalidParams: [
        { name: 'roles.0.organisationId', code: 'required', reason: 'Required' },
        { name: 'email', code: 'invalid_format', reason: 'Invalid email' },
      ],
    });
    expect(fieldErrorsFromProblem(i18n, error, fields)).toEqual({
      organisationId: nl['fieldError.organisationId.required'],
      email: nl['fieldError.email.invalid_format'],
    });
  });

  it('returns null when no field of the form is named, so the form shows a general message', () => {
    const error = new ApiError({
      code: 'validation_failed',
      status: 400,
      invalidParams: [{ name: 'token', code: 'too_short', reason: 'Too short' }],
    });
    expect(fieldErrorsFromProblem(i18n, error, fields)).toBeNull();
    expect(fieldErrorsFromProblem(i18n, new ApiError({ code: 'conflict', status: 409 }), fields)).toBeNull();
  });
});
