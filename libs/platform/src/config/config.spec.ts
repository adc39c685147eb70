import { CascadeConfig, redactUrl, validateConfig } from './config';

describe('validateConfig', () => {
  it('fills every setting left out with its default', () => {
    const config = validateConfig({});
    expect(config).toBeInstanceOf(CascadeConfig);
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cascade',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      LOGIN_RATE_LIMIT: 10,
      ADMIN_EMAIL: 'admin@cascade.local',
    });
  });

  it('turns numbers given as text into numbers and treats an empty value as left out', () => {
    const config = validateConfig({ PORT: '8080', API_RATE_LIMIT_PER_SECOND: '150', REDIS_PREFIX: '' });
    expect(config.PORT).toBe(8080);
    expect(config.API_RATE_LIMIT_PER_SECOND).toBe(150);
    expect(config.REDIS_PREFIX).toBe('cascade');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['LOGIN_RATE_LIMIT', { LOGIN_RATE_LIMIT: '0' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
  ])('refuses a wrong %s with a message naming it', (name, env) => {
    expect(() => validateConfig(env)).toThrow(new RegExp(`^Invalid configuration — .*${name}:`));
  });

  it('refuses to start in production without a JWT secret of its own', () => {
    const admin = { ADMIN_PASSWORD: 'a-long-admin-passphrase' };
    expect(() => validateConfig({ NODE_ENV: 'production', ...admin })).toThrow(/JWT_SECRET: set a secret/);
    expect(() =>
      validateConfig({ NODE_ENV: 'production', JWT_SECRET: 'cascade-compose-secret-change-me', ...admin }),
    ).toThrow(/JWT_SECRET: set a secret/);
    expect(() =>
      validateConfig({ NODE_ENV: 'production', JWT_SECRET: 'only-twenty-six-characters', ...admin }),
    ).toThrow(/JWT_SECRET: .*at least 32/);
  });

  it('refuses to start in production with the default or a weak admin password', () => {
    const secret = { JWT_SECRET: 'a'.repeat(16) + 'b'.repeat(16) };
    expect(() => validateConfig({ NODE_ENV: 'production', ...secret })).toThrow(/ADMIN_PASSWORD: /);
    expect(() =>
      validateConfig({ NODE_ENV: 'production', ...secret, ADMIN_PASSWORD: 'password123' }),
    ).toThrow(/ADMIN_PASSWORD: .*most common/);
  });

  it('starts in production with a strong secret and an admin password of its own', () => {
    const config = validateConfig({
      NODE_ENV: 'production',
      JWT_SECRET: '3f9a1c7e5b2d4086a1e9c3f7b5d2e4a6',
      ADMIN_PASSWORD: 'a-long-admin-passphrase',
      CREDENTIAL_SIGNING_KEYS_FILE: '/run/secrets/credential-keys.json',
    });
    expect(config.NODE_ENV).toBe('production');
  });

  it('signs with a random per-process secret when none is set outside production', () => {
    const secret = validateConfig({}).JWT_SECRET;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(secret).not.toContain('cascade');
  });

  it('refuses the development credential signing key in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-some-length',
      ADMIN_PASSWORD: 'a-long-admin-passphrase',
    };
    expect(() => validateConfig(production)).toThrow(
      /CREDENTIAL_SIGNING_KEYS: set a signing key of your own/,
    );
    expect(validateConfig({ ...production, CREDENTIAL_SIGNING_KEYS: '[{"id":"k"}]' }).NODE_ENV).toBe(
      'production',
    );
  });
});

describe('redactUrl', () => {
  it('hides the password of a PostgreSQL URL and keeps the rest', () => {
    expect(redactUrl('postgres://cascade:s3cret@db.example.mn:5432/cascade')).toBe(
      'postgres://cascade:***@db.example.mn:5432/cascade',
    );
  });

  it('hides the password of a Redis URL without a user name', () => {
    expect(redactUrl('redis://:s3cret@cache:6379/0')).toBe('redis://:***@cache:6379/0');
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/cascade')).toBe(
      'postgres://postgres@127.0.0.1:5432/cascade',
    );
  });

  it('hides the password even in a URL it cannot parse', () => {
    const redacted = redactUrl('postgres://cascade:s3cret@bad host:5432/db');
    expect(redacted).not.toContain('s3cret');
    expect(redacted).toContain('cascade:***@');
  });
});
