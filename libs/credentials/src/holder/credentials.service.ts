import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Credential } from '@cascade/cascade';
import { DomainError, Page, queryRows } from '@cascade/platform';
import { credentialUrl, verifyPageUrl } from '../issuing/credential-document';
import { CredentialSigner, JsonLdDocument } from '../signing/credential-signer';
import { certificatePdf } from './certificate-pdf';
import { CredentialQuery, CredentialView } from './credential.dto';

const VIEW = `
  SELECT cr.id, cr.certification_id AS "certificationId", ce.number, cr.programme_id AS "programmeId",
         cr.person_id AS "personId", p.full_name AS "fullName", cr.key_id AS "keyId",
         cr.issued_at AS "issuedAt", ce.revoked_on IS NOT NULL AS revoked
    FROM credentials cr
    JOIN certifications ce ON ce.id = cr.certification_id
    JOIN people p ON p.id = cr.person_id`;

/** The issued credentials: their JSON-LD for anyone, the holder's certificate, and the staff's list. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly signer: CredentialSigner,
  ) {}

  async list(query: CredentialQuery): Promise<Page<CredentialView>> {
    const params: unknown[] = [];
    const where: string[] = ['true'];
    if (query.personId) where.push(`cr.person_id = $${params.push(query.personId)}`);
    if (query.programmeId) where.push(`cr.programme_id = $${params.push(query.programmeId)}`);
    if (query.certificationId) where.push(`cr.certification_id = $${params.push(query.certificationId)}`);
    const clause = where.join(' AND ');
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM credentials cr WHERE ${clause}`,
      params,
    );
    const rows = await queryRows<Omit<CredentialView, 'url' | 'certificateUrl' | 'verifyUrl'>>(
      this.db,
      `${VIEW} WHERE ${clause} ORDER BY cr.issued_at, ce.number, cr.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return Page.of(
      rows.map((row) => this.links(row)),
      total,
      query,
    );
  }

  /** The signed JSON-LD credential, exactly as issued. */
  async document(id: string): Promise<JsonLdDocument> {
    const [row] = await queryRows<{
      document: JsonLdDocument;
    }>(this.db, `SELECT document FROM credentials WHERE id = $1`, [id]);
    if (!row) throw DomainError.notFound('credential', id);
    return row.document;
  }

  /** The latest credential of the certification with this number (a re-certification has a new number). */
  async documentByNumber(number: string): Promise<JsonLdDocument> {
    const [row] = await queryRows<{ document: JsonLdDocument }>(
      this.db,
      `SELECT cr.document FROM credentials cr JOIN certifications ce ON ce.id = cr.certification_id
        WHERE ce.number = $1 ORDER BY cr.issued_at DESC LIMIT 1`,
      [number],
    );
    if (!row) throw DomainError.notFound('credential', number);
    return row.document;
  }

  async certificate(id: string): Promise<Buffer> {
    const [row] = await queryRows<{
      fullName: string;
      number: string;
      issuedOn: string;
      credential: Credential & { titleMn?: string };
      workloadHours: number | null;
      ects: number | null;
    }>(
      this.db,
      `SELECT p.full_name AS "fullName", ce.number, ce.issued_on::text AS "issuedOn", pr.credential,
              (SELECT sum(c.workload_hours)::int FROM courses c WHERE c.id = ANY(pr.core_course_ids)) AS "workloadHours",
              (SELECT CASE WHEN bool_and(c.ects IS NOT NULL) THEN sum(c.ects)::float8 END
                 FROM courses c WHERE c.id = ANY(pr.core_course_ids)) AS ects
         FROM credentials cr
         JOIN certifications ce ON ce.id = cr.certification_id
         JOIN people p ON p.id = cr.person_id
         JOIN programmes pr ON pr.id = cr.programme_id
        WHERE cr.id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('credential', id);
    return certificatePdf({
      fullName: row.fullName,
      title: row.credential.title,
      titleMn: row.credential.titleMn ?? null,
      issuer: row.credential.issuer,
      country: row.credential.country ?? null,
      number: row.number,
      issuedOn: row.issuedOn,
      workloadHours: row.workloadHours,
      ects: row.ects,
      eqfLevel: row.credential.eqfLevel ?? null,
      verifyUrl: verifyPageUrl(this.signer.publicUrl, row.number),
      credentialUrl: credentialUrl(this.signer.publicUrl, id),
    });
  }

  private links(row: Omit<CredentialView, 'url' | 'certificateUrl' | 'verifyUrl'>): CredentialView {
    const url = credentialUrl(this.signer.publicUrl, row.id);
    return {
      ...row,
      url,
      certificateUrl: `${url}/certificate.pdf`,
      verifyUrl: verifyPageUrl(this.signer.publicUrl, row.number),
    };
  }
}
