import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, execute, Page, queryRows } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { ProgrammesService } from '../programmes/programmes.service';
import { AiAdoptionQuery, AiAdoptionView, CreateAiAdoptionDto } from './ai-adoption.dto';

const VIEW = `SELECT a.id, a.person_id AS "personId", p.full_name AS "fullName", a.programme_id AS "programmeId",
                     a.observed_on::text AS "observedOn", a.kind, a.description, a.evidence_url AS "evidenceUrl",
                     a.recorded_by AS "recordedBy", a.verified_by IS NOT NULL AS verified, a.verified_by AS "verifiedBy",
                     a.verified_on::text AS "verifiedOn"
                FROM ai_adoptions a JOIN people p ON p.id = a.person_id`;

/** Evidence of AI in teaching; it counts for the figures only once verified. */
@Injectable()
export class AiAdoptionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly programmes: ProgrammesService,
  ) {}

  /** A master teacher sees the evidence of the people in their cohorts and their mentees. */
  async list(query: AiAdoptionQuery, actor: Actor): Promise<Page<AiAdoptionView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.programmeId) where.push(`a.programme_id = $${params.push(query.programmeId)}`);
    if (query.personId) where.push(`a.person_id = $${params.push(query.personId)}`);
    if (query.verified !== undefined)
      where.push(query.verified ? 'a.verified_by IS NOT NULL' : 'a.verified_by IS NULL');
    const inCare = await this.access.careCondition(
      actor,
      { programme: 'a.programme_id', person: 'a.person_id' },
      params,
    );
    if (inCare) where.push(inCare);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM ai_adoptions a ${clause}`,
      params,
    );
    const items = await queryRows<AiAdoptionView>(
      this.db,
      `${VIEW} ${clause} ORDER BY a.observed_on, a.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return Page.of(items, total, query);
  }

  async record(dto: CreateAiAdoptionDto, actor: Actor): Promise<AiAdoptionView> {
    return this.db.transaction(async (tx) => {
      const programme = await this.programmes.get(dto.programmeId, tx);
      const [{ takesPart }] = await queryRows<{ takesPart: boolean }>(
        tx,
        `SELECT EXISTS (SELECT 1 FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id WHERE c.programme_id = $1 AND e.person_id = $2)
             OR EXISTS (SELECT 1 FROM master_teachers WHERE programme_id = $1 AND person_id = $2) AS "takesPart"`,
        [dto.programmeId, dto.personId],
      );
      if (!takesPart)
        throw DomainError.invalid(
          `personId: person ${dto.personId} takes no part in programme '${programme.name}'`,
        );
      await this.access.assertMayActFor(
        actor,
        dto.programmeId,
        dto.personId,
        'record AI-adoption evidence for them',
        tx,
      );
      const [{ id }] = await queryRows<{ id: string }>(
        tx,
        `INSERT INTO ai_adoptions (person_id, programme_id, observed_on, kind, description, evidence_url, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          dto.personId,
          dto.programmeId,
          dto.observedOn,
          dto.kind,
          dto.description,
          dto.evidenceUrl ?? null,
          actor.userId,
        ],
      );
      return this.view(tx, id);
    });
  }

  /** Only once: a second verification is a 409, whoever asks. */
  async verify(id: string, actor: Actor): Promise<AiAdoptionView> {
    const view = await this.db.transaction(async (tx) => {
      const current = await this.view(tx, id);
      await this.access.assertMayActFor(
        actor,
        current.programmeId,
        current.personId,
        'verify their AI-adoption evidence',
        tx,
      );
      const { affected } = await execute(
        tx,
        `UPDATE ai_adoptions SET verified_by = $2, verified_on = current_date
          WHERE id = $1 AND verified_by IS NULL RETURNING id`,
        [id, actor.userId],
      );
      if (affected === 0) {
        throw DomainError.conflict(`verifiedBy: the evidence was already verified on ${current.verifiedOn}`);
      }
      return this.view(tx, id);
    });
    return view;
  }

  /** All of a person's evidence, for their record. */
  forPerson(personId: string): Promise<AiAdoptionView[]> {
    return queryRows<AiAdoptionView>(this.db, `${VIEW} WHERE a.person_id = $1 ORDER BY a.observed_on, a.id`, [
      personId,
    ]);
  }

  private async view(manager: EntityManager, id: string): Promise<AiAdoptionView> {
    const [row] = await queryRows<AiAdoptionView>(manager, `${VIEW} WHERE a.id = $1`, [id]);
    if (!row) throw DomainError.notFound('AI adoption', id);
    return row;
  }
}
