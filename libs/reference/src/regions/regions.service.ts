import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  containsPattern,
  definedFields,
  DomainError,
  ErrorCode,
  Page,
  registerConstraints,
} from '@cascade/platform';
import { CreateRegionDto, RegionQuery, UpdateRegionDto } from './region.dto';
import { Region } from './region.entity';

registerConstraints({
  uq_regions_code: { code: ErrorCode.Conflict, message: 'code: a region with this code already exists' },
});

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  async list(query: RegionQuery): Promise<Page<Region>> {
    const qb = this.regions
      .createQueryBuilder('r')
      .orderBy('r.code')
      .addOrderBy('r.id')
      .limit(query.limit)
      .offset(query.offset);
    if (query.q) {
      qb.andWhere('(r.code ILIKE :q OR r.name ILIKE :q OR r.nameMn ILIKE :q)', {
        q: containsPattern(query.q),
      });
    }
    const [items, total] = await qb.getManyAndCount();
    return Page.of(items, total, query);
  }

  async get(id: string): Promise<Region> {
    const region = await this.regions.findOneBy({ id });
    if (!region) throw DomainError.notFound('region', id);
    return region;
  }

  create(dto: CreateRegionDto): Promise<Region> {
    return this.regions.save(this.regions.create(dto));
  }

  async update(id: string, dto: UpdateRegionDto): Promise<Region> {
    const changes = definedFields(dto);
    if (Object.keys(changes).length > 0) {
      // In a transaction: the request's audit event commits with the change (AuditSubscriber).
      const result = await this.regions.manager.transaction((tx) => tx.update(Region, { id }, changes));
      if (result.affected === 0) throw DomainError.notFound('region', id);
    }
    return this.get(id);
  }
}
