import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { Page } from '../http/pagination';
import { AuditEventPage, AuditQuery } from './audit.dto';
import { AuditEvent } from './audit-event.entity';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'List audit events' })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: AuditQuery): Promise<Page<AuditEvent>> {
    return this.audit.list(query);
  }
}
