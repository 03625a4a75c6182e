/**
 * The one way the web interface talks to the server.
 *
 * - Same-origin cookies carry the session; nothing is kept in localStorage.
 * - Every state-changing request (POST, PUT, PATCH, DELETE) sends the CSRF
 *   token from the last session response in `X-CSRF-Token`.
 * - Errors arrive as `application/problem+json` and become an `ApiError`
 *   with a typed `code`. The interface shows a catalogue message for that
 *   code, never the server's English `title`.
 */
import { ERROR_CODES, FIELD_ERROR_CODES, type ErrorCode, type InvalidParam, type Problem } from '../../shared/errors';

/** `network` when the server could not be reached or answered something unreadable. */
export type ApiErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status; 0 when the request did not reach the server. */
  readonly status: number;
  readonly invalidParams: InvalidParam[];
  /** Seconds to wait, from `Retry-After` on 429 responses. */
  readonly retryAfterSeconds: number | null;
  /** Lets support find the request in the server log. */
  readonly requestId: string | null;

  constructor(options: {
    code: ApiErrorCode;
    status: number;
    invalidParams?: InvalidParam[];
    retryAfterSeconds?: number | null;
    requestId?: string | null;
    cause?: unknown;
  }) {
    super(`API error ${options.status} ${options.code}`, { cause: options.cause });
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.invalidParams = options.invalidParams ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.requestId = options.requestId ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | undefined | null>;

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the token from the last session response (sign-in or session check). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Called when a request that needed a session got `401 unauthenticated`:
 * the session expired or was ended elsewhere. The session context uses it to
 * send the person back to the sign-in page.
 */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Builds `/api/...?a=1`, leaving out empty parameters. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function request<T>(
  method: Method,
  path: string,
  options: { body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'network', status: 0, cause });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // A failed sign-in or session check is not an expired session.
    if (error.code === 'unauthenticated' && !path.startsWith('/api/session')) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ApiError({ code: 'network', status: response.status, cause });
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  const contentType = response.headers.get('Content-Type') ?? '';
  let problem: Partial<Problem> = {};
  if (contentType.includes('json')) {
    try {
      problem = (await response.json()) as Partial<Problem>;
    } catch {
      // Fall through: an unreadable body is handled like a missing one.
    }
  }
  return new ApiError({
    code: isErrorCode(problem.code) ? problem.code : fallbackCode(response.status),
    status: response.status,
    invalidParams: (problem.invalidParams ?? []).filter(isInvalidParam),
    retryAfterSeconds,
    requestId: typeof problem.requestId === 'string' ? problem.requestId : null,
  });
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isInvalidParam(value: unknown): value is InvalidParam {
  if (typeof value !== 'object' || value === null) return false;
  const { name, code } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof code === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(code);
}

/** For answers without a usable problem body, e.g. from a proxy in between. */
function fallbackCode(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'too_many_attempts';
    case 502:
    case 503:
    case 504:
      return 'network';
    default:
      return 'internal';
  }
}
