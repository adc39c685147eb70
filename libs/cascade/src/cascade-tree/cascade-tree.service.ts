import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '@cascade/platform';
import { CascadeAccess } from '../access';
import { ProgrammesService } from '../programmes/programmes.service';
import { EnrolmentStatus } from '../enrolments/enrolment.entity';
import { CascadeTree, GenerationCount, TreeCohort, TreeParticipant } from './cascade-tree.dto';
import { GENERATIONS_SQL, programmeGenerations } from './generations.sql';
import { pruneTo } from './tree-pruning';

interface CohortRow {
  id: string;
  name: string;
  roundNumber: number;
  regionId: string;
  leadTrainerId: string;
}

interface EnrolmentRow {
  cohortId: string;
  personId: string;
  fullName: string;
  status: EnrolmentStatus;
}

/**
 * The cascade as a tree: master teachers → the cohorts they lead → participants → the
 * cohorts those lead → … Generations come from GENERATIONS_SQL; the tree is assembled from
 * three flat reads of the programme.
 */
@Injectable()
export class CascadeTreeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CascadeAccess,
    private readonly programmes: ProgrammesService,
  ) {}

  /** A master teacher sees their own branch and the line of trainers above it. */
  async tree(programmeId: string, actor: Actor): Promise<CascadeTree> {
    await this.programmes.get(programmeId);
    const { generations, counts, masters, cohorts, enrolments } = await this.db.transaction(
      'REPEATABLE READ',
      async (tx) => ({
        generations: await programmeGenerations(tx, programmeId),
        counts: (await tx.query(
          `SELECT generation, count(*)::int AS people FROM (${GENERATIONS_SQL}) g GROUP BY generation ORDER BY generation`,
          [programmeId],
        )) as GenerationCount[],
        masters: (await tx.query(
          `SELECT mt.person_id AS "personId", p.full_name AS "fullName"
           FROM master_teachers mt JOIN people p ON p.id = mt.person_id
          WHERE mt.programme_id = $1 ORDER BY p.full_name, mt.person_id`,
          [programmeId],
        )) as Array<{ personId: string; fullName: string }>,
        cohorts: (await tx.query(
          `SELECT c.id, c.name, r.number AS "roundNumber", c.region_id AS "regionId", c.lead_trainer_id AS "leadTrainerId"
           FROM cohorts c JOIN cascade_rounds r ON r.id = c.round_id
          WHERE c.programme_id = $1 ORDER BY r.number, c.name, c.id`,
          [programmeId],
        )) as CohortRow[],
        enrolments: (await tx.query(
          `SELECT e.cohort_id AS "cohortId", e.person_id AS "personId", p.full_name AS "fullName", e.status
           FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id JOIN people p ON p.id = e.person_id
          WHERE c.programme_id = $1 ORDER BY p.full_name, e.person_id`,
          [programmeId],
        )) as EnrolmentRow[],
      }),
    );

    const generationOf = new Map(generations.map((g) => [g.person_id, g.generation]));
    const cohortsLedBy = groupBy(cohorts, (c) => c.leadTrainerId);
    const participantsOf = groupBy(enrolments, (e) => e.cohortId);
    // Each trainer's cohorts appear once, under a parent one generation above them.
    const expanded = new Set<string>();

    const cohortsOf = (trainerId: string, generation: number): TreeCohort[] => {
      expanded.add(trainerId);
      return (cohortsLedBy.get(trainerId) ?? []).map((cohort) => ({
        cohortId: cohort.id,
        name: cohort.name,
        roundNumber: cohort.roundNumber,
        regionId: cohort.regionId,
        participants: (participantsOf.get(cohort.id) ?? []).map((e) => participant(e, generation)),
      }));
    };
    const participant = (e: EnrolmentRow, trainerGeneration: number): TreeParticipant => {
      const generation = generationOf.get(e.personId) ?? null;
      const leads = cohortsLedBy.has(e.personId);
      const expandHere = leads && generation === trainerGeneration + 1 && !expanded.has(e.personId);
      const node: TreeParticipant = {
        personId: e.personId,
        fullName: e.fullName,
        generation,
        status: e.status,
        cohorts: expandHere ? cohortsOf(e.personId, trainerGeneration + 1) : [],
      };
      if (leads && !expandHere) node.cohortsShownElsewhere = true;
      return node;
    };

    const tree = masters.map((m) => ({ ...m, generation: 1, cohorts: cohortsOf(m.personId, 1) }));
    const scope = this.access.leadTrainerScope(actor);
    return { programmeId, generations: counts, masterTeachers: scope ? pruneTo(tree, scope) : tree };
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
