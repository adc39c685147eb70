import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { defaultJobOptions, enqueueAfterCommit, JobPayloads } from '@cascade/platform';

type EvaluatePayload = JobPayloads['certification']['evaluate'];

/**
 * One waiting evaluation per programme (or per programme and person, or of its marked people): a
 * change while one waits adds nothing, since the waiting one reads the data when it runs; a change
 * while one runs leaves exactly one to run after it (keepLastIfActive).
 */
function deduplicationOf(payload: EvaluatePayload): JobsOptions {
  const { programmeId, personIds } = payload;
  const only = (id: string): JobsOptions => ({ deduplication: { id, keepLastIfActive: true } });
  if (!personIds) return only(`evaluate-${programmeId}`);
  if (personIds.length === 0) return only(`evaluate-${programmeId}-marked`);
  if (personIds.length === 1) return only(`evaluate-${programmeId}-${personIds[0]}`);
  return {};
}

/** Enqueues the certification evaluation; call after the commit of the change it follows. */
@Injectable()
export class CertificationQueue {
  private readonly logger = new Logger(CertificationQueue.name);

  constructor(@InjectQueue('certification') private readonly queue: Queue<EvaluatePayload>) {}

  /**
   * The change is committed and the evaluation is idempotent: when it cannot be enqueued now, the
   * certification sweep (or any later change of the programme) catches up. personIds: the people
   * the change named, to whom the evaluation adds those the programme's marks name
   * (CertificationEvaluator); none: the whole programme.
   */
  async requestEvaluation(programmeId: string, personIds?: string[]): Promise<string | undefined> {
    const payload: EvaluatePayload = personIds ? { programmeId, personIds } : { programmeId };
    return enqueueAfterCommit(this.logger, this.queue, 'evaluate', payload, {
      ...defaultJobOptions,
      ...deduplicationOf(payload),
    });
  }

  /** An evaluation of the people the programme's marks name (the sweep's, for changes whose request Redis lost). */
  requestMarkedEvaluation(programmeId: string): Promise<string | undefined> {
    return this.requestEvaluation(programmeId, []);
  }
}
