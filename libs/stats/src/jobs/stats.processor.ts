import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers, QueueProcessor, requestDue, StatsTrigger, workerOptions } from '@cascade/platform';
import { RollupResult, RollupService } from '../rollup/rollup.service';
import { PROGRAMMES_DUE_SQL } from '../rollup/snapshots.sql';

/** The stats queue: rollups, and the 10-minute sweep that re-requests what is still behind. */
@Processor('stats', workerOptions)
export class StatsProcessor extends QueueProcessor<'stats'> {
  readonly queue = 'stats' as const;
  private readonly logger = new Logger(StatsProcessor.name);
  protected readonly handlers: JobHandlers<'stats'> = {
    rollup: (job) => this.rollup(job.data.programmeId),
    sweep: () =>
      requestDue(this.db, PROGRAMMES_DUE_SQL, (id) => this.trigger.requestRollup(id), {
        logger: this.logger,
        what: 'rollup',
      }),
  };

  constructor(
    private readonly rollups: RollupService,
    private readonly trigger: StatsTrigger,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  private async rollup(programmeId: string): Promise<RollupResult | null> {
    const result = await this.rollups.rollup(programmeId);
    // A write committed while this ran: ask for one more (kept until this job ends).
    if (result?.behind) await this.trigger.requestRollup(programmeId);
    return result;
  }
}
