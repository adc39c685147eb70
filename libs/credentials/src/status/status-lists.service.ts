import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, execute, queryRows } from '@cascade/platform';
import { statusListUrl } from '../issuing/credential-document';
import { CredentialSigner, JsonLdDocument } from '../signing/credential-signer';
import { vcLibs } from '../signing/vc-libs';

/** 131,072 entries: the spec's minimum, so a list does not narrow down whose credential a bit is. */
export const STATUS_LIST_SIZE = 131_072;

export interface StatusEntry {
  statusListId: string;
  statusIndex: number;
}

interface ListRow {
  id: string;
  bits: Buffer;
  version: number;
  keyId: string;
  signedDocument: JsonLdDocument | null;
  signedVersion: number | null;
}

/** The owner of the Bitstring Status Lists: hands out entries, flips bits, serves the signed lists. */
@Injectable()
export class StatusListsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: CredentialSigner,
  ) {}

  /** `count` fresh entries in lists of the key, opening a new list when the current one is full. */
  async allocate(count: number, keyId: string): Promise<StatusEntry[]> {
    return this.db.transaction(async (tx) => {
      const entries: StatusEntry[] = [];
      while (entries.length < count) {
        const [open] = await queryRows<{ id: string; allocated: number; size: number }>(
          tx,
          `SELECT id, allocated, size FROM credential_status_lists
            WHERE key_id = $1 AND allocated < size ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
          [keyId],
        );
        const list = open ?? (await this.open(tx, keyId));
        const take = Math.min(count - entries.length, list.size - list.allocated);
        await execute(tx, `UPDATE credential_status_lists SET allocated = allocated + $2 WHERE id = $1`, [
          list.id,
          take,
        ]);
        for (let i = 0; i < take; i++)
          entries.push({ statusListId: list.id, statusIndex: list.allocated + i });
      }
      return entries;
    });
  }

  /** Sets the revocation bit of these certifications' credentials, in the caller's transaction. */
  async revokeIn(tx: EntityManager, certificationIds: string[]): Promise<void> {
    await execute(
      tx,
      `WITH flips AS (
         SELECT status_list_id, array_agg(status_index ORDER BY status_index) AS indexes
           FROM credentials WHERE certification_id = ANY($1::uuid[])
          GROUP BY status_list_id)
       UPDATE credential_status_lists l
          SET bits = status_list_set_bits(l.bits, f.indexes), version = l.version + 1, updated_at = now()
         FROM flips f
        WHERE l.id = f.status_list_id`,
      [certificationIds],
    );
  }

  /**
   * The BitstringStatusListCredential of the list's current bits, signed. A list is signed again
   * only after its bits changed; under did:key by the key it was opened with (the issuer of its
   * credentials), under did:web by the active key.
   */
  async signed(id: string): Promise<JsonLdDocument> {
    const [row] = await queryRows<ListRow>(
      this.db,
      `SELECT id, bits, version, key_id AS "keyId", signed_document AS "signedDocument", signed_version AS "signedVersion"
         FROM credential_status_lists WHERE id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('status list', id);
    if (row.signedDocument && row.signedVersion === row.version) return row.signedDocument;
    const key = this.signer.keys.didWebHost
      ? await this.signer.active()
      : await this.signer.keys.byId(row.keyId);
    const { statusList } = await vcLibs();
    const list = new statusList.BitstringStatusList({ buffer: new Uint8Array(row.bits) });
    const url = statusListUrl(this.signer.publicUrl, id);
    const unsigned = await statusList.createCredential({ id: url, list, statusPurpose: 'revocation' });
    const document = await this.signer.sign(
      { ...unsigned, validFrom: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
      key,
    );
    await execute(
      this.db,
      `UPDATE credential_status_lists SET signed_document = $2, signed_version = $3
        WHERE id = $1 AND version = $3`,
      [id, document, row.version],
    );
    return document;
  }

  private async open(
    tx: EntityManager,
    keyId: string,
  ): Promise<{ id: string; allocated: number; size: number }> {
    const [list] = await queryRows<{ id: string; allocated: number; size: number }>(
      tx,
      `INSERT INTO credential_status_lists (size, bits, key_id)
       VALUES ($1, decode(repeat('00', $1 / 8), 'hex'), $2)
       RETURNING id, allocated, size`,
      [STATUS_LIST_SIZE, keyId],
    );
    return list;
  }
}
