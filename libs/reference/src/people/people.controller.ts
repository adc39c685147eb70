import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, Roles, STAFF, UuidPipe } from '@cascade/platform';
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
