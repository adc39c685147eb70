import { plainToInstance, Transform } from 'class-transformer';
import { randomBytes } from 'crypto';
import { passwordRefusal } from '../auth/password-policy';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Without JWT_SECRET, outside production, each process signs with a random secret of its own:
 * no secret printed in this repository ever signs a token.
 */
const PROCESS_SECRET = randomBytes(32).toString('hex');

/** Secrets that were once published as defaults (this file, docker-compose.yml): never in production. */
const KNOWN_SECRETS = ['cascade-development-secret-change-me', 'cascade-compose-secret-change-me'];
const DEFAULT_ADMIN_PASSWORD = 'cascade-admin';
const MIN_PRODUCTION_SECRET_LENGTH = 32;

/** Every setting comes from the environment; the defaults fit a local PostgreSQL and Redis. */
export class CascadeConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cascade';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key, so several installations (or the tests) can share one Redis. */
  @IsString()
  REDIS_PREFIX = 'cascade';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(16)
  JWT_SECRET = PROCESS_SECRET;

  @IsString()
  JWT_EXPIRES_IN = '12h';

  @IsString()
  ADMIN_EMAIL = 'admin@cascade.local';

  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD = DEFAULT_ADMIN_PASSWORD;

  /** Authenticated requests per second allowed to one user (bulk clients need ≥ 100). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  API_RATE_LIMIT_PER_SECOND = 200;

  /** Failed passwords per account in LOGIN_RATE_WINDOW_SECONDS that lock it for one window. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 300;

  /** Login attempts allowed from one address in LOGIN_RATE_WINDOW_SECONDS, whatever the accounts. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 50;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  REPORTS_DIR = 'var/reports';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  REPORTS_TTL_HOURS = 72;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  MENTORING_OVERDUE_DAYS = 30;

  /** `npm run demo` sets it: the start banner then lists the demo logins. */
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  DEMO = false;

  /** How long a signed report download link stays valid. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(1440)
  REPORT_LINK_MINUTES = 10;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  DATABASE_POOL_SIZE = 10;

  /** Where the public reaches the API (credential ids, status lists, verify links, signed download links); default http://localhost:$PORT. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;

  /**
   * The credential signing keys, as JSON: `[{"id", "publicKeyMultibase", "secretKeyMultibase"}]`
   * (Ed25519 Multikey). A retired key may keep only its public half. Never stored in the database.
   */
  @IsString()
  CREDENTIAL_SIGNING_KEYS = DEVELOPMENT_SIGNING_KEYS;

  /** A file holding the same JSON; wins over CREDENTIAL_SIGNING_KEYS when set. */
  @IsOptional()
  @IsString()
  CREDENTIAL_SIGNING_KEYS_FILE?: string;

  /** The key that signs new credentials; default the last key with a secret half. */
  @IsOptional()
  @IsString()
  CREDENTIAL_ACTIVE_KEY_ID?: string;

  /** A public host name (e.g. `credentials.example.mn`): the issuer becomes did:web:<host> instead of did:key. */
  @IsOptional()
  @Matches(/^[a-z0-9.-]+(%3A[0-9]+)?$/i)
  CREDENTIAL_DID_WEB_HOST?: string;

  /** Requests per minute one address may make to the public credential endpoints. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE = 60;
}

/** A key for development and tests only: production refuses to start with it. */
const DEVELOPMENT_SIGNING_KEYS = JSON.stringify([
  {
    id: 'development',
    publicKeyMultibase: 'z6MkgsNB8GbmAB4uqYKfH7FKWYrW8nJAikKtbQ6mHafzhTFZ',
    secretKeyMultibase:
      'zrv4Wr52yMT49EWoNFedggnqd7xYoJUyn9BfsTBcPXEJCWVmGNpAoAkMytSWWk3oJKjFags6JRbRBwMfGSpmwirgXw9',
  },
]);

/** PUBLIC_URL without a trailing slash. */
export function publicUrlOf(config: Pick<CascadeConfig, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** Used by ConfigModule: an invalid setting stops the process with a message naming it. */
export function validateConfig(env: Record<string, unknown>): CascadeConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(CascadeConfig, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration — ${problems.join('; ')}`);
  }
  if (config.NODE_ENV === 'production') assertProductionSecrets(defined, config);
  if (
    config.NODE_ENV === 'production' &&
    !config.CREDENTIAL_SIGNING_KEYS_FILE &&
    config.CREDENTIAL_SIGNING_KEYS === DEVELOPMENT_SIGNING_KEYS
  ) {
    throw new Error(
      'Invalid configuration — CREDENTIAL_SIGNING_KEYS: set a signing key of your own in production',
    );
  }
  return config;
}

/** Production starts only with a strong secret and an admin password of its own. */
function assertProductionSecrets(defined: Record<string, unknown>, config: CascadeConfig): void {
  const problems: string[] = [];
  if (
    defined.JWT_SECRET === undefined ||
    KNOWN_SECRETS.includes(config.JWT_SECRET) ||
    config.JWT_SECRET.length < MIN_PRODUCTION_SECRET_LENGTH
  ) {
    problems.push(
      `JWT_SECRET: set a secret of your own in production, at least ${MIN_PRODUCTION_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`,
    );
  }
  const refusal = passwordRefusal(config.ADMIN_PASSWORD, config.ADMIN_EMAIL);
  if (config.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD || refusal) {
    problems.push(
      `ADMIN_PASSWORD: set a password of your own in production (${refusal ?? 'not the default'})`,
    );
  }
  if (problems.length > 0) throw new Error(`Invalid configuration — ${problems.join('; ')}`);
}

/** Reads the configuration outside Nest (CLI scripts, data source, benchmarks). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): CascadeConfig {
  return validateConfig(env);
}

/** A URL safe to print: the password is replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
