import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { CertificationListener } from '@cascade/cascade';
import { defaultJobOptions, enqueueAfterCommit, JobPayloads } from '@cascade/platform';
import { StatusListsService } from '../status/status-lists.service';

type IssuePayload = JobPayloads['credentials']['issue'];

/**
 * The credentials side of a certification change: a revocation flips the status bits in the
 * revoking transaction; an issue enqueues the signing job after commit (one waiting per programme).
 */
@Injectable()
export class CredentialQueue implements CertificationListener {
  private readonly logger = new Logger(CredentialQueue.name);

  constructor(
    @InjectQueue('credentials') private readonly queue: Queue<IssuePayload>,
    private readonly statusLists: StatusListsService,
  ) {}

  revokedIn(tx: EntityManager, certificationIds: string[]): Promise<void> {
    return this.statusLists.revokeIn(tx, certificationIds);
  }

  async issued(programmeId: string): Promise<void> {
    await this.requestIssue(programmeId);
  }

  /** The certifications are committed: when this cannot be enqueued now, the credentials sweep finds them. */
  requestIssue(programmeId: string): Promise<string | undefined> {
    return enqueueAfterCommit(
      this.logger,
      this.queue,
      'issue',
      { programmeId },
      {
        ...defaultJobOptions,
        deduplication: { id: `issue-${programmeId}`, keepLastIfActive: true },
      },
    );
  }
}
