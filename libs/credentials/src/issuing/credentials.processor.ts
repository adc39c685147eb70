import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, JobPayloads, queryRows, QueueProcessor, workerOptions } from '@cascade/platform';
import {
  CredentialIssuer,
  IssueResult,
  PROGRAMMES_WITH_PENDING_CREDENTIALS,
} from './credential-issuer.service';
import { CredentialQueue } from './credential-queue';

type CredentialsJob =
  | Job<JobPayloads['credentials']['issue'], unknown, 'issue'>
  | Job<JobPayloads['credentials']['sweep'], unknown, 'sweep'>;

/** The credentials queue: signing after certification, and the sweep that finds what Redis lost. */
@Processor('credentials', workerOptions)
export class CredentialsProcessor extends QueueProcessor<'credentials'> {
  readonly queue = 'credentials' as const;
  readonly handles: JobName<'credentials'>[] = ['issue', 'sweep'];
  private readonly logger = new Logger(CredentialsProcessor.name);

  constructor(
    private readonly issuer: CredentialIssuer,
    private readonly credentials: CredentialQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  async process(job: Job): Promise<IssueResult | { requested: string[] }> {
    const typed = job as CredentialsJob;
    switch (typed.name) {
      case 'issue': {
        const result = await this.issuer.issuePending(typed.data.programmeId);
        if (result.issued > 0)
          this.logger.log(`programme ${typed.data.programmeId}: ${result.issued} credentials issued`);
        return result;
      }
      case 'sweep': {
        const due = await queryRows<{ id: string }>(this.db, PROGRAMMES_WITH_PENDING_CREDENTIALS);
        for (const { id } of due) await this.credentials.requestIssue(id);
        return { requested: due.map(({ id }) => id) };
      }
      default:
        throw new Error(`credentials: no handler for job ${job.name}`);
    }
  }
}
