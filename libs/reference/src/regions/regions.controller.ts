import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ReferenceController } from '../shared/reference-controller';
import { CreateRegionDto, RegionPage, RegionQuery, UpdateRegionDto } from './region.dto';
import { Region } from './region.entity';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@ApiBearerAuth()
@Controller('regions')
export class RegionsController extends ReferenceController({
  entity: Region,
  page: RegionPage,
  query: RegionQuery,
  create: CreateRegionDto,
  update: UpdateRegionDto,
  writers: ['admin'],
  summaries: {
    list: 'List regions',
    get: 'Get a region',
    create: 'Create a region',
    update: 'Change a region',
  },
  conflict: 'A region with this code already exists',
}) {
  constructor(regions: RegionsService) {
    super(regions);
  }
}
