import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution } from './support/factories';
import { BOM, HEADER, importRoster } from './imports-helpers';

describe('import templates: the file an administrator fills in', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    admin = await t.tokenFor('admin');
  });
  afterAll(() => t.close());

  const template = (kind: string, token = admin) =>
    t.http.get(`/api/v1/imports/templates/${kind}`).set('Authorization', `Bearer ${token}`);

  it('answers the roster header and an example row that an upload accepts as it is', async () => {
    await makeInstitution(t.db, { name: 'MSUE', name_mn: 'Монгол Улсын Боловсролын Их Сургууль' });
    const res = await template('roster').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="roster-template.csv"');
    const text = res.text;
    expect(text.startsWith(BOM)).toBe(true);
    const [header, example] = text.slice(1).split('\r\n');
    expect(header).toBe(HEADER);
    expect(example).toContain('Батбаярын Сарантуяа');

    const state = await importRoster(t, admin, Buffer.from(text, 'utf8'));
    expect(state).toMatchObject({ status: 'done', totalRows: 1, createdRows: 1, errorRows: 0 });
  });

  it('answers the completions header, refuses an unknown kind with 400 and a viewer with 403', async () => {
    const res = await template('completions').expect(200);
    expect(res.text.slice(1).split('\r\n')[0]).toBe('email,personId,courseCode,completedOn,score,clientRef');
    await template('payments').expect(400);
    await template('roster', await t.tokenFor('viewer')).expect(403);
  });
});
