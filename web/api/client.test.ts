import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, request, setCsrfToken, setUnauthenticatedHandler } from './client';

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('request', () => {
  it('sends the CSRF token on changes, not on reads, with same-origin credentials', async () => {
    setCsrfToken('token-1');
    const fetchMock = respond(200, { ok: true }, { 'Content-Type': 'application/json' });
    await request('GET', '/api/session');
    await request('PATCH', '/api/account', { body: { locale: 'en' } });

    const [, readInit] = fetchMock.mock.calls[0]!;
    const [, writeInit] = fetchMock.mock.calls[1]!;
    expect((readInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((writeInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('token-1');
    expect((writeInit.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(writeInit.credentials).toBe('same-origin');
    expect(writeInit.body).toBe('{"locale":"en"}');
  });

  it('turns problem+json into a typed error with field errors and Retry-After', async () => {
    respond(
      429,
      { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'too_many_attempts', requestId: 'r1' },
      { 'Content-Type': 'application/problem+json', 'Retry-After': '90' },
    );
    const error = await request('POST', '/api/session', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'too_many_attempts', status: 429, retryAfterSeconds: 90, requestId: 'r1' });
  });

  it('keeps only well-formed invalidParams', async () => {
    respond(
      400,
      {
        code: 'validation_failed',
        status: 400,
        invalidParams: [{ name: 'email', code: 'invalid_format', reason: 'x' }, { name: 'x', code: 'not-a-code' }, 'junk'],
      },
      { 'Content-Type': 'application/problem+json' },
    );
    const error = (await request('POST', '/api/password-resets', { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.invalidParams).toEqual([{ name: 'email', code: 'invalid_format', reason: 'x' }]);
  });

  it('falls back to a code from the status when the body is not a problem', async () => {
    respond(502, undefined, { 'Content-Type': 'text/html' });
    const error = (await request('GET', '/api/config').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network');
  });

  it('reports a failed connection as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = (await request('GET', '/api/config').catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'network', status: 0 });
  });

  it('signals an expired session, but not a failed sign-in', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    respond(401, { code: 'unauthenticated', status: 401 }, { 'Content-Type': 'application/problem+json' });
    await request('GET', '/api/session').catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
    await request('GET', '/api/municipalities/GM0505/me').catch(() => undefined);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('returns nothing for 204', async () => {
    respond(204);
    await expect(request('DELETE', '/api/session')).resolves.toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('leaves out empty parameters and encodes the rest', () => {
    expect(buildUrl('/api/x', { q: 'de Vries', role: '', limit: 20, before: undefined, after: null })).toBe(
      '/api/x?q=de+Vries&limit=20',
    );
    expect(buildUrl('/api/x')).toBe('/api/x');
  });
});
