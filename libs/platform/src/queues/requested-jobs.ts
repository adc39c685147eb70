import { ObjectLiteral, Repository } from 'typeorm';
import { PageQuery } from '../http/pagination';

/**
 * A page of a table of requested jobs (imports, report requests), newest first. `requestedBy`
 * keeps one requester's rows (null: everyone's); each filter present narrows to rows equal to it.
 */
export function requestedJobsPage<Entity extends ObjectLiteral>(
  requests: Repository<Entity>,
  query: PageQuery,
  requestedBy: string | null,
  filters: Record<string, unknown>,
): Promise<[Entity[], number]> {
  const qb = requests
    .createQueryBuilder('r')
    .orderBy('r.createdAt', 'DESC')
    .addOrderBy('r.id', 'DESC')
    .take(query.limit)
    .skip(query.offset);
  if (requestedBy) qb.andWhere('r.requestedBy = :requestedBy', { requestedBy });
  for (const [field, value] of Object.entries(filters)) {
    if (value !== undefined) qb.andWhere(`r.${field} = :${field}`, { [field]: value });
  }
  return qb.getManyAndCount();
}
