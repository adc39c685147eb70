import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { containsPattern, ErrorCode, Page, queryRows, registerConstraints } from '@cascade/platform';
import { ReferenceRecords } from '../shared/reference-records';
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
export class InstitutionsService extends ReferenceRecords<
  Institution,
  CreateInstitutionDto,
  UpdateInstitutionDto
> {
  constructor(@InjectRepository(Institution) institutions: Repository<Institution>) {
    super(institutions, 'institution', 'name');
  }

  list(query: InstitutionQuery): Promise<Page<Institution>> {
    return this.page(query, (qb) => {
      if (query.regionId) qb.andWhere('r.regionId = :regionId', { regionId: query.regionId });
      if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
      if (query.q) qb.andWhere('(r.name ILIKE :q OR r.nameMn ILIKE :q)', { q: containsPattern(query.q) });
    });
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
