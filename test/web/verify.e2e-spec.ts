import { certifyAndIssue, credentialsOf, IssuedCredential, qualifiedProgramme } from '../credentials-fixture';
import { resetDatabase } from '../support/database';
import { Browser, openBrowser, screenshot, seriousViolations, startWebApp, WebApp } from './support/browser';

describe('web app: anyone verifies a micro-credential without an account', () => {
  let web: WebApp;
  let browser: Browser;
  let active: IssuedCredential;
  let revoked: IssuedCredential;

  beforeAll(async () => {
    await resetDatabase();
    web = await startWebApp({ worker: true });
    const coordinator = await web.tokenFor('coordinator');
    const { programmeId } = await qualifiedProgramme(web, 2);
    await certifyAndIssue(web, programmeId, 2);
    [active, revoked] = await credentialsOf(web, coordinator, `programmeId=${programmeId}`);
    await web.http
      .post(`/api/v1/certifications/${revoked.certificationId}/revoke`)
      .set('Authorization', `Bearer ${coordinator}`)
      .send({ reason: 'assessment found copied' })
      .expect(200);
  });
  afterAll(async () => {
    await web?.close();
  });
  beforeEach(async () => {
    browser = await openBrowser(web.baseURL);
  });
  afterEach(async () => {
    await browser?.close();
  });

  it('shows a valid credential as verified, with what it states, from the link on the certificate', async () => {
    const { page } = browser;
    await page.goto(`/verify/${active.number}`);
    await page.getByRole('status').getByText('Verified', { exact: true }).waitFor();
    const card = page.getByTestId('verification');
    await card.getByTestId('check-signature').getByText('valid').waitFor();
    await card.getByTestId('check-status').getByText('active').waitFor();
    await card.getByText(active.number).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'verify');
  });

  it('shows a revoked credential as not verified, and a typed number leads to its verdict', async () => {
    const { page } = browser;
    await page.goto('/verify');
    await page.getByLabel('Credential number').fill(revoked.number);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.waitForURL(new RegExp(`/verify/${revoked.number}$`));
    await page.getByRole('status').getByText('Not verified').waitFor();
    await page.getByTestId('check-status').getByText('revoked').waitFor();
  });

  it('verifies a pasted credential and catches one changed character', async () => {
    const { page } = browser;
    const document = (await web.http.get(new URL(active.url).pathname).expect(200)).body as {
      credentialSubject: { identifier: { identityHash: string }[] };
    };
    const hash = document.credentialSubject.identifier[0].identityHash;
    document.credentialSubject.identifier[0].identityHash = `${hash.slice(0, -1)}X`;
    await page.goto('/verify');
    await page.getByLabel('Or paste the credential (JSON)').fill(JSON.stringify(document));
    await page.getByRole('button', { name: 'Verify the pasted credential' }).click();
    await page.getByRole('status').getByText('Not verified').waitFor();
    await page.getByTestId('check-signature').getByText('invalid').waitFor();
  });
});
