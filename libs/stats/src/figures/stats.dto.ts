import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { SCOPE_KINDS, ScopeKind } from './figures.view';

export class StatsQuery {
  @ApiPropertyOptional({ enum: SCOPE_KINDS, description: 'without scopeId: every scope of that kind' })
  @IsOptional()
  @IsIn(SCOPE_KINDS)
  scope?: ScopeKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the region, institution, round or cohort (needs scope)',
  })
  @IsOptional()
  @IsUUID()
  scopeId?: string;
}

export class RollupJobQuery {
  @ApiPropertyOptional({
    example: 42,
    description:
      'the dirtyVersion answered by POST /refresh; coversVersion tells whether the figures include it',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  dirtyVersion?: number;
}
