/**
 * The single place where errors become HTTP: application/problem+json
 * (RFC 9457) with a machine code, the fields at fault, and a title in the
 * caller's language. Unknown errors become a bare 500: no stack, no SQL, no
 * personal data ever leaves the server, and the log line names only the
 * error's class and the request id.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { ErrorCode, FieldErrorCode, InvalidParam, Problem } from '../../shared/errors';
import type { Locale } from '../../shared/roles';
import { AppError, STATUS_BY_CODE } from '../core/errors';
import type { AppEnv } from './env';

const TITLES: Record<ErrorCode, { nl: string; en: string }> = {
  validation_failed: { nl: 'Niet alle gegevens zijn goed ingevuld.', en: 'Some fields are not filled in correctly.' },
  malformed_json: { nl: 'Het verzoek is geen geldige JSON.', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { nl: 'Stuur de gegevens als JSON.', en: 'Send the data as application/json.' },
  payload_too_large: { nl: 'Het verzoek is te groot.', en: 'The request body is too large.' },
  unauthenticated: { nl: 'U bent niet ingelogd.', en: 'You are not signed in.' },
  forbidden: { nl: 'U heeft hier geen toegang toe.', en: 'You do not have access to this.' },
  not_found: { nl: 'Dit bestaat niet of u heeft er geen toegang toe.', en: 'Not found, or you do not have access.' },
  conflict: { nl: 'Dit bestaat al.', en: 'This already exists.' },
  invalid_credentials: { nl: 'E-mailadres of wachtwoord klopt niet.', en: 'E-mail address or password is incorrect.' },
  too_many_attempts: { nl: 'Te veel pogingen. Probeer het later opnieuw.', en: 'Too many attempts. Try again later.' },
  rate_limited: { nl: 'U doet dit te vaak achter elkaar. Probeer het later opnieuw.', en: 'You are doing this too often. Try again later.' },
  csrf_failed: { nl: 'Het verzoek kon niet worden gecontroleerd. Laad de pagina opnieuw.', en: 'The request could not be verified. Reload the page.' },
  reset_token_invalid: { nl: 'Deze link werkt niet meer. Vraag een nieuwe aan.', en: 'This link no longer works. Request a new one.' },
  internal: { nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Try again later.' },
};

export function problemBody(code: ErrorCode, locale: Locale, requestId: string, invalidParams?: InvalidParam[]): Problem {
  const body: Problem = {
    type: `https://samenspel.example/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[code][locale],
    status: STATUS_BY_CODE[code],
    code,
    requestId,
  };
  if (invalidParams && invalidParams.length > 0) body.invalidParams = invalidParams;
  return body;
}

export function problemResponse(c: Context<AppEnv>, code: ErrorCode, invalidParams?: InvalidParam[], retryAfter?: number): Response {
  const body = problemBody(code, c.get('locale') ?? 'nl', c.get('requestId') ?? 'unknown', invalidParams);
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/**
 * Maps zod issues to invalidParams; never echoes the submitted value. With
 * the raw input, a field that is absent is reported as `required` whatever
 * zod's own issue code (an absent enum is an "invalid option" to zod).
 */
export function invalidParamsFromZod(error: z.ZodError, input?: unknown): InvalidParam[] {
  const out: InvalidParam[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ name: base ? `${base}.${key}` : key, code: 'unknown_field', reason: 'This field is not allowed.' });
      }
      continue;
    }
    const absent = input !== undefined && issue.path.length > 0 && valueAt(input, issue.path) === undefined;
    out.push({ name: base || '(body)', code: absent ? 'required' : fieldCode(issue), reason: issue.message });
  }
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function fieldCode(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'required' : 'invalid_type';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return 'too_long';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'invalid_value';
    case 'custom': {
      const code = (issue.params as { code?: FieldErrorCode } | undefined)?.code;
      return code ?? 'invalid';
    }
    default:
      return 'invalid';
  }
}

/** Hono onError: every thrown error ends here. */
export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) {
    return problemResponse(c, err.code, err.invalidParams, err.retryAfter);
  }
  if (err instanceof HTTPException) {
    // Hono's own validators throw these, e.g. for malformed JSON.
    if (err.status === 400) return problemResponse(c, 'malformed_json');
    if (err.status === 413) return problemResponse(c, 'payload_too_large');
    if (err.status === 401) return problemResponse(c, 'unauthenticated');
    if (err.status === 404) return problemResponse(c, 'not_found');
  }
  // The message may quote data (a database error cites the offending value),
  // so only the class, the driver's error code and the stack frames are logged.
  c.get('logger')?.error(
    {
      requestId: c.get('requestId'),
      err: {
        type: err.name,
        code: (err as { code?: unknown }).code,
        // Only "at ..." lines: a driver's message can run over several lines and quote parameters.
        frames: err.stack
          ?.split('\n')
          .map((l) => l.trim())
          .filter((l) => l.startsWith('at '))
          .slice(0, 8),
      },
    },
    'unhandled error',
  );
  return problemResponse(c, 'internal');
}
