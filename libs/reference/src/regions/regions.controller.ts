import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBody, READERS, Roles, UuidPipe } from '@cascade/platform';
import { CreateRegionDto, RegionPage, RegionQuery, UpdateRegionDto } from './region.dto';
import { Region } from './region.entity';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: RegionPage })
  list(@Query() query: RegionQuery): Promise<RegionPage> {
    return this.regions.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: Region })
  get(@Param('id', UuidPipe) id: string): Promise<Region> {
    return this.regions.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: Region })
  @ApiConflictResponse({ type: ErrorBody, description: 'A region with this code already exists' })
  create(@Body() dto: CreateRegionDto): Promise<Region> {
    return this.regions.create(dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: Region })
  @ApiConflictResponse({ type: ErrorBody, description: 'A region with this code already exists' })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateRegionDto): Promise<Region> {
    return this.regions.update(id, dto);
  }
}
