import { Injectable } from '@nestjs/common';
import type { DocumentLoader } from '@digitalbazaar/vc';
import { JsonLdDocument, CredentialSigner } from '../signing/credential-signer';
import { createDocumentLoader, dereferenceDidUrl } from '../signing/document-loader';
import { vcLibs } from '../signing/vc-libs';
import { StatusListsService } from '../status/status-lists.service';
import { VerificationResult } from './verification.dto';

const STATUS_LIST = /^https?:\/\/[^/]+\/api\/v1\/public\/status-lists\/([0-9a-f-]{36})$/i;

/**
 * Checks a credential as any verifier would (vc.verifyCredential with its own Data Integrity
 * suite, the Bitstring Status List check), resolving only what this installation publishes:
 * its status lists and its did:web document. Answers only what the credential itself states.
 */
@Injectable()
export class CredentialVerifier {
  private readonly documentLoader: DocumentLoader;

  constructor(
    private readonly signer: CredentialSigner,
    private readonly statusLists: StatusListsService,
  ) {
    this.documentLoader = createDocumentLoader(async (url) => {
      // By path, not host: a credential issued before PUBLIC_URL moved still finds its list here.
      const statusList = STATUS_LIST.exec(url);
      if (statusList) return this.statusLists.signed(statusList[1]);
      const didDocument = url.startsWith('did:web:') ? await signer.keys.didDocument() : undefined;
      return didDocument ? dereferenceDidUrl(didDocument, url) : undefined;
    });
  }

  async verify(credential: JsonLdDocument): Promise<VerificationResult> {
    const { vc, DataIntegrityProof, eddsaRdfc2022, statusList } = await vcLibs();
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const errors: string[] = [];
    let signature: VerificationResult['checks']['signature'] = 'invalid';
    let status: VerificationResult['checks']['status'] = 'unknown';
    try {
      const result = await vc.verifyCredential({
        credential,
        suite,
        documentLoader: this.documentLoader,
        checkStatus: (options) => statusList.checkStatus({ ...options, suite }),
      });
      const proofValid = result.results?.every((r) => r.verified) ?? false;
      signature = proofValid ? 'valid' : 'invalid';
      if (result.statusResult?.verified)
        status = result.statusResult.results?.some((r) => r.status) ? 'revoked' : 'active';
      for (const e of result.error?.errors ?? (result.error ? [result.error] : []))
        errors.push(e.message ?? String(e));
      if (result.statusResult && !result.statusResult.verified)
        errors.push('credentialStatus: the status list could not be checked');
    } catch (error) {
      errors.push((error as Error).message);
    }
    const facts = statedFacts(credential);
    const expiry = expiryOf(facts.validUntil);
    const issuerId = facts.issuerId;
    const recognised = issuerId ? await this.isOwnIssuer(issuerId) : false;
    return {
      verified: signature === 'valid' && status === 'active' && expiry !== 'expired' && recognised,
      checks: { signature, status, expiry, issuer: recognised ? 'recognised' : 'unknown' },
      credential: facts,
      errors,
    };
  }

  /** Does one of this installation's keys (current or retired) issue as this DID? */
  private async isOwnIssuer(did: string): Promise<boolean> {
    return this.signer.keys.issues(did);
  }
}

/** What the credential itself says, and nothing else. */
function statedFacts(credential: JsonLdDocument): VerificationResult['credential'] {
  const issuer = credential.issuer as { id?: string; name?: string } | string | undefined;
  const subject = (credential.credentialSubject ?? {}) as {
    identifier?: { identityType?: string; hashed?: boolean; identityHash?: string }[];
    achievement?: { name?: string; humanCode?: string };
  };
  const name = subject.identifier?.find((i) => i.identityType === 'name' && !i.hashed)?.identityHash ?? null;
  return {
    id: typeof credential.id === 'string' ? credential.id : null,
    title: subject.achievement?.name ?? (typeof credential.name === 'string' ? credential.name : null),
    number: subject.achievement?.humanCode ?? null,
    holder: name,
    issuerId: typeof issuer === 'string' ? issuer : (issuer?.id ?? null),
    issuerName: typeof issuer === 'object' ? (issuer?.name ?? null) : null,
    validFrom: typeof credential.validFrom === 'string' ? credential.validFrom : null,
    validUntil: typeof credential.validUntil === 'string' ? credential.validUntil : null,
  };
}

function expiryOf(validUntil: string | null): VerificationResult['checks']['expiry'] {
  if (!validUntil) return 'none';
  return new Date(validUntil).getTime() < Date.now() ? 'expired' : 'valid';
}
