import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Page, PageQuery } from '../http/pagination';
import { AuditEvent } from './audit-event.entity';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'cohorts' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  requestId?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'events at or after this instant (a date means its start, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'events before this instant (a date means its start, UTC)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditEventPage extends Page<AuditEvent> {
  @ApiProperty({ type: [AuditEvent] })
  // The initializer only satisfies TypeScript: pages are plain objects from Page.of.
  override items: AuditEvent[] = [];
}
