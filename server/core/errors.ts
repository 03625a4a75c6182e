/**
 * One error type for the whole server. Services throw AppError with a code;
 * the HTTP layer maps the code to a status and a problem+json body in one
 * place (server/http/problem.ts). Messages never contain personal data.
 */
import type { ErrorCode, InvalidParam } from '../../shared/errors';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_credentials: 401,
  too_many_attempts: 429,
  rate_limited: 429,
  csrf_failed: 403,
  reset_token_invalid: 400,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly invalidParams: InvalidParam[] | undefined;
  /** Seconds, for 429 responses. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { invalidParams?: InvalidParam[]; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.invalidParams = options.invalidParams;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
