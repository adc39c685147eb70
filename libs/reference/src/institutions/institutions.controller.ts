import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, READERS, Roles, UuidParam } from '@cascade/platform';
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
  @ApiOperation({ summary: 'List institutions' })
  @Roles(...READERS)
  @ApiOkResponse({ type: InstitutionPage })
  list(@Query() query: InstitutionQuery): Promise<InstitutionPage> {
    return this.institutions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an institution' })
  @Roles(...READERS)
  @ApiOkResponse({ type: Institution })
  get(@UuidParam('id') id: string): Promise<Institution> {
    return this.institutions.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create an institution' })
  @Roles('admin', 'coordinator')
  @ApiCreatedResponse({ type: Institution })
  @ApiConflictResponse({ type: ErrorBody, description: 'An institution with this name already exists' })
  create(@Body() dto: CreateInstitutionDto): Promise<Institution> {
    return this.institutions.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an institution' })
  @Roles('admin', 'coordinator')
  @ApiOkResponse({ type: Institution })
  @ApiConflictResponse({ type: ErrorBody, description: 'An institution with this name already exists' })
  update(@UuidParam('id') id: string, @Body() dto: UpdateInstitutionDto): Promise<Institution> {
    return this.institutions.update(id, dto);
  }
}
