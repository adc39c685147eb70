import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { WRITE_FIGURES_SQL } from './figures.sql';
import {
  GENERATION_NEXT_LEVEL_SQL,
  GENERATION_ROOTS_SQL,
  GENERATIONS_TABLE_SQL,
  MAX_GENERATIONS,
  TRAINER_EDGES_SQL,
} from './generations.sql';
import {
  ANALYZE_MEMBERSHIPS_SQL,
  ANALYZE_PARTICIPANTS_SQL,
  MEMBERS_SQL,
  MEMBERSHIPS_SQL,
  MENTEES_SQL,
  participantsSql,
} from './scratch.sql';
import {
  INSERT_SNAPSHOT_SQL,
  LOCK_SQL,
  MARK_ROLLED_SQL,
  PRUNE_SNAPSHOTS_SQL,
  READ_DIRTY_VERSION_SQL,
  SET_DURATION_SQL,
  UNLOCK_SQL,
} from './snapshots.sql';

const ANALYZE_ABOVE_ROWS = 50_000;

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
    await runner.connect();
    try {
      await runner.query(LOCK_SQL, [programmeId]);
      try {
        const result = await this.snapshot(runner, programmeId);
        if (!result) return null;
        const [{ dirty_version: dirtyNow }] = (await runner.query(MARK_ROLLED_SQL, [
          programmeId,
          result.dirtyVersion,
        ])) as { dirty_version: string }[];
        const behind = Number(dirtyNow) > result.dirtyVersion;
        this.logger.log(`programme ${programmeId}: snapshot ${result.snapshotId} in ${result.durationMs} ms`);
        return { ...result, behind };
      } finally {
        await runner.query(UNLOCK_SQL, [programmeId]);
      }
    } finally {
      await runner.release();
    }
  }

  private async snapshot(
    runner: QueryRunner,
    programmeId: string,
  ): Promise<Omit<RollupResult, 'behind'> | null> {
    const started = Date.now();
    await runner.startTransaction('REPEATABLE READ');
    try {
      // A batch job over the whole programme: hash joins and aggregates in memory, not on disk.
      await runner.query(`SET LOCAL work_mem = '256MB'`);
      // Many mid-sized statements: compiling each with JIT costs more than it saves.
      await runner.query(`SET LOCAL jit = off`);
      const [state] = (await runner.query(READ_DIRTY_VERSION_SQL, [programmeId])) as {
        dirty_version: string;
        core_courses: number;
      }[];
      if (!state) {
        await runner.commitTransaction();
        return null;
      }
      const dirtyVersion = Number(state.dirty_version);
      const { affected: memberships } = await runner.query(MEMBERSHIPS_SQL, [programmeId], true);
      // Statistics pay off only when the working sets are big; on small ones ANALYZE is the cost.
      const analyse = (memberships ?? 0) > ANALYZE_ABOVE_ROWS;
      if (analyse) await runner.query(ANALYZE_MEMBERSHIPS_SQL);
      await this.generations(runner, programmeId);
      await runner.query(MENTEES_SQL, [programmeId]);
      await runner.query(participantsSql(state.core_courses), [programmeId]);
      if (analyse) await runner.query(ANALYZE_PARTICIPANTS_SQL);
      await runner.query(MEMBERS_SQL);
      const [snapshot] = (await runner.query(INSERT_SNAPSHOT_SQL, [programmeId, dirtyVersion])) as {
        id: string;
        computed_at: Date;
      }[];
      await runner.query(WRITE_FIGURES_SQL, [programmeId, snapshot.id]);
      await runner.query(PRUNE_SNAPSHOTS_SQL, [programmeId]);
      const durationMs = Date.now() - started;
      await runner.query(SET_DURATION_SQL, [snapshot.id, durationMs]);
      await runner.commitTransaction();
      return {
        programmeId,
        snapshotId: String(snapshot.id),
        computedAt: snapshot.computed_at.toISOString(),
        dirtyVersion,
        durationMs,
      };
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  /** The trainers' generations: one set-based statement per cascade level, until a level adds nobody. */
  private async generations(runner: QueryRunner, programmeId: string): Promise<void> {
    await runner.query(TRAINER_EDGES_SQL, [programmeId]);
    await runner.query(GENERATIONS_TABLE_SQL);
    await runner.query(GENERATION_ROOTS_SQL, [programmeId]);
    for (let level = 1; level <= MAX_GENERATIONS; level++) {
      const { affected } = await runner.query(GENERATION_NEXT_LEVEL_SQL, [level], true);
      if (!affected) return;
    }
    throw new Error(
      `stats: programme ${programmeId} has a cascade deeper than ${MAX_GENERATIONS} generations`,
    );
  }
}
