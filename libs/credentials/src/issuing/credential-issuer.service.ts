import { randomUUID } from 'crypto';
import { setImmediate } from 'timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoreCourseElements, lockProgrammeCertifications, ProgrammesService } from '@cascade/cascade';
import { CredentialSigner, JsonLdDocument } from '../signing/credential-signer';
import { StatusEntry, StatusListsService } from '../status/status-lists.service';
import { buildCredentialDocument } from './credential-document';
import { queryRows } from '@cascade/platform';

/**
 * Signing is CPU work (tens of milliseconds a credential): a batch is signed between two short
 * transactions, never inside one, and kept small so a worker shutting down waits seconds, not minutes.
 */
const BATCH = 50;

export interface IssueResult {
  issued: number;
  /** The EU elements the programme lacks; nothing is issued until they are stated. */
  missing: string[];
}

interface Pending {
  certificationId: string;
  personId: string;
  number: string;
  issuedOn: string;
  fullName: string;
  email: string;
  language: string;
}

/**
 * The certifications of a programme that are not revoked and have no credential yet: the work
 * of the credentials.issue job, kept in PostgreSQL (a job Redis lost is found again by the sweep).
 */
const PENDING = `
  SELECT ce.id AS "certificationId", ce.person_id AS "personId", ce.number, ce.issued_on::text AS "issuedOn",
         p.full_name AS "fullName", p.email, p.preferred_language AS language
    FROM certifications ce
    JOIN people p ON p.id = ce.person_id
   WHERE ce.programme_id = $1 AND ce.revoked_on IS NULL
     AND NOT EXISTS (SELECT 1 FROM credentials cr WHERE cr.certification_id = ce.id)
   ORDER BY ce.number
   LIMIT $2`;

export const PROGRAMMES_WITH_PENDING_CREDENTIALS = `
  SELECT DISTINCT ce.programme_id AS id
    FROM certifications ce
   WHERE ce.revoked_on IS NULL
     AND NOT EXISTS (SELECT 1 FROM credentials cr WHERE cr.certification_id = ce.id)
   ORDER BY 1`;

/** Makes every active certification of a programme a signed Open Badges 3.0 credential. */
@Injectable()
export class CredentialIssuer {
  private readonly logger = new Logger(CredentialIssuer.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programmes: ProgrammesService,
    private readonly signer: CredentialSigner,
    private readonly statusLists: StatusListsService,
  ) {}

  async issuePending(programmeId: string): Promise<IssueResult> {
    const programme = await this.programmes.get(programmeId);
    const missing = await this.programmes.microCredentialGaps(programme);
    if (missing.length > 0) {
      this.logger.warn(`programme ${programmeId} cannot issue credentials: ${missing.join('; ')}`);
      return { issued: 0, missing };
    }
    const courses = await queryRows<CoreCourseElements>(
      this.db,
      `SELECT code, workload_hours AS "workloadHours", ects::float8 AS ects, learning_outcomes AS "learningOutcomes"
         FROM courses WHERE id = ANY($1::uuid[]) ORDER BY code`,
      [programme.coreCourseIds],
    );
    let issued = 0;
    for (;;) {
      const pending = await queryRows<Pending>(this.db, PENDING, [programmeId, BATCH]);
      if (pending.length === 0) return { issued, missing };
      const key = await this.signer.active();
      const entries = await this.statusLists.allocate(pending.length, key.id);
      const signed: (Pending & StatusEntry & { id: string; document: JsonLdDocument })[] = [];
      for (const [i, certification] of pending.entries()) {
        const id = randomUUID();
        const document = buildCredentialDocument(this.signer.publicUrl, {
          ...certification,
          ...entries[i],
          credentialId: id,
          programmeId,
          credential: programme.credential,
          courses,
        });
        signed.push({ id, ...certification, ...entries[i], document: await this.signer.sign(document, key) });
        // Signing settles on promises alone, which never let the event loop poll: without a turn
        // here a batch held every other job of the worker (a rollup's query answers) for its
        // whole length, measured 0.6 s a batch at scale 100 (issue 19).
        await setImmediate();
      }
      issued += await this.db.transaction(async (tx) => {
        // Under the programme's certification lock: a certification revoked meanwhile gets no credential.
        await lockProgrammeCertifications(tx, programmeId);
        const rows = await queryRows<unknown>(
          tx,
          `INSERT INTO credentials (id, certification_id, programme_id, person_id, status_list_id, status_index, key_id, document)
           SELECT x.id, x.certification_id, $1, x.person_id, x.status_list_id, x.status_index, $2, x.document
             FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::int[], $8::jsonb[])
                  AS x(id, certification_id, person_id, status_list_id, status_index, document)
             JOIN certifications ce ON ce.id = x.certification_id AND ce.revoked_on IS NULL
           ON CONFLICT (certification_id) DO NOTHING
           RETURNING id`,
          [
            programmeId,
            key.id,
            signed.map((s) => s.id),
            signed.map((s) => s.certificationId),
            signed.map((s) => s.personId),
            signed.map((s) => s.statusListId),
            signed.map((s) => s.statusIndex),
            signed.map((s) => JSON.stringify(s.document)),
          ],
        );
        return rows.length;
      });
    }
  }
}
