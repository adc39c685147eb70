import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers, JobPayloads, QueueProcessor, requestDue, workerOptions } from '@cascade/platform';
import { CertificationQueue } from './certification-queue';
import { CertificationEvaluator, PROGRAMMES_DUE_FOR_EVALUATION } from './certification-evaluator';

export interface EvaluationResult {
  issued: number;
  revoked: number;
}

/** The certification queue: evaluations, and the sweep that re-requests those Redis may have lost. */
@Processor('certification', workerOptions)
export class CertificationProcessor extends QueueProcessor<'certification'> {
  readonly queue = 'certification' as const;
  private readonly logger = new Logger(CertificationProcessor.name);
  protected readonly handlers: JobHandlers<'certification'> = {
    evaluate: (job) => this.evaluate(job.data),
    sweep: () =>
      requestDue(
        this.db,
        PROGRAMMES_DUE_FOR_EVALUATION,
        (id) => this.certification.requestMarkedEvaluation(id),
        {
          logger: this.logger,
          what: 'evaluation',
        },
      ),
  };

  constructor(
    private readonly evaluator: CertificationEvaluator,
    private readonly certification: CertificationQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  private async evaluate({
    programmeId,
    personIds,
  }: JobPayloads['certification']['evaluate']): Promise<EvaluationResult> {
    const changes = await this.evaluator.evaluate(programmeId, personIds);
    const issued = changes.filter((c) => c.change === 'issue').length;
    const revoked = changes.length - issued;
    if (changes.length > 0) this.logger.log(`programme ${programmeId}: ${issued} issued, ${revoked} revoked`);
    return { issued, revoked };
  }
}
