import { PasswordHasher } from '../libs/platform/src/auth/password-hasher';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution } from './support/factories';

/** Login limits shared by replicas, addresses normalised once, a lock that lifts, equal work. */
describe('login hardening', () => {
  const LIMIT = 3;
  const WINDOW_SECONDS = 10;
  let t: TestApp;
  let replica: TestApp;
  const saved = {
    limit: process.env.LOGIN_RATE_LIMIT,
    window: process.env.LOGIN_RATE_WINDOW_SECONDS,
    address: process.env.LOGIN_ADDRESS_RATE_LIMIT,
  };
  let admin: string;
  let counter = 0;

  beforeAll(async () => {
    await resetDatabase();
    process.env.LOGIN_RATE_LIMIT = String(LIMIT);
    process.env.LOGIN_RATE_WINDOW_SECONDS = String(WINDOW_SECONDS);
    // Every request comes from one address here; its own limit is not what this file tests.
    process.env.LOGIN_ADDRESS_RATE_LIMIT = '10000';
    // Two API processes on one PostgreSQL and one Redis, as behind a load balancer.
    t = await createTestApp();
    replica = await createTestApp();
    admin = (await login(t, 'admin@test.local', 'admin-password').expect(200)).body.accessToken;
  });
  afterAll(async () => {
    process.env.LOGIN_RATE_LIMIT = saved.limit;
    process.env.LOGIN_RATE_WINDOW_SECONDS = saved.window;
    process.env.LOGIN_ADDRESS_RATE_LIMIT = saved.address;
    await replica.close();
    await t.close();
  });

  function login(app: TestApp, email: string, password: string) {
    return app.http.post('/api/v1/auth/login').send({ email, password });
  }

  async function newUser(local = `user-${counter++}`): Promise<string> {
    const email = `${local}@test.local`;
    await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ email, password: 'a long passphrase', role: 'viewer' })
      .expect(201);
    return email;
  }

  it('counts failed passwords across API replicas: the limit is not doubled by a second process', async () => {
    const email = await newUser();
    await login(t, email, 'wrong-guess-1').expect(401);
    await login(replica, email, 'wrong-guess-2').expect(401);
    await login(t, email, 'wrong-guess-3').expect(401);
    const refused = await login(replica, email, 'a long passphrase').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not let a look-alike address (İ) reach the account past its lock', async () => {
    const email = await newUser('tim');
    for (let attempt = 1; attempt <= LIMIT; attempt++) await login(t, email, `guess-${attempt}`).expect(401);
    // JavaScript lower-cases İ to i + U+0307; PostgreSQL's lower() made it a plain i.
    await login(t, 'T\u0130M@test.local', 'a long passphrase').expect(401);
    await login(t, email, 'a long passphrase').expect(429);
  });

  it('stores addresses normalised and refuses a look-alike duplicate with 409', async () => {
    const created = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ email: '  Ｂold.Name@TEST.local ', password: 'a long passphrase', role: 'viewer' })
      .expect(201);
    expect(created.body.email).toBe('bold.name@test.local');
    await login(t, 'bold.name@test.local', 'a long passphrase').expect(200);
    const institutionId = await makeInstitution(t.db);
    const person = { fullName: 'Tsetseg', institutionId };
    await t.http
      .post('/api/v1/people')
      .auth(admin, { type: 'bearer' })
      .send({ ...person, email: 'tsetseg@test.local' })
      .expect(201);
    const res = await t.http
      .post('/api/v1/people')
      .auth(admin, { type: 'bearer' })
      .send({ ...person, email: 'TSETSE\u0120@test.local'.replace('\u0120', 'G\u0307') })
      .expect(409);
    expect(res.body.message).toMatch(/^email: /);
  });

  it('does not count successful logins towards the lock', async () => {
    const email = await newUser();
    for (let attempt = 1; attempt <= LIMIT + 2; attempt++) {
      await login(attempt % 2 ? t : replica, email, 'a long passphrase').expect(200);
    }
  });

  it('lifts the lock for the right password once the window has passed, however long an attacker keeps guessing', async () => {
    const email = await newUser();
    for (let attempt = 1; attempt <= LIMIT; attempt++) await login(t, email, `guess-${attempt}`).expect(401);
    await login(t, email, 'a long passphrase').expect(429);
    const deadline = Date.now() + 6 * WINDOW_SECONDS * 1000;
    const attackerAnswers = new Set<number>();
    let status = 429;
    while (status === 429 && Date.now() < deadline) {
      attackerAnswers.add((await login(replica, email, 'still-guessing')).status);
      const res = await login(t, email, 'a long passphrase');
      status = res.status;
    }
    expect(status).toBe(200);
    expect([...attackerAnswers]).toContain(429);
  });

  it('does the same password work for an unknown address as for a known one', async () => {
    const hasher = t.app.get(PasswordHasher);
    const verify = jest.spyOn(hasher, 'verify');
    try {
      await login(t, 'nobody-here@test.local', 'a long passphrase').expect(401);
      expect(verify).toHaveBeenCalledWith(undefined, 'a long passphrase');
      await expect(verify.mock.results[0].value).resolves.toBe(false);
    } finally {
      verify.mockRestore();
    }
  });
});
