import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { independentVerifier } from './support/independent-verifier';
import { certifyAndIssue, credentialsOf, qualifiedProgramme } from './credentials-fixture';

const PUBLIC_URL = 'http://localhost:3000';

describe('verifiable credentials: issue and verify', () => {
  let t: TestApp;
  let staff: string;
  let verifier: Awaited<ReturnType<typeof independentVerifier>>;

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp({ worker: true });
    staff = await t.tokenFor('coordinator');
    verifier = await independentVerifier((path) => t.http.get(path), PUBLIC_URL);
  });
  afterAll(() => t.close());

  it('issues every certified person an OpenBadgeCredential that the independent verifier accepts', async () => {
    const { programmeId } = await qualifiedProgramme(t, 3);
    await certifyAndIssue(t, programmeId, 3);
    const issued = await credentialsOf(t, staff, `programmeId=${programmeId}`);
    expect(issued).toHaveLength(3);
    for (const credential of issued) {
      const document = (await t.http.get(credential.url.slice(PUBLIC_URL.length)).expect(200)).body;
      const result = await verifier.verify(document);
      expect(result.error).toBeUndefined();
      expect(result.verified).toBe(true);
      expect(result.statusResult?.results?.[0].status).toBe(false);
    }
  });
});
