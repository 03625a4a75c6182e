/**
 * Error codes on the wire. Every problem+json response carries one `code`;
 * every entry of `invalidParams` carries a field-level `code`. The web
 * interface turns both into a sentence from its message catalogue, so the
 * server's English `title` is only a fallback for API users.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_credentials',
  'too_many_attempts',
  'rate_limited',
  'csrf_failed',
  'reset_token_invalid',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field-level reasons, mapped from schema validation issues. */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'invalid_format',
  'invalid_value',
  'unknown_field',
  'already_taken',
  'weak_password',
  'invalid',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface InvalidParam {
  /** Dotted path of the field at fault, e.g. `roles.0.organisationId`. */
  name: string;
  code: FieldErrorCode;
  reason: string;
}

/** RFC 9457 problem details as samenspel sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  invalidParams?: InvalidParam[];
  requestId?: string;
}
