import { StatusListsService } from '@cascade/credentials';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution } from './support/factories';
import { independentVerifier } from './support/independent-verifier';
import { certifyAndIssue, credentialsOf, IssuedCredential, qualifiedProgramme } from './credentials-fixture';
import { waitFor } from './support/wait';

const PUBLIC_URL = 'http://localhost:3000';
const path = (url: string) => url.slice(PUBLIC_URL.length);

describe('verifiable credentials: revocation anyone can check', () => {
  let t: TestApp;
  let staff: string;
  let verifier: Awaited<ReturnType<typeof independentVerifier>>;
  const as = (method: 'get' | 'post' | 'patch', url: string) =>
    t.http[method](`/api/v1${url}`).set('Authorization', `Bearer ${staff}`);

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    staff = await t.tokenFor('coordinator');
    verifier = await independentVerifier((p) => t.http.get(p), PUBLIC_URL);
  });
  afterAll(() => t.close());

  const statusOf = async (credential: IssuedCredential) => {
    const document = (await t.http.get(path(credential.url)).expect(200)).body;
    const result = await verifier.verify(document);
    expect(result.statusResult?.verified).toBe(true);
    return result.statusResult?.results?.[0].status ? 'revoked' : 'active';
  };

  it('reports a credential revoked by hand as revoked through the public status list', async () => {
    const { programmeId } = await qualifiedProgramme(t, 2);
    await certifyAndIssue(t, programmeId, 2);
    const [revoked, kept] = await credentialsOf(t, staff, `programmeId=${programmeId}`);
    await expect(statusOf(revoked)).resolves.toBe('active');
    await as('post', `/certifications/${revoked.certificationId}/revoke`)
      .send({ reason: 'plagiarised portfolio' })
      .expect(200);
    await expect(statusOf(revoked)).resolves.toBe('revoked');
    await expect(statusOf(kept)).resolves.toBe('active');
    const page = await t.http.get(`/api/v1/public/verifications/${revoked.number}`).expect(200);
    expect(page.body).toMatchObject({ verified: false, checks: { signature: 'valid', status: 'revoked' } });
  });

  it('revokes the credential when a corrected score takes the holder below the pass mark', async () => {
    const { programmeId, coreCourseIds, people } = await qualifiedProgramme(t, 1);
    await certifyAndIssue(t, programmeId, 1);
    const [credential] = await credentialsOf(t, staff, `programmeId=${programmeId}`);
    const [completion] = await t.db.query(
      `SELECT id FROM course_completions WHERE enrolment_id = $1 AND course_id = $2`,
      [people[0].enrolmentId, coreCourseIds[0]],
    );
    await as('patch', `/enrolments/${people[0].enrolmentId}/completions/${completion.id}`)
      .send({ score: 0 })
      .expect(200);
    await waitFor(
      'the credential revoked',
      async () => ((await statusOf(credential)) === 'revoked' ? true : undefined),
      60_000,
    );
  });

  it('issues a new credential on re-certification after a revocation and keeps the old one', async () => {
    const { programmeId, people } = await qualifiedProgramme(t, 1);
    await certifyAndIssue(t, programmeId, 1);
    const [first] = await credentialsOf(t, staff, `programmeId=${programmeId}`);
    await as('post', `/certifications/${first.certificationId}/revoke`)
      .send({ reason: 'entered in error' })
      .expect(200);
    const outcome = await as('post', `/programmes/${programmeId}/certifications`)
      .send({ personId: people[0].personId })
      .expect(200);
    expect(outcome.body.change).toBe('issued');
    const history = await waitFor(
      'two credentials of the person',
      async () => {
        const all = await credentialsOf(t, staff, `personId=${people[0].personId}`);
        return all.length === 2 ? all : undefined;
      },
      60_000,
    );
    const second = history.find((c) => c.id !== first.id)!;
    expect(second.number).not.toBe(first.number);
    expect(history.find((c) => c.id === first.id)?.revoked).toBe(true);
    await expect(statusOf(first)).resolves.toBe('revoked');
    await expect(statusOf(second)).resolves.toBe('active');
  });

  it('revokes 1,000 credentials with one reason in one transaction, every bit with them', async () => {
    const { programmeId } = await qualifiedProgramme(t, 0);
    const institutionId = await makeInstitution(t.db);
    // 1,000 certified people with credentials, written directly: this test is about revoking, not signing.
    const certifications = (await t.db.query(
      `WITH people AS (
         INSERT INTO people (full_name, email, institution_id, discipline, preferred_language)
         SELECT 'Bulk ' || n, 'bulk-' || n || '-' || $2 || '@example.mn', $3::uuid, 'Mathematics', 'mn'
           FROM generate_series(1, 1000) n RETURNING id)
       INSERT INTO certifications (programme_id, person_id, number, issued_on)
       SELECT $1, id, 'MC-2026-' || lpad(nextval('certification_number_seq')::text, 6, '0'), current_date FROM people
       RETURNING id`,
      [programmeId, Date.now().toString(36), institutionId],
    )) as { id: string }[];
    const ids = certifications.map((c) => c.id);
    const entries = await t.app.get(StatusListsService).allocate(ids.length, 'development');
    await t.db.query(
      `INSERT INTO credentials (certification_id, programme_id, person_id, status_list_id, status_index, key_id, document)
       SELECT x.c, $1, ce.person_id, x.l, x.i, 'development', '{}'
         FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS x(c, l, i) JOIN certifications ce ON ce.id = x.c`,
      [programmeId, ids, entries.map((e) => e.statusListId), entries.map((e) => e.statusIndex)],
    );

    // One already revoked in the list: the whole request is refused and nothing changes.
    await as('post', `/certifications/${ids[999]}/revoke`).send({ reason: 'earlier' }).expect(200);
    const refused = await as('post', '/certifications/revoke')
      .send({ certificationIds: ids, reason: 'cohort assessment annulled' })
      .expect(409);
    expect(refused.body.message).toMatch(/^revokedOn: /);
    const [{ active }] = await t.db.query(
      `SELECT count(*)::int AS active FROM certifications WHERE id = ANY($1::uuid[]) AND revoked_on IS NULL`,
      [ids],
    );
    expect(active).toBe(999);

    const res = await as('post', '/certifications/revoke')
      .send({ certificationIds: ids.slice(0, 999), reason: 'cohort assessment annulled' })
      .expect(200);
    expect(res.body.revoked).toBe(999);
    const [written] = await t.db.query(
      `SELECT count(DISTINCT ce.xmin::text)::int AS transactions,
              bool_and(ce.xmin::text = l.xmin::text) AS "listInSameTransaction",
              count(*) FILTER (WHERE ce.revocation_reason = 'cohort assessment annulled')::int AS revoked
         FROM certifications ce
         JOIN credentials cr ON cr.certification_id = ce.id
         JOIN credential_status_lists l ON l.id = cr.status_list_id
        WHERE ce.id = ANY($1::uuid[])`,
      [ids.slice(0, 999)],
    );
    expect(written).toEqual({ transactions: 1, listInSameTransaction: true, revoked: 999 });

    const lists = new Map<string, { getStatus(index: number): boolean }>();
    for (const entry of entries) {
      const url = `${PUBLIC_URL}/api/v1/public/status-lists/${entry.statusListId}`;
      if (!lists.has(url)) lists.set(url, await verifier.decodeStatusList(url));
      expect(lists.get(url)!.getStatus(entry.statusIndex)).toBe(true);
    }
    const listUrl = `${PUBLIC_URL}/api/v1/public/status-lists/${entries[0].statusListId}`;
    expect(lists.get(listUrl)!.getStatus(entries[999].statusIndex + 1)).toBe(false);
  });
});
