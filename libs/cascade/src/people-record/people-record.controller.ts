import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles, UuidPipe, RECORD_READERS } from '@cascade/platform';
import { PersonPage, PersonQuery } from '@cascade/reference';
import { PersonRecord } from './people-record.dto';
import { PeopleRecordService } from './people-record.service';

@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleRecordController {
  constructor(private readonly records: PeopleRecordService) {}

  /** People, scoped like their records: a master teacher sees themselves and the people in their care. */
  @Get()
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: PersonPage })
  list(@Query() query: PersonQuery, @CurrentActor() actor: Actor): Promise<PersonPage> {
    return this.records.list(query, actor);
  }

  /** The person with their enrolments, completions, certifications, AI adoptions and who trained them. */
  @Get(':id')
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: PersonRecord })
  record(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<PersonRecord> {
    return this.records.record(id, actor);
  }
}
