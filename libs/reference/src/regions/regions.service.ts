import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { containsPattern, ErrorCode, Page, registerConstraints } from '@cascade/platform';
import { ReferenceRecords } from '../shared/reference-records';
import { CreateRegionDto, RegionQuery, UpdateRegionDto } from './region.dto';
import { Region } from './region.entity';

registerConstraints({
  uq_regions_code: { code: ErrorCode.Conflict, message: 'code: a region with this code already exists' },
});

@Injectable()
export class RegionsService extends ReferenceRecords<Region, CreateRegionDto, UpdateRegionDto> {
  constructor(@InjectRepository(Region) regions: Repository<Region>) {
    super(regions, 'region', 'code');
  }

  list(query: RegionQuery): Promise<Page<Region>> {
    return this.page(query, (qb) => {
      if (query.q) {
        qb.andWhere('(r.code ILIKE :q OR r.name ILIKE :q OR r.nameMn ILIKE :q)', {
          q: containsPattern(query.q),
        });
      }
    });
  }
}
