import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import {
  CELLS,
  FILL_CELLS_SQL,
  FILL_TOUCHED_REACH_SQL,
  FILL_TOUCHED_SQL,
  TOUCHED_SCOPES,
  TOUCHED_SQL,
  WRITE_ALL_CELLS_SQL,
  WRITE_TOUCHED_CELLS_SQL,
} from './cells.sql';
import {
  CLEAR_TOUCHED_SQL,
  FIGURES,
  FILL_FIGURES_SQL,
  TODAYS_SNAPSHOT_SQL,
  WRITE_SNAPSHOT_SQL,
  WRITE_TOUCHED_SQL,
} from './figures.sql';
import { REACH } from './generations.sql';
import { queryPlanned, sizeClassOf } from './plan-reuse';
import {
  ANALYZE_KEYS_SQL,
  ANALYZE_MEMBERSHIPS_SQL,
  ANALYZE_PARTICIPANTS_SQL,
  createSql,
  FILL_MEMBERSHIPS_AND_MENTEES_SQL,
  fillSql,
  KEY_STATISTICS_TARGET_SQL,
  MEMBERSHIPS,
  MENTEES,
  participants,
} from './scratch.sql';
import {
  BEGIN_SQL,
  LOCK_SQL,
  MARK_ROLLED_SQL,
  READ_DIRTY_VERSION_SQL,
  setDurationAndCommitSql,
  UNLOCK_SQL,
} from './snapshots.sql';
import { TRAINER_FIGURES } from './trainers.sql';

const ANALYZE_ABOVE_ROWS = 50_000;

/**
 * Above this many people changed at once (an import), their cohorts' members approach the
 * programme's: one full rollup instead.
 */
const INCREMENTAL_MAX_PEOPLE = 5_000;

/** Working sets in the order they are created (each may read the ones before it). */
const WORKING_SETS = [
  MEMBERSHIPS,
  MENTEES,
  REACH,
  participants(0),
  TOUCHED_SCOPES,
  CELLS,
  FIGURES,
  TRAINER_FIGURES,
];

/** Database sessions (pooled connections) whose working-set tables exist, committed. */
const sessionsWithWorkingSets = new WeakSet<object>();

/**
 * Database sessions whose working sets' keys have committed statistics (scratch.sql.ts
 * ANALYZE_KEYS_SQL): they say the keys are unique, true of every programme's working sets, and a
 * temporary table's statistics last as long as the session.
 */
const sessionsWithKeyStatistics = new WeakSet<object>();

export interface RollupResult {
  programmeId: string;
  snapshotId: string;
  computedAt: string;
  /** The programme's dirty version the snapshot reflects. */
  dirtyVersion: number;
  /** True when records changed while the rollup ran: another rollup is due. */
  behind: boolean;
  /** full: every cell recomputed; incremental: those of the cohorts of the people whose records changed. */
  mode: RollupMode;
  durationMs: number;
}

export type RollupMode = 'full' | 'incremental';

interface SnapshotRow {
  id: string;
  computed_at: Date;
}

interface DirtyState {
  dirty_version: string;
  core_courses: number;
  full: boolean;
  people: string[];
}

/**
 * Turns a programme's records into one snapshot of the figures of every scope: set-based SQL in
 * one REPEATABLE READ transaction, so all scopes are as of one instant. Safe to run twice (a
 * new snapshot of the same records) and concurrently (a per-programme advisory lock).
 *
 * Every scope's figures are sums of the programme's figures cells (cells.sql.ts). A full rollup
 * recomputes every cell from the records; an incremental one, when the changes since the last
 * rollup all name their people (docs/FIGURES.md), only the cells of those people's cohorts
 * (issue 19). A full rollup runs at least daily as the safety net, and whenever asked (`full`).
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger(RollupService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when the programme does not exist (nothing to roll up). */
  async rollup(programmeId: string, options: { full?: boolean } = {}): Promise<RollupResult | null> {
    const runner = this.db.createQueryRunner();
    const session = (await runner.connect()) as object;
    try {
      await runner.query(LOCK_SQL, [programmeId]);
      try {
        const result = await this.snapshot(runner, session, programmeId, options.full ?? false);
        if (!result) return null;
        const [{ behind }] = (await runner.query(MARK_ROLLED_SQL, [programmeId, result.dirtyVersion])) as {
          behind: boolean;
        }[];
        this.logger.log(
          `programme ${programmeId}: ${result.mode} snapshot ${result.snapshotId} in ${result.durationMs} ms`,
        );
        return { ...result, behind };
      } finally {
        // Fails only when the connection broke, and a broken session's lock went with it: the
        // error that broke it is the one to report.
        await runner.query(UNLOCK_SQL, [programmeId]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  private async snapshot(
    runner: QueryRunner,
    session: object,
    programmeId: string,
    askedFull: boolean,
  ): Promise<Omit<RollupResult, 'behind'> | null> {
    const started = Date.now();
    // Statements, not TypeORM's startTransaction: BEGIN_SQL is one round trip where it takes three.
    await runner.query(BEGIN_SQL);
    try {
      const [state] = (await runner.query(READ_DIRTY_VERSION_SQL, [programmeId])) as DirtyState[];
      if (!state) {
        await runner.query('COMMIT');
        return null;
      }
      if (!sessionsWithWorkingSets.has(session)) {
        for (const set of WORKING_SETS) {
          await runner.query(createSql(set), set.select.includes('$1') ? [programmeId] : []);
        }
        await runner.query(KEY_STATISTICS_TARGET_SQL);
      }
      const touched =
        askedFull || state.full || state.people.length > INCREMENTAL_MAX_PEOPLE
          ? null
          : await this.touchedCohorts(runner, programmeId, state.people);
      const mode: RollupMode = touched ? 'incremental' : 'full';
      const { affected } = touched
        ? await runner.query(FILL_TOUCHED_SQL, [programmeId, touched, state.people], true)
        : await runner.query(FILL_MEMBERSHIPS_AND_MENTEES_SQL, [programmeId], true);
      const memberships = affected ?? 0;
      // Statistics pay off only when the working sets are big; on small ones ANALYZE is the cost.
      const analyse = memberships > ANALYZE_ABOVE_ROWS;
      const sizeClass = analyse ? null : sizeClassOf(memberships);
      if (analyse) await runner.query(ANALYZE_MEMBERSHIPS_SQL);
      // An incremental rollup's reach is the last full rollup's, of the trainers above its members.
      await queryPlanned(runner, sizeClass, touched ? FILL_TOUCHED_REACH_SQL : fillSql(REACH), [programmeId]);
      const few = touched !== null;
      await queryPlanned(runner, sizeClass, fillSql(participants(state.core_courses, few)), [programmeId]);
      if (analyse) await runner.query(ANALYZE_PARTICIPANTS_SQL);
      const analyseKeys = !analyse && !touched && memberships > 0 && !sessionsWithKeyStatistics.has(session);
      if (analyseKeys) await runner.query(ANALYZE_KEYS_SQL);
      const dirtyVersion = Number(state.dirty_version);
      const snapshot = touched
        ? await this.writeTouched(runner, sizeClass, programmeId, dirtyVersion, touched, state.people)
        : await this.writeAll(runner, sizeClass, programmeId, dirtyVersion);
      const durationMs = Date.now() - started;
      await runner.query(setDurationAndCommitSql(String(snapshot.id), durationMs));
      sessionsWithWorkingSets.add(session);
      if (analyse || analyseKeys) sessionsWithKeyStatistics.add(session);
      return {
        programmeId,
        snapshotId: String(snapshot.id),
        computedAt: snapshot.computed_at.toISOString(),
        dirtyVersion,
        mode,
        durationMs,
      };
    } catch (error) {
      // A lost connection fails the ROLLBACK too ("Query runner already released"): keep the first error.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** The cohorts of the people changed, or null when a full rollup is due (TOUCHED_SQL). */
  private async touchedCohorts(
    runner: QueryRunner,
    programmeId: string,
    people: string[],
  ): Promise<string[] | null> {
    const [{ cohorts, full }] = (await runner.query(TOUCHED_SQL, [programmeId, people])) as {
      cohorts: string[];
      full: boolean;
    }[];
    return full ? null : cohorts;
  }

  /**
   * Every cell recomputed, and a new snapshot of every scope from them: each computed into a
   * working set, then copied (cells.sql.ts CELLS says why).
   */
  private async writeAll(
    runner: QueryRunner,
    sizeClass: number | null,
    programmeId: string,
    dirtyVersion: number,
  ): Promise<SnapshotRow> {
    await queryPlanned(runner, sizeClass, FILL_CELLS_SQL, [programmeId]);
    await queryPlanned(runner, sizeClass, WRITE_ALL_CELLS_SQL, [programmeId]);
    await queryPlanned(runner, sizeClass, FILL_FIGURES_SQL, [programmeId]);
    const [snapshot] = (await queryPlanned(runner, sizeClass, WRITE_SNAPSHOT_SQL, [
      programmeId,
      dirtyVersion,
    ])) as SnapshotRow[];
    return snapshot;
  }

  /** The touched cohorts' cells recomputed, and the scopes and trainers they touched rewritten in today's snapshot. */
  private async writeTouched(
    runner: QueryRunner,
    sizeClass: number | null,
    programmeId: string,
    dirtyVersion: number,
    cohorts: string[],
    people: string[],
  ): Promise<SnapshotRow> {
    await queryPlanned(runner, sizeClass, WRITE_TOUCHED_CELLS_SQL, [programmeId, cohorts, people]);
    const [{ id }] = (await runner.query(TODAYS_SNAPSHOT_SQL, [programmeId, dirtyVersion])) as {
      id: string;
    }[];
    await runner.query(CLEAR_TOUCHED_SQL, [id]);
    const [snapshot] = (await queryPlanned(runner, sizeClass, WRITE_TOUCHED_SQL, [
      programmeId,
      dirtyVersion,
      id,
    ])) as SnapshotRow[];
    return snapshot;
  }
}
