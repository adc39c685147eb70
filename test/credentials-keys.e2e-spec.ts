import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { independentVerifier } from './support/independent-verifier';
import { certifyAndIssue, credentialsOf, qualifiedProgramme } from './credentials-fixture';

const PUBLIC_URL = 'http://localhost:3000';
const KEY_ENV = ['CREDENTIAL_SIGNING_KEYS', 'CREDENTIAL_ACTIVE_KEY_ID', 'CREDENTIAL_DID_WEB_HOST'] as const;

interface Key {
  id: string;
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
}

async function newKey(id: string): Promise<Key> {
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const exported = await (await Ed25519Multikey.generate()).export({ publicKey: true, secretKey: true });
  return {
    id,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

/** An app configured with these keys; issues one credential and answers it with its document. */
async function issueWith(env: Partial<Record<(typeof KEY_ENV)[number], string>>) {
  for (const name of KEY_ENV) delete process.env[name];
  Object.assign(process.env, env);
  const t = await createTestApp({ worker: true });
  const staff = await t.tokenFor('coordinator');
  const { programmeId } = await qualifiedProgramme(t, 1);
  await certifyAndIssue(t, programmeId, 1);
  const [credential] = await credentialsOf(t, staff, `programmeId=${programmeId}`);
  const document = (await t.http.get(credential.url.slice(PUBLIC_URL.length)).expect(200)).body;
  return { t, staff, credential, document };
}

// Each test starts two apps and signs with each: slower than the default minute on a busy machine.
jest.setTimeout(240_000);

describe('credential signing keys: from configuration, with an id, rotated', () => {
  const saved = Object.fromEntries(KEY_ENV.map((name) => [name, process.env[name]]));
  let t: TestApp | undefined;

  beforeAll(() => resetDatabase());
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  afterAll(() => {
    for (const name of KEY_ENV) delete process.env[name];
    Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)));
  });

  it('keeps a credential signed with an earlier did:key verifiable, and revocable, after rotation', async () => {
    const a = await newKey('2025-a');
    const b = await newKey('2026-b');
    const before = await issueWith({ CREDENTIAL_SIGNING_KEYS: JSON.stringify([a]) });
    await before.t.close();
    const after = await issueWith({
      CREDENTIAL_SIGNING_KEYS: JSON.stringify([a, b]),
      CREDENTIAL_ACTIVE_KEY_ID: '2026-b',
    });
    t = after.t;
    expect(before.document.issuer.id).toBe(`did:key:${a.publicKeyMultibase}`);
    expect(after.document.issuer.id).toBe(`did:key:${b.publicKeyMultibase}`);
    expect(
      [before.credential, after.credential].map((c) => (c as unknown as { keyId: string }).keyId),
    ).toEqual(['2025-a', '2026-b']);
    const verifier = await independentVerifier((p) => t!.http.get(p), PUBLIC_URL);
    await expect(verifier.verify(before.document)).resolves.toMatchObject({ verified: true });
    await expect(verifier.verify(after.document)).resolves.toMatchObject({ verified: true });

    await t.http
      .post(`/api/v1/certifications/${before.credential.certificationId}/revoke`)
      .set('Authorization', `Bearer ${after.staff}`)
      .send({ reason: 'rotation test' })
      .expect(200);
    const revoked = await verifier.verify(before.document);
    expect(revoked.statusResult?.results?.[0]).toMatchObject({ verified: true, status: true });
  });

  it('issues as did:web with a public host; a retired key with only its public half still verifies', async () => {
    const a = await newKey('web-a');
    const b = await newKey('web-b');
    const host = 'credentials.example.mn';
    const before = await issueWith({
      CREDENTIAL_SIGNING_KEYS: JSON.stringify([a]),
      CREDENTIAL_DID_WEB_HOST: host,
    });
    await before.t.close();
    const retired = { id: a.id, publicKeyMultibase: a.publicKeyMultibase };
    const after = await issueWith({
      CREDENTIAL_SIGNING_KEYS: JSON.stringify([retired, b]),
      CREDENTIAL_DID_WEB_HOST: host,
    });
    t = after.t;
    expect(before.document.issuer.id).toBe(`did:web:${host}`);
    expect(before.document.proof.verificationMethod).toBe(`did:web:${host}#web-a`);
    expect(after.document.proof.verificationMethod).toBe(`did:web:${host}#web-b`);
    const did = await t.http.get('/.well-known/did.json').expect(200);
    expect(did.body.assertionMethod).toEqual([`did:web:${host}#web-a`, `did:web:${host}#web-b`]);
    expect(JSON.stringify(did.body)).not.toContain('secretKeyMultibase');
    const verifier = await independentVerifier((p) => t!.http.get(p), PUBLIC_URL);
    await expect(verifier.verify(before.document)).resolves.toMatchObject({ verified: true });
    await expect(verifier.verify(after.document)).resolves.toMatchObject({ verified: true });
  });
});
