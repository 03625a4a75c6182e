import { describe, expect, it } from 'vitest';
import { isSafeReturnPath, matchRoute } from './router';

describe('matchRoute', () => {
  it('matches a fixed path, with or without a trailing slash', () => {
    expect(matchRoute('/profiel', '/profiel')).toEqual({});
    expect(matchRoute('/profiel', '/profiel/')).toEqual({});
    expect(matchRoute('/', '/')).toEqual({});
  });

  it('reads and decodes parameters', () => {
    expect(matchRoute('/beheer/gebruikers/:id', '/beheer/gebruikers/a%20b')).toEqual({ id: 'a b' });
  });

  it('does not match other paths or lengths', () => {
    expect(matchRoute('/beheer/gebruikers/:id', '/beheer/gebruikers')).toBeNull();
    expect(matchRoute('/beheer/gebruikers/:id', '/beheer/auditlog/1')).toBeNull();
    expect(matchRoute('/', '/profiel')).toBeNull();
  });

  it('rejects a malformed escape instead of throwing', () => {
    expect(matchRoute('/beheer/gebruikers/:id', '/beheer/gebruikers/%E0%A4%A')).toBeNull();
  });
});

describe('isSafeReturnPath', () => {
  it('accepts paths inside the app', () => {
    expect(isSafeReturnPath('/profiel')).toBe(true);
    expect(isSafeReturnPath('/beheer/gebruikers?q=jan')).toBe(true);
  });

  it('refuses other sites and missing values', () => {
    expect(isSafeReturnPath('https://evil.example/')).toBe(false);
    expect(isSafeReturnPath('//evil.example/')).toBe(false);
    expect(isSafeReturnPath('/\\evil.example/')).toBe(false);
    expect(isSafeReturnPath(null)).toBe(false);
  });
});
