import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  containsPattern,
  definedFields,
  DomainError,
  ErrorCode,
  Page,
  queryRows,
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

/** $1 lower-cased, trimmed names: the institutions each one names, in English or Mongolian. */
const BY_NAME_SQL = `
  SELECT k.key, array_agg(DISTINCT i.id) AS ids
    FROM unnest($1::text[]) AS k(key)
    JOIN institutions i ON lower(i.name) = k.key OR lower(i.name_mn) = k.key
   GROUP BY k.key`;

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

  /**
   * The institutions each name names, in English or Mongolian, ignoring letter case and
   * surrounding spaces: name → ids (none, one, or several when the name is ambiguous).
   */
  async idsByName(manager: EntityManager, names: string[]): Promise<Map<string, string[]>> {
    const keys = [...new Set(names.map((n) => n.trim().toLowerCase()))];
    if (keys.length === 0) return new Map();
    const found = await queryRows<{ key: string; ids: string[] }>(manager, BY_NAME_SQL, [keys]);
    const byKey = new Map(found.map((f) => [f.key, f.ids]));
    return new Map(names.map((n) => [n, byKey.get(n.trim().toLowerCase()) ?? []]));
  }
}
