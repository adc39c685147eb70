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
import { CreateInstitutionDto, InstitutionQuery, UpdateInstitutionDto } from './institution.dto';
import { Institution } from './institution.entity';

registerConstraints({
  uq_institutions_name: {
    code: ErrorCode.Conflict,
    message: 'name: an institution with this name already exists',
  },
  fk_institutions_region: { code: ErrorCode.Invalid, message: 'regionId: no such region' },
  ck_institutions_kind: {
    code: ErrorCode.Invalid,
    message: 'kind: must be university, college, institute or other',
  },
});

@Injectable()
export class InstitutionsService {
  constructor(@InjectRepository(Institution) private readonly institutions: Repository<Institution>) {}

  async list(query: InstitutionQuery): Promise<Page<Institution>> {
    const qb = this.institutions
      .createQueryBuilder('i')
      .orderBy('i.name')
      .addOrderBy('i.id')
      .limit(query.limit)
      .offset(query.offset);
    if (query.regionId) qb.andWhere('i.regionId = :regionId', { regionId: query.regionId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere('(i.name ILIKE :q OR i.nameMn ILIKE :q)', { q: containsPattern(query.q) });
    const [items, total] = await qb.getManyAndCount();
    return Page.of(items, total, query);
  }

  async get(id: string): Promise<Institution> {
    const institution = await this.institutions.findOneBy({ id });
    if (!institution) throw DomainError.notFound('institution', id);
    return institution;
  }

  create(dto: CreateInstitutionDto): Promise<Institution> {
    return this.institutions.save(this.institutions.create(dto));
  }

  async update(id: string, dto: UpdateInstitutionDto): Promise<Institution> {
    const changes = definedFields(dto);
    if (Object.keys(changes).length > 0) {
      // In a transaction: the request's audit event commits with the change (AuditSubscriber).
      const result = await this.institutions.manager.transaction((tx) =>
        tx.update(Institution, { id }, changes),
      );
      if (result.affected === 0) throw DomainError.notFound('institution', id);
    }
    return this.get(id);
  }
}
