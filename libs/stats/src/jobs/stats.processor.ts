import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  JobName,
  JobPayloads,
  queryRows,
  QueueProcessor,
  StatsTrigger,
  workerOptions,
} from '@cascade/platform';
import { RollupResult, RollupService } from '../rollup/rollup.service';
import { PROGRAMMES_DUE_SQL } from '../rollup/snapshots.sql';

type StatsJob =
  | Job<JobPayloads['stats']['rollup'], unknown, 'rollup'>
  | Job<JobPayloads['stats']['sweep'], unknown, 'sweep'>;

export interface SweepResult {
  requested: string[];
}

/** The stats queue: rollups, and the 10-minute sweep that re-requests what is still behind. */
@Processor('stats', workerOptions)
export class StatsProcessor extends QueueProcessor<'stats'> {
  readonly queue = 'stats' as const;
  readonly handles: JobName<'stats'>[] = ['rollup', 'sweep'];
  private readonly logger = new Logger(StatsProcessor.name);

  constructor(
    private readonly rollups: RollupService,
    private readonly trigger: StatsTrigger,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async process(job: Job): Promise<RollupResult | SweepResult | null> {
    const typed = job as StatsJob;
    switch (typed.name) {
      case 'rollup':
        return this.rollup(typed.data.programmeId);
      case 'sweep':
        return this.sweep();
      default:
        throw new Error(`stats: no handler for job ${job.name}`);
    }
  }

  private async rollup(programmeId: string): Promise<RollupResult | null> {
    const result = await this.rollups.rollup(programmeId);
    // A write committed while this ran: ask for one more (kept until this job ends).
    if (result?.behind) await this.trigger.requestRollup(programmeId);
    return result;
  }

  private async sweep(): Promise<SweepResult> {
    const due = await queryRows<{ id: string }>(this.db, PROGRAMMES_DUE_SQL);
    for (const { id } of due) await this.trigger.requestRollup(id);
    if (due.length > 0) this.logger.log(`sweep: rollup requested for ${due.length} programme(s)`);
    return { requested: due.map(({ id }) => id) };
  }
}
