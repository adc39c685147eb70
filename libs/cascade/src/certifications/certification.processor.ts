import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, JobPayloads, queryRows, QueueProcessor, workerOptions } from '@cascade/platform';
import { CertificationQueue } from './certification-queue';
import { CertificationEvaluator, PROGRAMMES_DUE_FOR_EVALUATION } from './certification-evaluator';

type CertificationJob =
  | Job<JobPayloads['certification']['evaluate'], unknown, 'evaluate'>
  | Job<JobPayloads['certification']['sweep'], unknown, 'sweep'>;

export interface EvaluationResult {
  issued: number;
  revoked: number;
}

export interface CertificationSweepResult {
  requested: string[];
}

/** The certification queue: evaluations, and the sweep that re-requests those Redis may have lost. */
@Processor('certification', workerOptions)
export class CertificationProcessor extends QueueProcessor<'certification'> {
  readonly queue = 'certification' as const;
  readonly handles: JobName<'certification'>[] = ['evaluate', 'sweep'];
  private readonly logger = new Logger(CertificationProcessor.name);

  constructor(
    private readonly evaluator: CertificationEvaluator,
    private readonly certification: CertificationQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async process(job: Job): Promise<EvaluationResult | CertificationSweepResult> {
    const typed = job as CertificationJob;
    switch (typed.name) {
      case 'evaluate':
        return this.evaluate(typed.data);
      case 'sweep':
        return this.sweep();
      default:
        throw new Error(`certification: no handler for job ${job.name}`);
    }
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

  private async sweep(): Promise<CertificationSweepResult> {
    const due = await queryRows<{ id: string }>(this.db, PROGRAMMES_DUE_FOR_EVALUATION);
    for (const { id } of due) await this.certification.requestEvaluation(id);
    if (due.length > 0) this.logger.log(`sweep: evaluation requested for ${due.length} programme(s)`);
    return { requested: due.map(({ id }) => id) };
  }
}
