import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers, QueueProcessor, requestDue, workerOptions } from '@cascade/platform';
import {
  CredentialIssuer,
  IssueResult,
  PROGRAMMES_WITH_PENDING_CREDENTIALS,
} from './credential-issuer.service';
import { CredentialQueue } from './credential-queue';

/** The credentials queue: signing after certification, and the sweep that finds what Redis lost. */
@Processor('credentials', workerOptions)
export class CredentialsProcessor extends QueueProcessor<'credentials'> {
  readonly queue = 'credentials' as const;
  private readonly logger = new Logger(CredentialsProcessor.name);
  protected readonly handlers: JobHandlers<'credentials'> = {
    issue: (job) => this.issue(job.data.programmeId),
    sweep: () =>
      requestDue(this.db, PROGRAMMES_WITH_PENDING_CREDENTIALS, (id) => this.credentials.requestIssue(id)),
  };

  constructor(
    private readonly issuer: CredentialIssuer,
    private readonly credentials: CredentialQueue,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super();
  }

  private async issue(programmeId: string): Promise<IssueResult> {
    const result = await this.issuer.issuePending(programmeId);
    if (result.issued > 0) this.logger.log(`programme ${programmeId}: ${result.issued} credentials issued`);
    return result;
  }
}
