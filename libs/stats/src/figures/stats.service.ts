import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, StatsTrigger } from '@cascade/platform';
import { FigureRow, toFigures } from './figure-row';
import { BreakdownView, FiguresView, HistoryPointView, ScopeFiguresView, ScopeKind } from './figures.view';
import {
  BREAKDOWN_SQL,
  HISTORY_SQL,
  LATEST_SNAPSHOT_SQL,
  PROGRAMME_EXISTS_SQL,
  SCOPE_FIGURES_SQL,
} from './snapshot-reads.sql';

interface SnapshotHead {
  id: string;
  computedAt: string;
  stale: boolean;
}

/**
 * The programme's figures as of its latest snapshot (written by the rollup job). What the API
 * and the reports read; it never scans the records.
 */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly trigger: StatsTrigger,
  ) {}

  /** The programme's figures, or one scope's when scope and scopeId are given. */
  async figures(programmeId: string, scope?: ScopeKind, scopeId?: string): Promise<FiguresView> {
    if ((scope === undefined) !== (scopeId === undefined)) {
      throw DomainError.invalid(
        'scopeId: give scope and scopeId together (or breakdown() for every scope of a kind)',
      );
    }
    const head = await this.latest(programmeId);
    const [row] = (await this.db.query(SCOPE_FIGURES_SQL, [
      head.id,
      scope ?? 'programme',
      scopeId ?? programmeId,
    ])) as FigureRow[];
    if (!row) {
      throw new DomainError(
        ErrorCode.NotFound,
        `scopeId: ${scope} ${scopeId} has no figures in programme ${programmeId}`,
      );
    }
    return { ...toFigures(row), computedAt: head.computedAt, stale: head.stale };
  }

  /** Every scope of one kind (each region, institution, round or cohort of the programme). */
  async breakdown(programmeId: string, scope: ScopeKind): Promise<ScopeFiguresView[]> {
    return (await this.breakdownView(programmeId, scope)).items;
  }

  /** The breakdown with the snapshot's computedAt and stale flag. */
  async breakdownView(programmeId: string, scope: ScopeKind): Promise<BreakdownView> {
    const head = await this.latest(programmeId);
    const rows = (await this.db.query(BREAKDOWN_SQL, [head.id, scope])) as (FigureRow & {
      scope_id: string;
      name: string | null;
      name_mn: string | null;
    })[];
    const items = rows.map((row) => ({
      scopeId: row.scope_id,
      name: row.name ?? row.scope_id,
      ...(row.name_mn === null ? {} : { nameMn: row.name_mn }),
      ...toFigures(row),
    }));
    return { computedAt: head.computedAt, stale: head.stale, items };
  }

  /** One point per day (UTC) that has a snapshot, oldest first. */
  async history(programmeId: string): Promise<HistoryPointView[]> {
    await this.assertProgramme(programmeId);
    const rows = (await this.db.query(HISTORY_SQL, [programmeId])) as (FigureRow & {
      date: string;
      computed_at: Date;
    })[];
    return rows.map((row) => ({
      date: row.date,
      computedAt: row.computed_at.toISOString(),
      ...toFigures(row),
    }));
  }

  /**
   * A programme with no snapshot yet answers 404 and gets a rollup requested, so the figures
   * appear shortly after (the safety net would also find it).
   */
  private async latest(programmeId: string): Promise<SnapshotHead> {
    const [head] = (await this.db.query(LATEST_SNAPSHOT_SQL, [programmeId])) as {
      id: string;
      computed_at: Date;
      stale: boolean;
    }[];
    if (head) return { id: head.id, computedAt: head.computed_at.toISOString(), stale: head.stale };
    await this.assertProgramme(programmeId);
    await this.trigger.requestRollup(programmeId);
    throw new DomainError(
      ErrorCode.NotFound,
      `stats: programme ${programmeId} has no figures yet; a rollup has been requested`,
    );
  }

  private async assertProgramme(programmeId: string): Promise<void> {
    const rows: unknown[] = await this.db.query(PROGRAMME_EXISTS_SQL, [programmeId]);
    if (rows.length === 0) throw DomainError.notFound('programme', programmeId);
  }
}
