import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, RECORD_READERS, Roles, UuidParam } from '@cascade/platform';
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
  @ApiOperation({
    summary: 'List people (educators)',
    description: 'Scoped like their records: a master teacher sees themselves and the people in their care.',
  })
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: PersonPage })
  list(@Query() query: PersonQuery, @CurrentActor() actor: Actor): Promise<PersonPage> {
    return this.records.list(query, actor);
  }

  /** The person with their enrolments, completions, certifications, AI adoptions and who trained them. */
  @Get(':id')
  @ApiOperation({
    summary: "A person's record: enrolments, completions, certifications, AI evidence and trainers",
  })
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: PersonRecord })
  record(@UuidParam('id') id: string, @CurrentActor() actor: Actor): Promise<PersonRecord> {
    return this.records.record(id, actor);
  }
}
