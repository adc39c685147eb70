import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles, UuidPipe, RECORD_READERS } from '@cascade/platform';
import { PersonRecord } from './people-record.dto';
import { PeopleRecordService } from './people-record.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleRecordController {
  constructor(private readonly records: PeopleRecordService) {}

  /** The person with their enrolments, completions, certifications, AI adoptions and who trained them. */
  @Get(':id')
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: PersonRecord })
  record(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<PersonRecord> {
    return this.records.record(id, actor);
  }
}
