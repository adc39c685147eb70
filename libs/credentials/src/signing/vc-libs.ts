import type * as Vc from '@digitalbazaar/vc';
import type * as DataIntegrity from '@digitalbazaar/data-integrity';
import type * as Eddsa from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type * as DidKey from '@digitalbazaar/did-method-key';
import type * as StatusList from '@digitalbazaar/vc-bitstring-status-list';

/** The Digital Bazaar libraries, loaded once. */
export interface VcLibs {
  vc: typeof Vc;
  DataIntegrityProof: typeof DataIntegrity.DataIntegrityProof;
  eddsaRdfc2022: typeof Eddsa.cryptosuite;
  Ed25519Multikey: typeof Ed25519Multikey;
  didKey: typeof DidKey;
  statusList: typeof StatusList;
}

let loading: Promise<VcLibs> | undefined;

/**
 * The Digital Bazaar packages are ESM-only. In this CommonJS build `import()` compiles to
 * `require()`, which Node (20.19 and later) answers with the ES module; under Jest, @swc/jest
 * transforms those packages (see transformIgnorePatterns in jest.config.js).
 */
export function vcLibs(): Promise<VcLibs> {
  loading ??= (async () => {
    const [vc, dataIntegrity, eddsa, multikey, didKey, statusList] = await Promise.all([
      import('@digitalbazaar/vc'),
      import('@digitalbazaar/data-integrity'),
      import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
      import('@digitalbazaar/ed25519-multikey'),
      import('@digitalbazaar/did-method-key'),
      import('@digitalbazaar/vc-bitstring-status-list'),
    ]);
    return {
      vc,
      DataIntegrityProof: dataIntegrity.DataIntegrityProof,
      eddsaRdfc2022: eddsa.cryptosuite,
      Ed25519Multikey: multikey,
      didKey,
      statusList,
    };
  })();
  return loading;
}
