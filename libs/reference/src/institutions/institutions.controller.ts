import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, READERS, Roles, UuidPipe } from '@cascade/platform';
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
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: InstitutionPage })
  list(@Query() query: InstitutionQuery): Promise<InstitutionPage> {
    return this.institutions.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: Institution })
  get(@Param('id', UuidPipe) id: string): Promise<Institution> {
    return this.institutions.get(id);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiCreatedResponse({ type: Institution })
  @ApiConflictResponse({ type: ErrorBody, description: 'An institution with this name already exists' })
  create(@Body() dto: CreateInstitutionDto): Promise<Institution> {
    return this.institutions.create(dto);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOkResponse({ type: Institution })
  @ApiConflictResponse({ type: ErrorBody, description: 'An institution with this name already exists' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateInstitutionDto): Promise<Institution> {
    return this.institutions.update(id, dto);
  }
}
