import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceController } from '../shared/reference-controller';
import {
  CreateInstitutionDto,
  InstitutionPage,
  InstitutionQuery,
  UpdateInstitutionDto,
} from './institution.dto';
import { Institution } from './institution.entity';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionsController extends ReferenceController({
  entity: Institution,
  page: InstitutionPage,
  query: InstitutionQuery,
  create: CreateInstitutionDto,
  update: UpdateInstitutionDto,
  writers: ['admin', 'coordinator'],
  summaries: {
    list: 'List institutions',
    get: 'Get an institution',
    create: 'Create an institution',
    update: 'Change an institution',
  },
  conflict: 'An institution with this name already exists',
}) {
  constructor(institutions: InstitutionsService) {
    super(institutions);
  }
}
