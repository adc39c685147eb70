import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';

interface Event {
  id: string;
  actorUserId: string | null;
  entity: string;
  occurredAt: string;
}

describe('audit log filters', () => {
  let t: TestApp;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const alice = '11111111-1111-4111-8111-111111111111';
  const bob = '22222222-2222-4222-8222-222222222222';

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    admin = await t.tokenFor('admin');
    const event = (actor: string, entity: string, at: string) =>
      t.db.query(
        `INSERT INTO audit_events (occurred_at, actor_user_id, actor_email, action, entity) VALUES ($1, $2, $3, 'PATCH', $4)`,
        [at, actor, `${actor}@test.local`, entity],
      );
    await event(alice, 'cohorts', '2026-01-10T08:00:00Z');
    await event(alice, 'people', '2026-01-20T08:00:00Z');
    await event(bob, 'cohorts', '2026-01-31T23:59:59Z');
    await event(bob, 'cohorts', '2026-02-01T00:00:00Z');
  });

  afterAll(() => t.close());

  const list = async (query: string) => {
    const res = await t.http.get(`/api/v1/audit-events?${query}`).set(auth()).expect(200);
    return res.body as { items: Event[]; total: number };
  };

  it('narrows by date: from is inclusive, to is exclusive, a date is its UTC midnight', async () => {
    const january = await list('from=2026-01-01&to=2026-02-01');
    expect(january.items.map((e) => e.occurredAt)).toEqual([
      '2026-01-31T23:59:59.000Z',
      '2026-01-20T08:00:00.000Z',
      '2026-01-10T08:00:00.000Z',
    ]);
    await expect(list('from=2026-02-01T00:00:00Z&to=2026-03-01')).resolves.toMatchObject({ total: 1 });
  });

  it('combines user, entity and date filters', async () => {
    const found = await list(`actorUserId=${alice}&entity=cohorts&to=2026-01-15`);
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ actorUserId: alice, entity: 'cohorts' });
    await expect(list(`actorUserId=${bob}&entity=people`)).resolves.toMatchObject({ total: 0, items: [] });
  });

  it('pages on the server, newest first, with the total of every match', async () => {
    const first = await list(`entity=cohorts&from=2026-01-01&to=2026-03-01&limit=2`);
    const second = await list(`entity=cohorts&from=2026-01-01&to=2026-03-01&limit=2&offset=2`);
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...first.items, ...second.items].map((e) => e.occurredAt)).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-01-31T23:59:59.000Z',
      '2026-01-10T08:00:00.000Z',
    ]);
  });

  it('refuses a date that is not ISO 8601 with 400', async () => {
    await t.http.get('/api/v1/audit-events?from=yesterday').set(auth()).expect(400);
  });
});
