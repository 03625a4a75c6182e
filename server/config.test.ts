/** Configuration from the environment: defaults, derived settings, and errors that help without leaking. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on an empty environment with local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      smtpUrl: undefined,
      logLevel: 'info',
      sessionTtlMs: 12 * 3600_000,
      secureCookies: false,
      trustProxy: false,
    });
    expect(config.mailFrom).toContain('@');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ port: 3000, logLevel: 'info' });
  });

  it('derives the default public URL from the port', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('turns demo mode on by default for the embedded database', () => {
    expect(loadConfig({}).demoMode).toBe(true);
  });

  it('turns demo mode off by default when DATABASE_URL points at a server', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db.internal/samenspel' }).demoMode).toBe(false);
  });

  it('lets DEMO_MODE override the default either way', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://app@db/s', DEMO_MODE: 'true' }).demoMode).toBe(true);
    expect(loadConfig({ DEMO_MODE: 'no' }).demoMode).toBe(false);
    expect(loadConfig({ DEMO_MODE: '0' }).demoMode).toBe(false);
  });

  it('makes cookies Secure when the public URL is https, and drops a trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://samenspel.dordrecht.example/' });
    expect(config.secureCookies).toBe(true);
    expect(config.publicUrl).toBe('https://samenspel.dordrecht.example');
    expect(loadConfig({ PUBLIC_URL: 'http://samenspel.local' }).secureCookies).toBe(false);
  });

  it('reads the session lifetime in hours and the proxy setting as a boolean', () => {
    expect(loadConfig({ SESSION_TTL_HOURS: '2', TRUST_PROXY: 'yes' })).toMatchObject({ sessionTtlMs: 7_200_000, trustProxy: true });
  });

  it('lists every problem at once, each naming its variable', () => {
    const err = configError({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/db',
      SMTP_URL: 'http://mail.example',
      LOG_LEVEL: 'loud',
      SESSION_TTL_HOURS: '0',
      TRUST_PROXY: 'maybe',
      PUBLIC_URL: 'not a url',
    });
    const named = err.problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'PUBLIC_URL', 'SESSION_TTL_HOURS', 'SMTP_URL', 'TRUST_PROXY']);
    for (const variable of named) expect(err.message).toContain(variable);
  });

  it('never echoes a secret from a refused value', () => {
    const secrets = ['s3cr3t-db-pa55word', 'smtp-pa55word-xyz', 'url-pa55word-abc'];
    const err = configError({
      DATABASE_URL: `mysql://app:${secrets[0]}@db.internal/samenspel`,
      SMTP_URL: `http://mailer:${secrets[1]}@mail.internal`,
      PUBLIC_URL: `https//user:${secrets[2]}@samenspel`,
    });
    expect(err.problems).toHaveLength(3);
    for (const secret of secrets) {
      expect(err.message).not.toContain(secret);
      expect(err.problems.join('\n')).not.toContain(secret);
    }
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ AWS_SECRET: 'anything', HOME: '/root' })).not.toThrow();
  });
});
