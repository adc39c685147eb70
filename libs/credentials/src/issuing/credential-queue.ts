import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { CertificationListener } from '@cascade/cascade';
import { defaultJobOptions, JobPayloads } from '@cascade/platform';
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

  async requestIssue(programmeId: string): Promise<string | undefined> {
    try {
      const job = await this.queue.add(
        'issue',
        { programmeId },
        { ...defaultJobOptions, deduplication: { id: `issue-${programmeId}`, keepLastIfActive: true } },
      );
      return job.id;
    } catch (error) {
      // The certification is committed: the credentials sweep finds it without a credential.
      this.logger.warn(`credential issue for ${programmeId} not enqueued: ${(error as Error).message}`);
      return undefined;
    }
  }
}
