import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CascadeConfig, Page, queryRows } from '@cascade/platform';
import { checkListSql, COUNTS_SQL, DataQualityCheck, DataQualityRow } from './data-quality.checks';
import { DataQualityCount, DataQualityListQuery } from './data-quality.dto';

@Injectable()
export class DataQualityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: ConfigService<CascadeConfig, true>,
  ) {}

  counts(programmeId?: string): Promise<DataQualityCount[]> {
    return queryRows<DataQualityCount>(this.db, COUNTS_SQL, [programmeId ?? null, this.overdueDays()]);
  }

  /** One page of a check's records; the total rides on every row (and on none when the page is empty). */
  async list(check: DataQualityCheck, query: DataQualityListQuery): Promise<Page<DataQualityRow>> {
    const rows = await queryRows<DataQualityRow & { total: number | null }>(
      this.db,
      `WITH found AS (${checkListSql(check)})
       SELECT (SELECT count(*)::int FROM found) AS total, page.*
         FROM (VALUES (1)) one
         LEFT JOIN (SELECT * FROM found LIMIT $3 OFFSET $4) page ON true`,
      [query.programmeId ?? null, this.overdueDays(), query.limit, query.offset],
    );
    const total = rows[0]?.total ?? 0;
    const items = rows.filter((row) => row.id !== null).map(({ total: _total, ...item }) => item);
    return Page.of(items, total, query);
  }

  private overdueDays(): number {
    return this.config.get('MENTORING_OVERDUE_DAYS');
  }
}
