import { tmpdir } from 'os';
import { TEST_DATABASE_URL, TEST_REDIS_PREFIX, TEST_REDIS_URL } from './test-env';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.REDIS_URL = TEST_REDIS_URL;
process.env.REDIS_PREFIX = TEST_REDIS_PREFIX;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.JWT_SECRET = 'cascade-test-secret-0123456789';
process.env.ADMIN_EMAIL = 'admin@test.local';
process.env.ADMIN_PASSWORD = 'admin-password';
process.env.LOGIN_RATE_LIMIT ??= '1000';
process.env.LOGIN_ADDRESS_RATE_LIMIT ??= '10000';
process.env.API_RATE_LIMIT_PER_SECOND ??= '10000';
process.env.PUBLIC_RATE_LIMIT_PER_MINUTE ??= '100000';
// Tests send bursts of concurrent writes (ten batches at once) on a busy CI machine: with the
// production pool of 10, a request's guard can wait out the pool's 5 s connect timeout (a 503)
// behind ten transactions queued on one another's rows.
process.env.DATABASE_POOL_SIZE ??= '20';
process.env.REPORTS_DIR ??= `${tmpdir()}/cascade-test-reports`;
