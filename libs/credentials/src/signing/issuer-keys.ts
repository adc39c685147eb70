import { readFileSync } from 'fs';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Ed25519Key } from '@digitalbazaar/ed25519-multikey';
import { CascadeConfig } from '@cascade/platform';
import { vcLibs } from './vc-libs';

interface ConfiguredKey {
  id: string;
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
}

/** A signing key with the DID and verification method it signs as. */
export interface IssuerKey {
  id: string;
  issuer: string;
  verificationMethod: string;
  key: Ed25519Key;
  canSign: boolean;
}

/**
 * The issuer's Ed25519 keys, from configuration (CREDENTIAL_SIGNING_KEYS or its _FILE), never
 * from the database. Each key has an id; the active one signs new credentials and status lists,
 * the others stay so what they signed still verifies. The issuer is did:key (one DID per key)
 * or, with CREDENTIAL_DID_WEB_HOST, did:web:<host> whose DID document lists every key.
 */
@Injectable()
export class IssuerKeys {
  private readonly configured: ConfiguredKey[];
  private readonly activeId: string;
  readonly didWebHost?: string;
  private loaded?: Promise<Map<string, IssuerKey>>;

  constructor(config: ConfigService<CascadeConfig, true>) {
    const file = config.get('CREDENTIAL_SIGNING_KEYS_FILE', { infer: true });
    const json = file ? readFileSync(file, 'utf8') : config.get('CREDENTIAL_SIGNING_KEYS', { infer: true });
    this.configured = parseKeys(json);
    this.activeId = activeKeyId(this.configured, config.get('CREDENTIAL_ACTIVE_KEY_ID', { infer: true }));
    this.didWebHost = config.get('CREDENTIAL_DID_WEB_HOST', { infer: true }) || undefined;
  }

  /** The key that signs from now on. */
  active(): Promise<IssuerKey> {
    return this.byId(this.activeId);
  }

  async byId(id: string): Promise<IssuerKey> {
    const key = (await this.keys()).get(id);
    if (!key) throw new Error(`CREDENTIAL_SIGNING_KEYS: no key with id '${id}' is configured`);
    return key;
  }

  /** Whether this DID is the issuer of one of the configured keys. */
  async issues(did: string): Promise<boolean> {
    return [...(await this.keys()).values()].some((k) => k.issuer === did);
  }

  /** The did:web DID document: every configured key, so credentials signed by a retired key still verify. */
  async didDocument(): Promise<Record<string, unknown> | undefined> {
    if (!this.didWebHost) return undefined;
    const did = `did:web:${this.didWebHost}`;
    const keys = [...(await this.keys()).values()];
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: keys.map(({ verificationMethod, key }) => ({
        id: verificationMethod,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: key.publicKeyMultibase,
      })),
      assertionMethod: keys.map((k) => k.verificationMethod),
    };
  }

  private keys(): Promise<Map<string, IssuerKey>> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<Map<string, IssuerKey>> {
    const { Ed25519Multikey } = await vcLibs();
    const keys = new Map<string, IssuerKey>();
    for (const configured of this.configured) {
      const issuer = this.didWebHost
        ? `did:web:${this.didWebHost}`
        : `did:key:${configured.publicKeyMultibase}`;
      const verificationMethod = this.didWebHost
        ? `${issuer}#${configured.id}`
        : `${issuer}#${configured.publicKeyMultibase}`;
      const key = await Ed25519Multikey.from({
        type: 'Multikey',
        id: verificationMethod,
        controller: issuer,
        publicKeyMultibase: configured.publicKeyMultibase,
        secretKeyMultibase: configured.secretKeyMultibase,
      });
      keys.set(configured.id, {
        id: configured.id,
        issuer,
        verificationMethod,
        key,
        canSign: !!configured.secretKeyMultibase,
      });
    }
    return keys;
  }
}

function parseKeys(json: string): ConfiguredKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('CREDENTIAL_SIGNING_KEYS: not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0)
    throw new Error('CREDENTIAL_SIGNING_KEYS: a non-empty JSON array of keys is required');
  const ids = new Set<string>();
  return parsed.map((entry: Partial<ConfiguredKey>, i) => {
    if (typeof entry?.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(entry.id))
      throw new Error(`CREDENTIAL_SIGNING_KEYS[${i}].id: 1–64 letters, digits, '.', '_' or '-'`);
    if (ids.has(entry.id)) throw new Error(`CREDENTIAL_SIGNING_KEYS[${i}].id: '${entry.id}' is used twice`);
    ids.add(entry.id);
    if (typeof entry.publicKeyMultibase !== 'string' || !entry.publicKeyMultibase.startsWith('z6Mk'))
      throw new Error(
        `CREDENTIAL_SIGNING_KEYS[${i}].publicKeyMultibase: an Ed25519 Multikey (z6Mk…) is required`,
      );
    return {
      id: entry.id,
      publicKeyMultibase: entry.publicKeyMultibase,
      secretKeyMultibase: entry.secretKeyMultibase,
    };
  });
}

function activeKeyId(keys: ConfiguredKey[], wanted: string | undefined): string {
  const signing = keys.filter((k) => k.secretKeyMultibase);
  if (wanted) {
    if (!signing.some((k) => k.id === wanted))
      throw new Error(`CREDENTIAL_ACTIVE_KEY_ID: no key '${wanted}' with a secret half is configured`);
    return wanted;
  }
  const last = signing.at(-1);
  if (!last) throw new Error('CREDENTIAL_SIGNING_KEYS: no key has a secret half to sign with');
  return last.id;
}
