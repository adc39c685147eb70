import { Body, Controller, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, Roles, STAFF, UuidParam } from '@cascade/platform';
import { CreatePersonDto, UpdatePersonDto } from './person.dto';
import { Person } from './person.entity';
import { PeopleService } from './people.service';

/**
 * GET /people and GET /people/:id live in the cascade module: who may see a person depends on
 * the cascade's care rule, and the record carries enrolments, completions and certifications.
 */
@ApiTags('people')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @ApiOperation({ summary: 'Create a person (an educator)' })
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
  @ApiOperation({ summary: 'Change a person' })
  @Roles(...STAFF)
  @ApiOkResponse({ type: Person })
  @ApiConflictResponse({
    type: ErrorBody,
    description: 'A person with this email (in any letter case) already exists',
  })
  update(@UuidParam('id') id: string, @Body() dto: UpdatePersonDto): Promise<Person> {
    return this.people.update(id, dto);
  }
}
