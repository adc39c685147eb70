import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
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
