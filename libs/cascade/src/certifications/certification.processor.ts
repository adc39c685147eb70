import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueProcessor } from '@cascade/platform';
import { CertificationEvaluator } from './certification-evaluator';

/** Runs the `certification.evaluate` job; the rule lives in the evaluator. */
@Processor('certification')
export class CertificationProcessor extends QueueProcessor<'certification'> {
  readonly queue = 'certification' as const;
  readonly handles: JobName<'certification'>[] = ['evaluate'];
  private readonly logger = new Logger(CertificationProcessor.name);

  constructor(private readonly evaluator: CertificationEvaluator) {
    super();
  }

  async process(
    job: Job<JobPayloads['certification']['evaluate']>,
  ): Promise<{ issued: number; revoked: number }> {
    const changes = await this.evaluator.evaluate(job.data.programmeId, job.data.personIds);
    const issued = changes.filter((c) => c.change === 'issue').length;
    const revoked = changes.length - issued;
    if (changes.length > 0)
      this.logger.log(`programme ${job.data.programmeId}: ${issued} issued, ${revoked} revoked`);
    return { issued, revoked };
  }
}
