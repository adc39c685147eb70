import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, DomainError, queryRows } from '@cascade/platform';
import { CareFilter, CarePair, MenteeSource } from './care/mentee-source';

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
 * and acts for the people in their care (careOf).
 */
@Injectable()
export class CascadeAccess {
  private menteeSource?: MenteeSource;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly modules: ModuleRef,
  ) {}

  /** The lead trainer every cohort list is narrowed to for this actor (undefined: no narrowing). */
  leadTrainerScope(actor: Actor): string | undefined {
    return actor.role === 'master_teacher' ? (actor.personId ?? NO_PERSON) : undefined;
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

  /**
   * Enrol into a cohort: staff at any time and with any date (correcting history; audited);
   * the master teacher who leads it only while it has not ended, and as of today — never into
   * a cohort long over, to gain someone's record and backdated completions.
   */
  async assertMayEnrol(
    actor: Actor,
    cohort: { name: string; leadTrainerId: string; endsOn: string },
    enrolledOn: string | undefined,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    this.assertCanManage(actor, cohort);
    if (isStaff(actor)) return;
    const [{ today }] = await queryRows<{ today: string }>(manager, `SELECT current_date::text AS today`);
    if (cohort.endsOn < today) {
      throw DomainError.forbidden(
        `endsOn: cohort '${cohort.name}' ended on ${cohort.endsOn}; only a coordinator may enrol into it`,
      );
    }
    if (enrolledOn !== undefined && enrolledOn !== today) {
      throw DomainError.forbidden('enrolledOn: only a coordinator may date an enrolment other than today');
    }
  }

  /** assertMayEnrol for a cohort known by its id (roster imports). */
  async assertMayEnrolInto(actor: Actor, cohortId: string): Promise<void> {
    const [cohort] = await queryRows<{ name: string; leadTrainerId: string; endsOn: string }>(
      this.db,
      `SELECT name, lead_trainer_id AS "leadTrainerId", ends_on::text AS "endsOn" FROM cohorts WHERE id = $1`,
      [cohortId],
    );
    if (!cohort) throw DomainError.notFound('cohort', cohortId);
    await this.assertMayEnrol(actor, cohort, undefined);
  }

  /** True when the actor is the master teacher who leads the cohort with this id. */
  async leadsCohortId(
    actor: Actor,
    cohortId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    if (actor.role !== 'master_teacher' || actor.personId === null) return false;
    const rows = await queryRows<unknown>(
      manager,
      `SELECT 1 FROM cohorts WHERE id = $1 AND lead_trainer_id = $2`,
      [cohortId, actor.personId],
    );
    return rows.length > 0;
  }

  /**
   * THE rule of "in a master teacher's care": the people (per programme) enrolled, and not
   * withdrawn, in a cohort the actor leads, and the mentees of the actor's active mentoring
   * assignments (provided by mentoring). Every check and every list scope below derives from it.
   */
  async careOf(actor: Actor, filter: CareFilter = {}, manager?: EntityManager): Promise<CarePair[]> {
    if (actor.role !== 'master_teacher' || actor.personId === null) return [];
    const params: unknown[] = [actor.personId];
    const narrow = [
      filter.programmeId ? `AND c.programme_id = $${params.push(filter.programmeId)}` : '',
      filter.personId ? `AND e.person_id = $${params.push(filter.personId)}` : '',
    ].join(' ');
    const enrolled = await queryRows<CarePair>(
      manager ?? this.db.manager,
      `SELECT DISTINCT c.programme_id AS "programmeId", e.person_id AS "personId"
         FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id
        WHERE c.lead_trainer_id = $1 AND e.status <> 'withdrawn' ${narrow}`,
      params,
    );
    return [...enrolled, ...(await this.mentees().activeMentees(actor.personId, filter))];
  }

  /**
   * The set-based variant for lists: undefined when the actor's lists are not narrowed, else
   * a SQL condition on the list's (programme, person) columns with its parameters appended.
   */
  async careCondition(
    actor: Actor,
    columns: { programme?: string; person: string },
    params: unknown[],
  ): Promise<string | undefined> {
    if (actor.role !== 'master_teacher') return undefined;
    const pairs = await this.careOf(actor);
    const persons = `$${params.push(pairs.map((p) => p.personId))}::uuid[]`;
    if (!columns.programme) return `${columns.person} = ANY(${persons})`;
    const programmes = `$${params.push(pairs.map((p) => p.programmeId))}::uuid[]`;
    return `(${columns.programme}, ${columns.person}) IN (SELECT * FROM unnest(${programmes}, ${persons}))`;
  }

  /** The people a people list is narrowed to (undefined: no narrowing): the actor and those in their care. */
  async visiblePeople(actor: Actor): Promise<string[] | undefined> {
    if (actor.role !== 'master_teacher') return undefined;
    const cared = (await this.careOf(actor)).map((pair) => pair.personId);
    return [...new Set(actor.personId ? [actor.personId, ...cared] : cared)];
  }

  /** True when the person is in the actor's care in the programme. */
  async caresFor(
    actor: Actor,
    programmeId: string,
    personId: string,
    manager?: EntityManager,
  ): Promise<boolean> {
    return (await this.careOf(actor, { programmeId, personId }, manager)).length > 0;
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
    if (await this.caresFor(actor, programmeId, personId, manager)) return;
    throw DomainError.forbidden(
      `personId: only a coordinator, or the person's lead trainer or mentor, may ${what}`,
    );
  }

  /** A person's record: staff; a master teacher for themselves and the people in their care. */
  async assertMayReadPerson(actor: Actor, personId: string): Promise<void> {
    if (isStaff(actor) || (actor.personId !== null && actor.personId === personId)) return;
    if (actor.role === 'master_teacher' && (await this.careOf(actor, { personId })).length > 0) return;
    throw DomainError.forbidden(`personId: person ${personId} is not in your cohorts or mentees`);
  }

  /** Mentoring registers the source (MentoringModule); it depends on the cascade, not the reverse. */
  private mentees(): MenteeSource {
    this.menteeSource ??= this.modules.get(MenteeSource, { strict: false });
    return this.menteeSource;
  }
}
