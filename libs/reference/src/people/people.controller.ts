import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, Roles, STAFF, UuidPipe, RECORD_READERS } from '@cascade/platform';
import { CreatePersonDto, PersonPage, PersonQuery, UpdatePersonDto } from './person.dto';
import { Person } from './person.entity';
import { PeopleService } from './people.service';

/** GET /people/:id lives in the cascade module: it answers with the person's enrolments, completions and certification. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Roles(...RECORD_READERS)
  @ApiOkResponse({ type: PersonPage })
  list(@Query() query: PersonQuery): Promise<PersonPage> {
    return this.people.list(query);
  }

  @Post()
  @Roles(...STAFF)
  @ApiCreatedResponse({ type: Person })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'A person with this email (in any letter case) already exists',
  })
  create(@Body() dto: CreatePersonDto): Promise<Person> {
    return this.people.create(dto);
  }

  @Patch(':id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: Person })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'A person with this email (in any letter case) already exists',
  })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdatePersonDto): Promise<Person> {
    return this.people.update(id, dto);
  }
}
