import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainError, JobPayloads, StatsTrigger } from '@cascade/platform';
import { RollupJobView } from '../figures/figures.view';
import { PROGRAMME_EXISTS_SQL } from '../figures/snapshot-reads.sql';

type StatsJobData = JobPayloads['stats'][keyof JobPayloads['stats']];

/** Asks for a rollup on demand and tells how that job is doing. */
@Injectable()
export class RollupRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue('stats') private readonly queue: Queue<StatsJobData>,
    private readonly trigger: StatsTrigger,
  ) {}

  /** The pending rollup of the programme (an existing one when one already waits). */
  async refresh(programmeId: string): Promise<RollupJobView> {
    await this.assertProgramme(programmeId);
    const jobId = await this.trigger.requestRollup(programmeId);
    if (jobId === undefined)
      throw new ServiceUnavailableException('stats: the job queue is unreachable; try again');
    return this.job(programmeId, jobId);
  }

  async job(programmeId: string, jobId: string): Promise<RollupJobView> {
    const job = await this.queue.getJob(jobId);
    const data = job?.data as Partial<JobPayloads['stats']['rollup']> | undefined;
    if (!job || job.name !== 'rollup' || data?.programmeId !== programmeId) {
      throw DomainError.notFound(`rollup job of programme ${programmeId}`, jobId);
    }
    const state = await job.getState();
    return { jobId, state, ...(job.failedReason ? { failedReason: job.failedReason } : {}) };
  }

  private async assertProgramme(programmeId: string): Promise<void> {
    const rows: unknown[] = await this.db.query(PROGRAMME_EXISTS_SQL, [programmeId]);
    if (rows.length === 0) throw DomainError.notFound('programme', programmeId);
  }
}
