import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@cascade/platform';
import { StatsQuery } from '../figures/stats.dto';

/** The funnel of the programme, or of one scope (scope and scopeId together). */
export class GenerationsQuery extends StatsQuery {}

export const TRAINER_SORTS = [
  'downstreamParticipants',
  'directParticipants',
  'directCompletionRate',
  'downstreamCompletionRate',
  'directCertificationRate',
  'downstreamCertificationRate',
  'generation',
  'fullName',
] as const;
export type TrainerSort = (typeof TRAINER_SORTS)[number];

export class TrainersQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: TRAINER_SORTS,
    default: 'downstreamParticipants',
    description: 'reach or outcome',
  })
  @IsOptional()
  @IsIn(TRAINER_SORTS)
  sort: TrainerSort = 'downstreamParticipants';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}

export class CohortPlansQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'the cohorts of one round' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
}
