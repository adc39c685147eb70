import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { STAFF } from '@cascade/platform';
import { ReferenceWrites } from '../shared/reference-controller';
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
export class PeopleController extends ReferenceWrites({
  entity: Person,
  create: CreatePersonDto,
  update: UpdatePersonDto,
  writers: STAFF,
  summaries: { create: 'Create a person (an educator)', update: 'Change a person' },
  conflict: 'A person with this email (in any letter case) already exists',
}) {
  constructor(people: PeopleService) {
    super(people);
  }
}
