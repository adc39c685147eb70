import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, execute, queryRows, StatsTrigger } from '@cascade/platform';
import { FigureRow, toFigures } from './figure-row';
import {
  BreakdownView,
  FiguresView,
  HistoryPointView,
  ScopeFiguresView,
  ScopeKind,
  SnapshotReport,
} from './figures.view';
import { BREAKDOWN_SQL, HISTORY_SQL, PROGRAMME_EXISTS_SQL, SCOPE_FIGURES_SQL } from './snapshot-reads.sql';

/** Where a read runs: the pool (one statement, one snapshot) or one read-only transaction. */
type Reader = Pick<EntityManager, 'query'>;

interface SnapshotHeadRow {
  computed_at: Date;
  stale: boolean;
}

type ScopeFiguresRow = SnapshotHeadRow & FigureRow & { snapshot_id: string | null };
type BreakdownRow = SnapshotHeadRow &
  FigureRow & { scope_id: string | null; name: string | null; name_mn: string | null };

/**
 * The programme's figures as of its latest snapshot (written by the rollup job). What the API
 * and the reports read; it never scans the records. Each read takes the snapshot and its figures
 * in one statement, so a rollup that replaces and prunes the snapshot meanwhile is never seen
 * half-way.
 */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trigger: StatsTrigger,
  ) {}

  /** The programme's figures, or one scope's when scope and scopeId are given. */
  figures(programmeId: string, scope?: ScopeKind, scopeId?: string): Promise<FiguresView> {
    return this.figuresIn(this.db, programmeId, scope, scopeId);
  }

  /** Every scope of one kind (each region, institution, round or cohort of the programme). */
  async breakdown(programmeId: string, scope: ScopeKind): Promise<ScopeFiguresView[]> {
    return (await this.breakdownView(programmeId, scope)).items;
  }

  /** The breakdown with the snapshot's computedAt and stale flag. */
  breakdownView(programmeId: string, scope: ScopeKind): Promise<BreakdownView> {
    return this.breakdownIn(this.db, programmeId, scope);
  }

  /** One point per day (UTC) that has a snapshot, oldest first. */
  history(programmeId: string): Promise<HistoryPointView[]> {
    return this.historyIn(this.db, programmeId);
  }

  /**
   * The programme's figures, its region, institution and round breakdowns and its history, all
   * from one snapshot (one read-only REPEATABLE READ transaction): what a report prints agrees
   * with itself even while rollups commit.
   */
  report(programmeId: string): Promise<SnapshotReport> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await execute(tx, 'SET TRANSACTION READ ONLY');
      const figures = await this.figuresIn(tx, programmeId);
      const regions = await this.breakdownIn(tx, programmeId, 'region');
      const institutions = await this.breakdownIn(tx, programmeId, 'institution');
      const rounds = await this.breakdownIn(tx, programmeId, 'round');
      const history = await this.historyIn(tx, programmeId);
      return {
        figures,
        regions: regions.items,
        institutions: institutions.items,
        rounds: rounds.items,
        history,
      };
    });
  }

  private async figuresIn(
    reader: Reader,
    programmeId: string,
    scope?: ScopeKind,
    scopeId?: string,
  ): Promise<FiguresView> {
    if ((scope === undefined) !== (scopeId === undefined)) {
      throw DomainError.invalid(
        'scopeId: give scope and scopeId together (or breakdown() for every scope of a kind)',
      );
    }
    const [row] = await queryRows<ScopeFiguresRow>(reader, SCOPE_FIGURES_SQL, [
      programmeId,
      scope ?? 'programme',
      scopeId ?? programmeId,
    ]);
    if (!row) return this.noSnapshot(reader, programmeId);
    if (row.snapshot_id === null) {
      throw new DomainError(
        ErrorCode.NotFound,
        `scopeId: ${scope} ${scopeId} has no figures in programme ${programmeId}`,
      );
    }
    return { ...toFigures(row), computedAt: row.computed_at.toISOString(), stale: row.stale };
  }

  private async breakdownIn(reader: Reader, programmeId: string, scope: ScopeKind): Promise<BreakdownView> {
    const rows = await queryRows<BreakdownRow>(reader, BREAKDOWN_SQL, [programmeId, scope]);
    if (rows.length === 0) return this.noSnapshot(reader, programmeId);
    const items = rows
      .filter((row): row is BreakdownRow & { scope_id: string } => row.scope_id !== null)
      .map((row) => ({
        scopeId: row.scope_id,
        name: row.name ?? row.scope_id,
        ...(row.name_mn === null ? {} : { nameMn: row.name_mn }),
        ...toFigures(row),
      }));
    return { computedAt: rows[0].computed_at.toISOString(), stale: rows[0].stale, items };
  }

  private async historyIn(reader: Reader, programmeId: string): Promise<HistoryPointView[]> {
    await this.assertProgramme(reader, programmeId);
    const rows = await queryRows<
      FigureRow & {
        date: string;
        computed_at: Date;
      }
    >(reader, HISTORY_SQL, [programmeId]);
    return rows.map((row) => ({
      date: row.date,
      computedAt: row.computed_at.toISOString(),
      ...toFigures(row),
    }));
  }

  /**
   * A programme with no snapshot yet answers 404 and gets a rollup requested, so the figures
   * appear shortly after (the safety net would also find it). Also the analytics reads' answer.
   */
  async noSnapshot(reader: Reader, programmeId: string): Promise<never> {
    await this.assertProgramme(reader, programmeId);
    await this.trigger.requestRollup(programmeId);
    throw new DomainError(
      ErrorCode.NotFound,
      `stats: programme ${programmeId} has no figures yet; a rollup has been requested`,
    );
  }

  private async assertProgramme(reader: Reader, programmeId: string): Promise<void> {
    const rows = await queryRows<unknown>(reader, PROGRAMME_EXISTS_SQL, [programmeId]);
    if (rows.length === 0) throw DomainError.notFound('programme', programmeId);
  }
}
