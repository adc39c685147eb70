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
import { CreateRegionDto, RegionPage, RegionQuery, UpdateRegionDto } from './region.dto';
import { Region } from './region.entity';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'List regions' })
  @Roles(...READERS)
  @ApiOkResponse({ type: RegionPage })
  list(@Query() query: RegionQuery): Promise<RegionPage> {
    return this.regions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a region' })
  @Roles(...READERS)
  @ApiOkResponse({ type: Region })
  get(@UuidParam('id') id: string): Promise<Region> {
    return this.regions.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Create a region' })
  @Roles('admin')
  @ApiCreatedResponse({ type: Region })
  @ApiConflictResponse({ type: ErrorBody, description: 'A region with this code already exists' })
  create(@Body() dto: CreateRegionDto): Promise<Region> {
    return this.regions.create(dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a region' })
  @Roles('admin')
  @ApiOkResponse({ type: Region })
  @ApiConflictResponse({ type: ErrorBody, description: 'A region with this code already exists' })
  update(@UuidParam('id') id: string, @Body() dto: UpdateRegionDto): Promise<Region> {
    return this.regions.update(id, dto);
  }
}
