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

  it('refuses the development JWT secret in production', () => {
    expect(() => validateConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: set a secret of your own/);
    expect(
      validateConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-of-some-length',
        CREDENTIAL_SIGNING_KEYS_FILE: '/run/secrets/credential-keys.json',
      }).NODE_ENV,
    ).toBe('production');
  });

  it('refuses the development credential signing key in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-some-length' };
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
