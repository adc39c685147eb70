import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, queryRows } from '@cascade/platform';
import { ratio } from '../figures/figure-row';
import { ScopeKind } from '../figures/figures.view';
import { StatsService } from '../figures/stats.service';
import { CohortPlansQuery, TrainersQuery } from './analytics.dto';
import {
  CohortPlansView,
  GenerationFunnelView,
  GenerationsView,
  RegionReachesView,
  RoundPlansView,
  TraineeOutcomeView,
  TrainersView,
} from './analytics.view';
import {
  COHORT_PLANS_SQL,
  GENERATIONS_SQL,
  REGION_REACH_SQL,
  ROUND_PLANS_SQL,
  TRAINER_ORDER,
  trainersSql,
} from './analytics-reads.sql';
import { trainerFlags } from './trainer-flags';

interface Stamped {
  computed_at: Date;
  stale: boolean;
}
type Funnel = Record<
  string,
  { participants: number; completers: number; certified: number; aiAdopters: number }
>;
type TrainerRow = Stamped & Record<string, number | string | boolean | null>;

/**
 * Runs one statement and returns its rows. By default the service's own connection; a report
 * passes its REPEATABLE READ transaction so every section reads the same snapshot.
 */
export type RunQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

const outcome = (participants: number, completers: number, certified: number): TraineeOutcomeView => ({
  participants,
  completers,
  certified,
  completionRate: ratio(completers, participants),
  certificationRate: ratio(certified, completers),
});

/** Generations sort numerically; "unknown" goes last. */
const generationOrder = (g: string) => (Number.isFinite(Number(g)) ? Number(g) : Number.MAX_SAFE_INTEGER);

/**
 * The cascade analytics of the programme's latest snapshot (docs/FIGURES.md "Cascade analytics"):
 * the funnel by generation, reach and outcome per trainer, and plan against actual. Reads only
 * the snapshot tables; rates and flags are derived from its counts here.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly stats: StatsService,
  ) {}

  async generations(
    programmeId: string,
    scope?: ScopeKind,
    scopeId?: string,
    run?: RunQuery,
  ): Promise<GenerationsView> {
    if ((scope === undefined) !== (scopeId === undefined))
      throw DomainError.invalid('scopeId: give scope and scopeId together');
    const [row] = await this.read<Stamped & { generation_funnel: Funnel | null; found: boolean }>(
      programmeId,
      GENERATIONS_SQL,
      [scope ?? 'programme', scopeId ?? programmeId],
      run,
    );
    if (!row.found)
      throw new DomainError(
        ErrorCode.NotFound,
        `scopeId: ${scope} ${scopeId} has no figures in programme ${programmeId}`,
      );
    const items: GenerationFunnelView[] = Object.entries(row.generation_funnel ?? {})
      .sort(([a], [b]) => generationOrder(a) - generationOrder(b))
      .map(([generation, g]) => ({
        generation,
        ...g,
        completionRate: ratio(g.completers, g.participants),
        certificationRate: ratio(g.certified, g.completers),
        aiAdoptionRate: ratio(g.aiAdopters, g.completers),
      }));
    return { ...stamp(row), scope: scope ?? 'programme', scopeId: scopeId ?? programmeId, items };
  }

  async trainers(programmeId: string, query: TrainersQuery, run?: RunQuery): Promise<TrainersView> {
    const rows = await this.read<TrainerRow>(
      programmeId,
      trainersSql(TRAINER_ORDER[query.sort], query.order),
      [query.limit, query.offset],
      run,
    );
    const n = (row: TrainerRow, key: string) => Number(row[key] ?? 0);
    const programme = outcome(
      n(rows[0], 'programme_participants'),
      n(rows[0], 'programme_completers'),
      n(rows[0], 'programme_certified'),
    );
    const items = rows
      .filter((row) => row.trainer_id !== null)
      .map((row) => {
        const direct = outcome(
          n(row, 'direct_participants'),
          n(row, 'direct_completers'),
          n(row, 'direct_certified'),
        );
        return {
          trainerId: String(row.trainer_id),
          fullName: String(row.full_name),
          masterTeacher: row.master_teacher === true,
          generation: row.generation === null ? null : Number(row.generation),
          cohorts: n(row, 'cohorts'),
          direct,
          downstream: outcome(
            n(row, 'downstream_participants'),
            n(row, 'downstream_completers'),
            n(row, 'downstream_certified'),
          ),
          flags: trainerFlags(direct, programme),
        };
      });
    return {
      ...stamp(rows[0]),
      programme,
      items,
      total: n(rows[0], 'total'),
      limit: query.limit,
      offset: query.offset,
    };
  }

  async rounds(programmeId: string, run?: RunQuery): Promise<RoundPlansView> {
    type Row = Stamped & {
      round_id: string | null;
      number: number;
      name: string;
      target_participants: number;
      participants: number;
      enrolled: number;
      completers: number;
      certified: number;
    };
    const rows = await this.read<Row>(programmeId, ROUND_PLANS_SQL, [], run);
    const items = rows
      .filter((row) => row.round_id !== null)
      .map((row) => ({
        roundId: row.round_id!,
        number: row.number,
        name: row.name,
        targetParticipants: row.target_participants,
        participants: row.participants,
        enrolled: row.enrolled,
        completers: row.completers,
        certified: row.certified,
        targetAttainment: ratio(row.enrolled, row.target_participants),
      }));
    return { ...stamp(rows[0]), items };
  }

  async cohorts(programmeId: string, query: CohortPlansQuery, run?: RunQuery): Promise<CohortPlansView> {
    type Row = Stamped & {
      total: number;
      cohort_id: string | null;
      name: string;
      round_id: string;
      region_id: string;
      capacity: number;
      enrolled: number;
      participants: number;
      completers: number;
      certified: number;
    };
    const rows = await this.read<Row>(
      programmeId,
      COHORT_PLANS_SQL,
      [query.roundId ?? null, query.limit, query.offset],
      run,
    );
    const items = rows
      .filter((row) => row.cohort_id !== null)
      .map((row) => ({
        cohortId: row.cohort_id!,
        name: row.name,
        roundId: row.round_id,
        regionId: row.region_id,
        capacity: row.capacity,
        enrolled: row.enrolled,
        participants: row.participants,
        completers: row.completers,
        certified: row.certified,
        fillRate: ratio(row.enrolled, row.capacity),
      }));
    return { ...stamp(rows[0]), items, total: rows[0].total, limit: query.limit, offset: query.offset };
  }

  async regions(programmeId: string, run?: RunQuery): Promise<RegionReachesView> {
    type Row = Stamped & {
      region_id: string | null;
      code: string;
      name: string;
      name_mn: string | null;
      region_institutions: number;
      region_institutions_reached: number;
      participants: number;
    };
    const rows = await this.read<Row>(programmeId, REGION_REACH_SQL, [], run);
    const items = rows
      .filter((row) => row.region_id !== null)
      .map((row) => ({
        regionId: row.region_id!,
        code: row.code,
        name: row.name,
        ...(row.name_mn === null ? {} : { nameMn: row.name_mn }),
        institutions: row.region_institutions,
        institutionsReached: row.region_institutions_reached,
        reachRate: ratio(row.region_institutions_reached, row.region_institutions),
        participants: row.participants,
      }));
    return { ...stamp(rows[0]), items };
  }

  /** Rows of one statement that starts from the latest snapshot; none means there is none yet. */
  private async read<Row>(
    programmeId: string,
    sql: string,
    params: unknown[],
    run: RunQuery = (text, values) => queryRows<unknown>(this.db, text, values),
  ): Promise<[Row, ...Row[]]> {
    const rows = (await run(sql, [programmeId, ...params])) as Row[];
    // No snapshot: the programme's 404 or "no figures yet", checked where the rows were read.
    const reader = { query: <T>(text: string, values?: unknown[]) => run(text, values ?? []) as Promise<T> };
    if (rows.length === 0) return this.stats.noSnapshot(reader, programmeId);
    return rows as [Row, ...Row[]];
  }
}

function stamp(row: Stamped): { computedAt: string; stale: boolean } {
  return { computedAt: row.computed_at.toISOString(), stale: row.stale };
}
