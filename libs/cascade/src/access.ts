import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError } from '@cascade/platform';

/** Matches no person: the lead-trainer filter of a master teacher's user that is linked to nobody. */
const NO_PERSON = '00000000-0000-0000-0000-000000000000';

export function isStaff(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'coordinator';
}

/** True when the actor is the master teacher who leads the cohort. */
export function leadsCohort(actor: Actor, cohort: { leadTrainerId: string }): boolean {
  return (
    actor.role === 'master_teacher' && actor.personId !== null && actor.personId === cohort.leadTrainerId
  );
}

/**
 * Who may touch what in the cascade, in one place. Staff (admin, coordinator) write
 * everything; a viewer reads; a master teacher sees and works only in the cohorts they lead,
 * and acts for the people in those cohorts and for their mentees.
 */
@Injectable()
export class CascadeAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The lead trainer every cohort list is narrowed to for this actor (undefined: no narrowing). */
  leadTrainerScope(actor: Actor): string | undefined {
    return actor.role === 'master_teacher' ? (actor.personId ?? NO_PERSON) : undefined;
  }

  /** The person whose cohorts and mentees narrow a people-centred list (undefined: no narrowing). */
  careScope(actor: Actor): string | undefined {
    return this.leadTrainerScope(actor);
  }

  assertStaff(actor: Actor, what: string): void {
    if (!isStaff(actor)) throw DomainError.forbidden(`role: only an admin or a coordinator may ${what}`);
  }

  /** A cohort, its enrolments and its completions: readable by all but a master teacher who does not lead it. */
  assertCanRead(actor: Actor, cohort: { name: string; leadTrainerId: string }): void {
    if (actor.role === 'master_teacher' && !leadsCohort(actor, cohort)) {
      throw DomainError.forbidden(`leadTrainerId: cohort '${cohort.name}' is led by another trainer`);
    }
  }

  /** Enrol participants, record and correct completions: staff, or the master teacher who leads the cohort. */
  assertCanManage(actor: Actor, cohort: { name: string; leadTrainerId: string }): void {
    if (isStaff(actor) || leadsCohort(actor, cohort)) return;
    if (actor.role === 'master_teacher') {
      throw DomainError.forbidden(`leadTrainerId: cohort '${cohort.name}' is led by another trainer`);
    }
    throw DomainError.forbidden(`role: a ${actor.role} may not change cohort '${cohort.name}'`);
  }

  /** True when the actor is the master teacher who leads the cohort with this id. */
  async leadsCohortId(
    actor: Actor,
    cohortId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    if (actor.role !== 'master_teacher' || actor.personId === null) return false;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM cohorts WHERE id = $1 AND lead_trainer_id = $2`,
      [cohortId, actor.personId],
    );
    return rows.length > 0;
  }

  /**
   * True when the person is in the actor's care in the programme: enrolled in a cohort the
   * actor leads, or mentored by the actor (mentoring_assignments.mentor_id).
   */
  async caresFor(
    actor: Actor,
    programmeId: string,
    personId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    if (actor.personId === null) return false;
    const [row] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id
                       WHERE c.programme_id = $1 AND c.lead_trainer_id = $3 AND e.person_id = $2)
           OR EXISTS (SELECT 1 FROM mentoring_assignments m
                       WHERE m.programme_id = $1 AND m.mentor_id = $3 AND m.mentee_id = $2) AS cares`,
      [programmeId, personId, actor.personId],
    );
    return row.cares === true;
  }

  /** Record or verify AI-adoption evidence: staff, or the person's lead trainer or mentor. */
  async assertMayActFor(
    actor: Actor,
    programmeId: string,
    personId: string,
    what: string,
    manager?: EntityManager,
  ): Promise<void> {
    if (isStaff(actor)) return;
    if (actor.role === 'master_teacher' && (await this.caresFor(actor, programmeId, personId, manager)))
      return;
    throw DomainError.forbidden(
      `personId: only a coordinator, or the person's lead trainer or mentor, may ${what}`,
    );
  }

  /** A person's record: staff and viewers; a master teacher for themselves and the people in their care. */
  async assertMayReadPerson(actor: Actor, personId: string): Promise<void> {
    if (actor.role !== 'master_teacher' || actor.personId === personId) return;
    const [row] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM cohorts c JOIN enrolments e ON e.cohort_id = c.id
                       WHERE c.lead_trainer_id = $2 AND e.person_id = $1)
           OR EXISTS (SELECT 1 FROM mentoring_assignments m WHERE m.mentor_id = $2 AND m.mentee_id = $1) AS cares`,
      [personId, actor.personId ?? NO_PERSON],
    );
    if (row.cares !== true)
      throw DomainError.forbidden(`personId: person ${personId} is not in your cohorts or mentees`);
  }
}
