import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DocumentLoader } from '@digitalbazaar/vc';
import { CascadeConfig, publicUrlOf } from '@cascade/platform';
import { createDocumentLoader, dereferenceDidUrl } from './document-loader';
import { IssuerKey, IssuerKeys } from './issuer-keys';
import { vcLibs } from './vc-libs';

export type JsonLdDocument = Record<string, unknown>;

/** Signs with a Data Integrity proof, cryptosuite eddsa-rdfc-2022. */
@Injectable()
export class CredentialSigner {
  readonly publicUrl: string;
  readonly documentLoader: DocumentLoader;

  constructor(
    config: ConfigService<CascadeConfig, true>,
    readonly keys: IssuerKeys,
  ) {
    this.publicUrl = publicUrlOf({ PUBLIC_URL: config.get('PUBLIC_URL'), PORT: config.get('PORT') });
    this.documentLoader = createDocumentLoader(async (url) => {
      const didDocument = url.startsWith('did:web:') ? await this.keys.didDocument() : undefined;
      return didDocument ? dereferenceDidUrl(didDocument, url) : undefined;
    });
  }

  /** The document with `issuer` set to the key's DID (keeping an issuer profile's other fields) and a proof. */
  async sign(document: JsonLdDocument, key: IssuerKey): Promise<JsonLdDocument> {
    if (!key.canSign) throw new Error(`credential signing key '${key.id}' has no secret half configured`);
    const { vc, DataIntegrityProof, eddsaRdfc2022 } = await vcLibs();
    const issuer =
      typeof document.issuer === 'object' && document.issuer !== null
        ? { ...(document.issuer as JsonLdDocument), id: key.issuer }
        : key.issuer;
    const suite = new DataIntegrityProof({ signer: key.key.signer(), cryptosuite: eddsaRdfc2022 });
    return (await vc.issue({
      credential: { ...document, issuer },
      suite,
      documentLoader: this.documentLoader,
    })) as JsonLdDocument;
  }

  active(): Promise<IssuerKey> {
    return this.keys.active();
  }
}
