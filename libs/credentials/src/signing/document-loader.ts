import type { DocumentLoader } from '@digitalbazaar/vc';
import { bundledContexts, MICROCREDENTIAL_CONTEXT_PATH, microcredentialContext } from './contexts';
import { vcLibs } from './vc-libs';

/** Resolves a URL this loader knows besides the bundled contexts (our did:web, our status lists), or undefined. */
export type ExtraResolver = (url: string) => Promise<unknown>;

/**
 * A JSON-LD document loader that never goes to the network: the bundled contexts, did:key
 * (derived from the key itself) and whatever `extra` resolves. Anything else is refused.
 */
export function createDocumentLoader(extra?: ExtraResolver): DocumentLoader {
  const contexts = bundledContexts();
  let didKeyDriver: Promise<ReturnType<Awaited<ReturnType<typeof vcLibs>>['didKey']['driver']>> | undefined;
  const didKey = () => {
    didKeyDriver ??= vcLibs().then(({ didKey: method, Ed25519Multikey }) => {
      const driver = method.driver();
      driver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });
      return driver;
    });
    return didKeyDriver;
  };
  return async (url: string) => {
    const context = contexts.get(url);
    // 'static' lets jsonld keep the resolved context across operations instead of per call.
    if (context) return { contextUrl: null, documentUrl: url, document: context, tag: 'static' };
    if (url.endsWith(MICROCREDENTIAL_CONTEXT_PATH)) {
      const document = microcredentialContext(url.slice(0, -MICROCREDENTIAL_CONTEXT_PATH.length));
      return { contextUrl: null, documentUrl: url, document, tag: 'static' };
    }
    if (url.startsWith('did:key:')) {
      const document: unknown = await (await didKey()).get({ url });
      return { contextUrl: null, documentUrl: url, document };
    }
    const found = extra ? await extra(url) : undefined;
    if (found !== undefined) return { contextUrl: null, documentUrl: url, document: found };
    throw new Error(`document loader: ${url} is not bundled and is not fetched`);
  };
}

/** The part of a DID document a DID URL (`did:web:host#key`) names, or the document itself. */
export function dereferenceDidUrl(document: Record<string, unknown>, url: string): unknown {
  const [did, fragment] = url.split('#');
  if (did !== document.id) return undefined;
  if (!fragment) return document;
  const methods = (document.verificationMethod as { id: string }[] | undefined) ?? [];
  const method = methods.find((m) => m.id === url);
  return method ? { '@context': document['@context'], ...method } : undefined;
}
