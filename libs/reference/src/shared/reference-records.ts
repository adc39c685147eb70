import { DeepPartial, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { definedFields, DomainError, Page, PageQuery } from '@cascade/platform';

interface Identified extends ObjectLiteral {
  id: string;
}

/**
 * What every reference table (regions, institutions, courses, people) answers alike: a page in a
 * stable order, one record or 404, an insert, a partial change or 404. Each service adds its own
 * filters, defaults and constraint messages.
 */
export abstract class ReferenceRecords<
  Entity extends Identified,
  Create extends object,
  Update extends object,
> {
  protected constructor(
    protected readonly records: Repository<Entity>,
    /** The record's name in a 404: `course`. */
    private readonly noun: string,
    /** The column (entity property) the list is ordered by, before `id`. */
    private readonly orderBy: string,
    /** Values a new record takes when the request leaves them out. */
    private readonly defaults: DeepPartial<Entity> = {} as DeepPartial<Entity>,
  ) {}

  /** The page of records the filters leave; `narrow` adds them to the `r` alias. */
  protected async page(
    query: PageQuery,
    narrow: (qb: SelectQueryBuilder<Entity>) => void,
  ): Promise<Page<Entity>> {
    const qb = this.records
      .createQueryBuilder('r')
      .orderBy(`r.${this.orderBy}`)
      .addOrderBy('r.id')
      .limit(query.limit)
      .offset(query.offset);
    narrow(qb);
    const [items, total] = await qb.getManyAndCount();
    return Page.of(items, total, query);
  }

  /** One record; 404 when there is none. */
  async get(id: string): Promise<Entity> {
    const record = await this.records.findOneBy({ id } as FindOptionsWhere<Entity>);
    if (!record) throw DomainError.notFound(this.noun, id);
    return record;
  }

  create(dto: Create): Promise<Entity> {
    return this.records.save(
      this.records.create({ ...this.defaults, ...definedFields(dto) } as DeepPartial<Entity>),
    );
  }

  async update(id: string, dto: Update): Promise<Entity> {
    const changes = definedFields(dto);
    if (Object.keys(changes).length > 0) {
      // In a transaction: the request's audit event commits with the change (AuditSubscriber).
      const result = await this.records.manager.transaction((tx) =>
        tx.update(this.records.target, { id }, changes as QueryDeepPartialEntity<Entity>),
      );
      if (result.affected === 0) throw DomainError.notFound(this.noun, id);
    }
    return this.get(id);
  }
}
