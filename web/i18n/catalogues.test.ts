import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FIELD_ERROR_CODES } from '../../shared/errors';
import { ORGANISATION_KINDS, ROLES } from '../../shared/roles';
import { en } from './en';
import { interpolate } from './i18n';
import { nl } from './nl';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('give English the same placeholders as Dutch, message by message', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('have no empty messages', () => {
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('have a message for every server error code, field error code, role and organisation kind', () => {
    const keys = new Set(Object.keys(nl));
    for (const code of ERROR_CODES) expect(keys.has(`error.${code}`), code).toBe(true);
    for (const code of FIELD_ERROR_CODES) expect(keys.has(`fieldError.${code}`), code).toBe(true);
    for (const role of ROLES) {
      expect(keys.has(`role.${role}`), role).toBe(true);
      expect(keys.has(`coming.${role}`), role).toBe(true);
    }
    for (const kind of ORGANISATION_KINDS) expect(keys.has(`organisationKind.${kind}`), kind).toBe(true);
  });

  it('end every server error with a next step, not only a diagnosis', () => {
    // A next step is a sentence in the imperative or with "u"/"you": at least two sentences.
    for (const code of ERROR_CODES) {
      const sentences = (text: string) => text.split(/(?<=[.?!])\s+/).filter(Boolean).length;
      expect(sentences(nl[`error.${code}`]), `nl error.${code}`).toBeGreaterThanOrEqual(2);
      expect(sentences(en[`error.${code}`]), `en error.${code}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('interpolate', () => {
  it('fills in known placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Welkom, {name}. {other}', { name: 'Sanne' })).toBe('Welkom, Sanne. {other}');
  });

  it('formats numbers as text', () => {
    expect(interpolate('{count} gebruikers', { count: 3 })).toBe('3 gebruikers');
  });
});

describe('audit vocabulary', () => {
  // The audit log filter offers the catalogue's actions, and the server
  // refuses unknown ones, so the two lists must be the same.
  it('has a Dutch and English name for exactly the server audit actions and purposes', async () => {
    const { AUDIT_ACTIONS, AUDIT_PURPOSES } = await import('../../shared/audit');
    const inCatalogue = (prefix: string) =>
      Object.keys(nl)
        .filter((key) => key.startsWith(`${prefix}.`))
        .map((key) => key.slice(prefix.length + 1))
        .sort();
    expect(inCatalogue('action')).toEqual([...AUDIT_ACTIONS].sort());
    expect(inCatalogue('purpose')).toEqual([...AUDIT_PURPOSES].sort());
  });
});
