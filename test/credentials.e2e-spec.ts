import pdf from 'pdf-parse';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeCourse, MICRO_CREDENTIAL } from './support/factories';
import { independentVerifier } from './support/independent-verifier';
import { certifyAndIssue, credentialsOf, IssuedCredential, qualifiedProgramme } from './credentials-fixture';

const PUBLIC_URL = 'http://localhost:3000';
const path = (url: string) => url.slice(PUBLIC_URL.length);

describe('verifiable credentials: issue and verify', () => {
  let t: TestApp;
  let staff: string;
  let verifier: Awaited<ReturnType<typeof independentVerifier>>;
  let issued: IssuedCredential[];

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    staff = await t.tokenFor('coordinator');
    verifier = await independentVerifier((p) => t.http.get(p), PUBLIC_URL);
    const { programmeId } = await qualifiedProgramme(t, 3);
    await certifyAndIssue(t, programmeId, 3);
    issued = await credentialsOf(t, staff, `programmeId=${programmeId}`);
  });
  afterAll(() => t.close());

  const documentOf = async (credential: IssuedCredential) =>
    (await t.http.get(path(credential.url)).expect(200)).body as Record<string, any>;

  it('issues every certified person an OpenBadgeCredential that the independent verifier accepts', async () => {
    expect(issued).toHaveLength(3);
    for (const credential of issued) {
      const result = await verifier.verify(await documentOf(credential));
      expect(result.error).toBeUndefined();
      expect(result.verified).toBe(true);
      expect(result.statusResult?.results?.[0].status).toBe(false);
    }
  });

  it('refuses a credential with one changed character', async () => {
    const document = await documentOf(issued[0]);
    const subject = document.credentialSubject;
    subject.identifier[0].identityHash = `${subject.identifier[0].identityHash.slice(0, -1)}X`;
    const result = await verifier.verify(document);
    expect(result.verified).toBe(false);
    const served = await t.http
      .post('/api/v1/public/verifications')
      .send({ credential: document })
      .expect(200);
    expect(served.body).toMatchObject({ verified: false, checks: { signature: 'invalid' } });
  });

  it('states every mandatory element of the EU recommendation', async () => {
    const document = await documentOf(issued[0]);
    const [person] = await t.db.query(`SELECT full_name FROM people WHERE id = $1`, [issued[0].personId]);
    expect(document.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(document.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
    expect(document.issuer.id).toMatch(/^did:key:z6Mk/);
    const achievement = document.credentialSubject.achievement;
    const elements = {
      learnerIdentification: document.credentialSubject.identifier[0].identityHash,
      title: achievement.name,
      countryOfIssuer: document.issuer.address.addressCountryCode,
      awardingBody: document.issuer.name,
      dateOfIssuing: document.validFrom,
      learningOutcomes: achievement.criteria.narrative,
      notionalWorkload: achievement.workloadHours,
      level: achievement.alignment[0].targetCode,
      typeOfAssessment: achievement.assessmentType,
      formOfParticipation: achievement.participationForm,
      typeOfQualityAssurance: achievement.qualityAssurance,
    };
    expect(elements).toEqual({
      learnerIdentification: person.full_name,
      title: MICRO_CREDENTIAL.title,
      countryOfIssuer: 'MN',
      awardingBody: MICRO_CREDENTIAL.issuer,
      dateOfIssuing: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      learningOutcomes: expect.stringContaining('Uses AI tools in lesson planning'),
      notionalWorkload: 90,
      level: '6',
      typeOfAssessment: MICRO_CREDENTIAL.assessmentType,
      formOfParticipation: 'hybrid',
      typeOfQualityAssurance: MICRO_CREDENTIAL.qualityAssurance,
    });
    expect(achievement.achievementType).toBe('MicroCredential');
    expect(achievement.humanCode).toBe(issued[0].number);
    expect(document.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
    });
  });

  it.each([
    ['country', 'credential.country'],
    ['assessmentType', 'credential.assessmentType'],
    ['participationForm', 'credential.participationForm'],
    ['qualityAssurance', 'credential.qualityAssurance'],
  ])('refuses to activate a programme without %s with 400 naming it', async (field, named) => {
    const courseId = await makeCourse(t.db);
    const credential: Record<string, unknown> = { ...MICRO_CREDENTIAL };
    delete credential[field];
    const base = {
      name: `P ${field}`,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      coreCourseIds: [courseId],
      passMark: 60,
      credential,
    };
    const refused = await t.http
      .post('/api/v1/programmes')
      .set('Authorization', `Bearer ${staff}`)
      .send({ ...base, status: 'active' })
      .expect(400);
    expect(refused.body.message).toContain(`${named}: `);
    const draft = await t.http
      .post('/api/v1/programmes')
      .set('Authorization', `Bearer ${staff}`)
      .send(base)
      .expect(201);
    const activation = await t.http
      .patch(`/api/v1/programmes/${draft.body.id}`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ status: 'active' })
      .expect(400);
    expect(activation.body.message).toContain(`${named}: `);
  });

  it('refuses to activate a programme whose core course states no learning outcomes', async () => {
    const courseId = await makeCourse(t.db, { learning_outcomes: [] });
    const refused = await t.http
      .post('/api/v1/programmes')
      .set('Authorization', `Bearer ${staff}`)
      .send({
        name: 'P',
        startsOn: '2025-01-01',
        endsOn: '2025-12-31',
        coreCourseIds: [courseId],
        passMark: 60,
        credential: MICRO_CREDENTIAL,
        status: 'active',
      })
      .expect(400);
    expect(refused.body.message).toMatch(/coreCourseIds: course \S+ states no learning outcomes/);
  });

  it('verifies a certification number for the verify page, revealing only what the credential states', async () => {
    const res = await t.http.get(`/api/v1/public/verifications/${issued[1].number}`).expect(200);
    expect(res.body).toMatchObject({
      verified: true,
      checks: { signature: 'valid', issuer: 'recognised', status: 'active', expiry: 'none' },
      credential: {
        number: issued[1].number,
        title: MICRO_CREDENTIAL.title,
        issuerName: MICRO_CREDENTIAL.issuer,
      },
    });
    const [person] = await t.db.query(`SELECT email FROM people WHERE id = $1`, [issued[1].personId]);
    expect(JSON.stringify(res.body)).not.toContain(person.email);
    await t.http.get('/api/v1/public/verifications/MC-1999-999999').expect(404);
  });

  it('serves the holder a bilingual certificate PDF with the verify link, without a login', async () => {
    const res = await t.http
      .get(path(issued[0].certificateUrl))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdf(res.body as Buffer)).text;
    expect(text).toContain('ГЭРЧИЛГЭЭ · CERTIFICATE');
    expect(text).toContain(issued[0].number);
    expect(text).toContain(`${PUBLIC_URL}/verify/${issued[0].number}`);
  });

  it('lists credentials to staff only, and answers 404 for an unknown credential', async () => {
    const viewer = await t.tokenFor('viewer');
    await t.http.get('/api/v1/credentials').set('Authorization', `Bearer ${viewer}`).expect(403);
    await t.http.get('/api/v1/credentials').expect(401);
    await t.http.get('/api/v1/public/credentials/7d1e7c1a-1111-4111-8111-111111111111').expect(404);
  });
});
