import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every analytics answer carries about the snapshot it comes from. */
export class SnapshotStamp {
  @ApiProperty({ example: '2025-06-30T08:00:00.000Z', description: 'when the snapshot was taken' })
  computedAt: string;

  @ApiProperty({ description: 'true while records changed after the snapshot and a rollup is due' })
  stale: boolean;
}

/** One cascade generation's funnel inside a scope. */
export class GenerationFunnelView {
  @ApiProperty({
    example: '2',
    description: '"1" the master teachers, then 2, 3…; "unknown" when not derivable',
  })
  generation: string;

  @ApiProperty({ example: 1240 }) participants: number;
  @ApiProperty({ example: 1010 }) completers: number;
  @ApiProperty({ example: 350 }) certified: number;
  @ApiProperty({ example: 300 }) aiAdopters: number;
  @ApiProperty({ example: 0.8145, description: 'completers / participants, 4 decimals' })
  completionRate: number;
  @ApiProperty({ example: 0.3465, description: 'certified / completers, 4 decimals' })
  certificationRate: number;
  @ApiProperty({ example: 0.297, description: 'aiAdopters / completers, 4 decimals' }) aiAdoptionRate: number;
}

export class GenerationsView extends SnapshotStamp {
  @ApiProperty({ enum: ['programme', 'region', 'institution', 'round', 'cohort'] })
  scope: string;

  @ApiProperty({ format: 'uuid' })
  scopeId: string;

  @ApiProperty({ type: [GenerationFunnelView], description: 'generations in order, "unknown" last' })
  items: GenerationFunnelView[];
}

/** The outcome of a group of trainees. */
export class TraineeOutcomeView {
  @ApiProperty({ example: 75 }) participants: number;
  @ApiProperty({ example: 60 }) completers: number;
  @ApiProperty({ example: 20 }) certified: number;
  @ApiProperty({ example: 0.8, description: 'completers / participants, 4 decimals' }) completionRate: number;
  @ApiProperty({ example: 0.3333, description: 'certified / completers, 4 decimals' })
  certificationRate: number;
}

export const TRAINER_FLAGS = ['completionRate', 'certificationRate'] as const;
export type TrainerFlag = (typeof TRAINER_FLAGS)[number];

export class TrainerFiguresView {
  @ApiProperty({ format: 'uuid' }) trainerId: string;
  @ApiProperty({ example: 'Бат-Эрдэнэ Дорж' }) fullName: string;
  @ApiProperty({ description: 'a master teacher of the programme' }) masterTeacher: boolean;

  @ApiProperty({ example: 1, nullable: true, type: Number, description: 'null when not derivable' })
  generation: number | null;

  @ApiProperty({ example: 2, description: 'cohorts of the programme they lead' }) cohorts: number;

  @ApiProperty({ type: TraineeOutcomeView, description: 'people enrolled in a cohort they lead' })
  direct: TraineeOutcomeView;

  @ApiProperty({ type: TraineeOutcomeView, description: 'their whole sub-tree, every generation below them' })
  downstream: TraineeOutcomeView;

  @ApiProperty({
    enum: TRAINER_FLAGS,
    isArray: true,
    description:
      "the rates of their direct trainees that are markedly below the programme's (docs/FIGURES.md)",
  })
  flags: TrainerFlag[];
}

export class TrainersView extends SnapshotStamp {
  @ApiProperty({ type: TraineeOutcomeView, description: "the programme's own outcome, for comparison" })
  programme: TraineeOutcomeView;

  @ApiProperty({ type: [TrainerFiguresView] }) items: TrainerFiguresView[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'trainers in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

export class RoundPlanView {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ example: 'Round 1' }) name: string;
  @ApiProperty({ example: 1250 }) targetParticipants: number;
  @ApiProperty({ example: 1240, description: 'persons with an enrolment in the round, any status' })
  participants: number;
  @ApiProperty({ example: 1200, description: 'persons holding a place (an enrolment not withdrawn)' })
  enrolled: number;
  @ApiProperty({ example: 1010 }) completers: number;
  @ApiProperty({ example: 350 }) certified: number;
  @ApiProperty({
    example: 0.96,
    description: 'enrolled / targetParticipants, 4 decimals (0 without a target)',
  })
  targetAttainment: number;
}

export class RoundPlansView extends SnapshotStamp {
  @ApiProperty({ type: [RoundPlanView] }) items: RoundPlanView[];
}

export class CohortPlanView {
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ example: 'Arkhangai 1-001' }) name: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ example: 30 }) capacity: number;
  @ApiProperty({ example: 25, description: 'places taken: enrolments not withdrawn' }) enrolled: number;
  @ApiProperty({ example: 26, description: 'persons enrolled, withdrawn included' }) participants: number;
  @ApiProperty({ example: 20 }) completers: number;
  @ApiProperty({ example: 7 }) certified: number;
  @ApiProperty({ example: 0.8333, description: 'enrolled / capacity, 4 decimals' }) fillRate: number;
}

export class CohortPlansView extends SnapshotStamp {
  @ApiProperty({ type: [CohortPlanView] }) items: CohortPlanView[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many match in all' }) total: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset: number;
}

export class RegionReachView {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ example: 'MN-073' }) code: string;
  @ApiProperty({ example: 'Arkhangai' }) name: string;
  @ApiPropertyOptional({ example: 'Архангай' }) nameMn?: string;
  @ApiProperty({ example: 4, description: "the region's institutions" }) institutions: number;
  @ApiProperty({ example: 3, description: 'of them, those with a participant of the programme' })
  institutionsReached: number;
  @ApiProperty({ example: 0.75, description: 'institutionsReached / institutions, 4 decimals' })
  reachRate: number;
  @ApiProperty({ example: 120, description: 'participants in cohorts of the region' }) participants: number;
}

export class RegionReachesView extends SnapshotStamp {
  @ApiProperty({ type: [RegionReachView] }) items: RegionReachView[];
}
