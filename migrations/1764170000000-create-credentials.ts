import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCredentials1764170000000 implements MigrationInterface {
  name = 'CreateCredentials1764170000000';

  async up(q: QueryRunner): Promise<void> {
    // A Bitstring Status List (W3C): one bit per credential, 1 = revoked. 131,072 entries (16 kB)
    // is the spec's minimum, so a list does not tell which credential is whose.
    await q.query(`
      CREATE TABLE credential_status_lists (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status_purpose text NOT NULL DEFAULT 'revocation'
          CONSTRAINT ck_credential_status_lists_purpose CHECK (status_purpose = 'revocation'),
        size int NOT NULL CONSTRAINT ck_credential_status_lists_size CHECK (size > 0 AND size % 8 = 0),
        allocated int NOT NULL DEFAULT 0,
        bits bytea NOT NULL,
        version int NOT NULL DEFAULT 0,
        key_id text NOT NULL,
        signed_document jsonb,
        signed_version int,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_credential_status_lists_allocated CHECK (allocated BETWEEN 0 AND size),
        CONSTRAINT ck_credential_status_lists_bits CHECK (length(bits) * 8 = size)
      )`);
    // One verifiable credential per certification; a re-certification is a new certification and so a new credential.
    await q.query(`
      CREATE TABLE credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certification_id uuid NOT NULL CONSTRAINT uq_credentials_certification UNIQUE
          CONSTRAINT fk_credentials_certification REFERENCES certifications(id),
        programme_id uuid NOT NULL CONSTRAINT fk_credentials_programme REFERENCES programmes(id),
        person_id uuid NOT NULL CONSTRAINT fk_credentials_person REFERENCES people(id),
        status_list_id uuid NOT NULL CONSTRAINT fk_credentials_status_list REFERENCES credential_status_lists(id),
        status_index int NOT NULL,
        key_id text NOT NULL,
        document jsonb NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_credentials_status_entry UNIQUE (status_list_id, status_index)
      )`);
    await q.query(`CREATE INDEX ix_credentials_person ON credentials (person_id)`);
    await q.query(`CREATE INDEX ix_credentials_programme ON credentials (programme_id)`);
    // Bit i of a Bitstring Status List is the i-th bit from the left (most significant bit of
    // byte i / 8); PostgreSQL's set_bit numbers bits from the right within each byte.
    await q.query(`
      CREATE FUNCTION status_list_set_bits(bits bytea, indexes int[]) RETURNS bytea
      LANGUAGE plpgsql IMMUTABLE STRICT AS $$
      DECLARE i int;
      BEGIN
        FOREACH i IN ARRAY indexes LOOP
          bits := set_bit(bits, (i / 8) * 8 + 7 - (i % 8), 1);
        END LOOP;
        RETURN bits;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION status_list_set_bits(bytea, int[])`);
    await q.query(`DROP TABLE credentials, credential_status_lists`);
  }
}
