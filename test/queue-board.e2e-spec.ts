import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { QUEUE_NAMES } from '@cascade/platform';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';

const BOARD = '/api/v1/queues';

describe('queue dashboard', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
  });

  afterAll(() => t.close());

  /** The pass cookie an admin's browser receives, as a Cookie header. */
  async function passFor(token: string): Promise<string> {
    const res = await t.http.post('/api/v1/queue-board/session').set(bearer(token)).expect(204);
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    return cookie.split(';')[0];
  }

  it('gives an admin a short-lived HttpOnly pass scoped to the dashboard', async () => {
    const res = await t.http
      .post('/api/v1/queue-board/session')
      .set(bearer(await t.tokenFor('admin')))
      .expect(204);
    const [cookie] = res.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^cascade_queue_board=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/Max-Age=900/);
    expect(cookie).toMatch(/Path=\/api\/v1\/queues/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('shows an admin with a pass the page and every queue', async () => {
    const cookie = await passFor(await t.tokenFor('admin'));
    const page = await t.http.get(`${BOARD}/`).set('Cookie', cookie).expect(200);
    expect(page.text).toContain('Cascade queues');
    const queues = await t.http.get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(200);
    const names = (queues.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual([...QUEUE_NAMES].sort());
    expect(names).toEqual(expect.arrayContaining(['certification', 'exports', 'imports', 'stats']));
  });

  it('refuses the dashboard without a pass, with a forged one, or with a bearer token', async () => {
    await t.http.get(`${BOARD}/`).expect(401);
    await t.http.get(`${BOARD}/api/queues`).set('Cookie', 'cascade_queue_board=not.a.token').expect(401);
    const admin = await t.tokenFor('admin');
    await t.http.get(`${BOARD}/api/queues`).set(bearer(admin)).expect(401);
    // An access token is not a pass, even in the cookie.
    await t.http.get(`${BOARD}/api/queues`).set('Cookie', `cascade_queue_board=${admin}`).expect(401);
  });

  it.each(['coordinator', 'viewer', 'master_teacher'] as const)('gives a %s no pass (403)', async (role) => {
    const res = await t.http
      .post('/api/v1/queue-board/session')
      .set(bearer(await t.tokenFor(role)))
      .expect(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('gives an anonymous caller no pass (401)', async () => {
    await t.http.post('/api/v1/queue-board/session').expect(401);
  });

  it('shuts the dashboard on the next request once the admin is demoted or deactivated', async () => {
    const admin = await t.tokenFor('admin');
    const cookie = await passFor(admin);
    const [{ id }] = await t.db.query(`SELECT id FROM users ORDER BY created_at DESC LIMIT 1`);
    await t.http.get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(200);
    await t.db.query(`UPDATE users SET role = 'coordinator' WHERE id = $1`, [id]);
    await t.http.get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(403);
    await t.db.query(`UPDATE users SET role = 'admin', active = false WHERE id = $1`, [id]);
    await t.http.get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(401);
  });

  it('lets an admin retry a failed job, and audits it', async () => {
    const queue = t.app.get<Queue>(getQueueToken('imports'));
    await queue.drain();
    const job = await queue.add('roster', { importId: '00000000-0000-4000-8000-000000000000' } as never, {
      attempts: 1,
    });
    const worker = new Worker(queue.name, null, {
      connection: queue.opts.connection,
      prefix: queue.opts.prefix,
    });
    try {
      const taken = await worker.getNextJob('test-token');
      expect(taken?.id).toBe(job.id);
      await taken!.moveToFailed(new Error('the test failed it'), 'test-token');
    } finally {
      await worker.close();
    }
    await expect(job.getState()).resolves.toBe('failed');

    const cookie = await passFor(await t.tokenFor('admin'));
    await t.http.put(`${BOARD}/api/queues/imports/${job.id}/retry`).set('Cookie', cookie).expect(204);
    await expect(job.getState()).resolves.toBe('waiting');
    await job.remove();
    // The event is written once the response has gone out: poll for it with a deadline.
    const admin = await t.tokenFor('admin');
    const action = `PUT ${BOARD}/api/queues/imports/${job.id}/retry`;
    const deadline = Date.now() + 10_000;
    let actions: string[] = [];
    while (!actions.includes(action) && Date.now() < deadline) {
      const audit = await t.http.get('/api/v1/audit-events?entity=queues').set(bearer(admin)).expect(200);
      actions = (audit.body.items as { action: string }[]).map((event) => event.action);
    }
    expect(actions).toContain(action);
  });
});
