import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainError, INTERNAL_FAILURE, JobPayloads, queryRows, StatsTrigger } from '@cascade/platform';
import { RollupJobView } from '../figures/figures.view';
import { VERSIONS_SQL } from '../figures/snapshot-reads.sql';

type StatsJobData = JobPayloads['stats'][keyof JobPayloads['stats']];

interface Versions {
  dirtyVersion: number;
  snapshotVersion: number | null;
  lowestPending: number | null;
}

/** Whether the latest snapshot includes every write up to `asked`: covered, and none of them still pending. */
const covers = ({ snapshotVersion, lowestPending }: Versions, asked: number) =>
  snapshotVersion !== null && snapshotVersion >= asked && (lowestPending === null || lowestPending > asked);

/**
 * Asks for a rollup on demand and tells how that job is doing, and whether the figures include
 * the writes made before the request: the job's state alone cannot tell, because a request
 * while a rollup runs is answered with the running job, and the rollup that includes the
 * writes is the one BullMQ keeps to run after it.
 */
@Injectable()
export class RollupRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue('stats') private readonly queue: Queue<StatsJobData>,
    private readonly trigger: StatsTrigger,
  ) {}

  /**
   * The pending rollup of the programme (an existing one when one already waits or runs), with
   * the dirty version read before it was asked for: every write the caller committed.
   */
  async refresh(programmeId: string): Promise<RollupJobView> {
    const { dirtyVersion } = await this.versions(programmeId);
    const jobId = await this.trigger.requestRollup(programmeId);
    if (jobId === undefined)
      throw new ServiceUnavailableException('stats: the job queue is unreachable; try again');
    return this.job(programmeId, jobId, dirtyVersion);
  }

  /** Without dirtyVersion: whether the figures include every write committed so far. */
  async job(programmeId: string, jobId: string, dirtyVersion?: number): Promise<RollupJobView> {
    const job = await this.queue.getJob(jobId);
    const data = job?.data as Partial<JobPayloads['stats']['rollup']> | undefined;
    if (!job || job.name !== 'rollup' || data?.programmeId !== programmeId) {
      throw DomainError.notFound(`rollup job of programme ${programmeId}`, jobId);
    }
    const state = await job.getState();
    const versions = await this.versions(programmeId);
    const asked = dirtyVersion ?? versions.dirtyVersion;
    return {
      jobId,
      state,
      // BullMQ keeps the error's own text (paths, SQL); the worker log has it, the client does not.
      ...(job.failedReason ? { failedReason: INTERNAL_FAILURE } : {}),
      dirtyVersion: asked,
      snapshotVersion: versions.snapshotVersion,
      coversVersion: covers(versions, asked),
    };
  }

  private async versions(programmeId: string): Promise<Versions> {
    const [row] = await queryRows<Versions>(this.db, VERSIONS_SQL, [programmeId]);
    if (!row) throw DomainError.notFound('programme', programmeId);
    return row;
  }
}
