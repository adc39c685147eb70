import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { WRITE_SNAPSHOT_SQL } from './figures.sql';
import { REACH } from './generations.sql';
import { queryPlanned, sizeClassOf } from './plan-reuse';
import {
  ANALYZE_MEMBERSHIPS_SQL,
  ANALYZE_PARTICIPANTS_SQL,
  createSql,
  FILL_MEMBERSHIPS_AND_MENTEES_SQL,
  fillSql,
  MEMBERS,
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

const ANALYZE_ABOVE_ROWS = 50_000;

/** Working sets in the order they are created (each may read the ones before it). */
const WORKING_SETS = [MEMBERSHIPS, MENTEES, REACH, participants(0), MEMBERS];

/** Database sessions (pooled connections) whose working-set tables exist, committed. */
const sessionsWithWorkingSets = new WeakSet<object>();

export interface RollupResult {
  programmeId: string;
  snapshotId: string;
  computedAt: string;
  /** The programme's dirty version the snapshot reflects. */
  dirtyVersion: number;
  /** True when records changed while the rollup ran: another rollup is due. */
  behind: boolean;
  durationMs: number;
}

/**
 * Turns a programme's records into one snapshot of the figures of every scope: set-based SQL in
 * one REPEATABLE READ transaction, so all scopes are as of one instant. Safe to run twice (a
 * new snapshot of the same records) and concurrently (a per-programme advisory lock).
 */
@Injectable()
export class RollupService {
  private readonly logger = new Logger(RollupService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when the programme does not exist (nothing to roll up). */
  async rollup(programmeId: string): Promise<RollupResult | null> {
    const runner = this.db.createQueryRunner();
    const session = (await runner.connect()) as object;
    try {
      await runner.query(LOCK_SQL, [programmeId]);
      try {
        const result = await this.snapshot(runner, session, programmeId);
        if (!result) return null;
        const [{ behind }] = (await runner.query(MARK_ROLLED_SQL, [programmeId, result.dirtyVersion])) as {
          behind: boolean;
        }[];
        this.logger.log(`programme ${programmeId}: snapshot ${result.snapshotId} in ${result.durationMs} ms`);
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
  ): Promise<Omit<RollupResult, 'behind'> | null> {
    const started = Date.now();
    // Statements, not TypeORM's startTransaction: BEGIN_SQL is one round trip where it takes three.
    await runner.query(BEGIN_SQL);
    try {
      const [state] = (await runner.query(READ_DIRTY_VERSION_SQL, [programmeId])) as {
        dirty_version: string;
        core_courses: number;
      }[];
      if (!state) {
        await runner.query('COMMIT');
        return null;
      }
      if (!sessionsWithWorkingSets.has(session)) {
        for (const set of WORKING_SETS) {
          await runner.query(createSql(set), set.select.includes('$1') ? [programmeId] : []);
        }
      }
      const dirtyVersion = Number(state.dirty_version);
      const { affected } = await runner.query(FILL_MEMBERSHIPS_AND_MENTEES_SQL, [programmeId], true);
      const memberships = affected ?? 0;
      // Statistics pay off only when the working sets are big; on small ones ANALYZE is the cost.
      const analyse = memberships > ANALYZE_ABOVE_ROWS;
      const sizeClass = analyse ? null : sizeClassOf(memberships);
      if (analyse) await runner.query(ANALYZE_MEMBERSHIPS_SQL);
      await queryPlanned(runner, sizeClass, fillSql(REACH), [programmeId]);
      await queryPlanned(runner, sizeClass, fillSql(participants(state.core_courses)), [programmeId]);
      if (analyse) await runner.query(ANALYZE_PARTICIPANTS_SQL);
      await queryPlanned(runner, sizeClass, fillSql(MEMBERS));
      const [snapshot] = (await queryPlanned(runner, sizeClass, WRITE_SNAPSHOT_SQL, [
        programmeId,
        dirtyVersion,
      ])) as {
        id: string;
        computed_at: Date;
      }[];
      const durationMs = Date.now() - started;
      await runner.query(setDurationAndCommitSql(String(snapshot.id), durationMs));
      sessionsWithWorkingSets.add(session);
      return {
        programmeId,
        snapshotId: String(snapshot.id),
        computedAt: snapshot.computed_at.toISOString(),
        dirtyVersion,
        durationMs,
      };
    } catch (error) {
      // A lost connection fails the ROLLBACK too ("Query runner already released"): keep the first error.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
