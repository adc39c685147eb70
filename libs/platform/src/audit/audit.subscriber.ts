import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { auditContext } from './audit-context';
import { AuditService } from './audit.service';

/**
 * The audit event of a write request is written by the first transaction the request commits,
 * as its last statement before COMMIT: the change and its event commit together or not at all.
 * A failed insert rolls the change back (the client's retry is then right); a crash cannot
 * keep one without the other. No service has to remember it.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.db.subscribers.push(this);
  }

  async beforeTransactionCommit({ queryRunner, manager }: TransactionCommitEvent): Promise<void> {
    const pending = auditContext.getStore();
    if (!pending || pending.committedId || pending.committing) return;
    pending.committing = queryRunner; // before the await: a concurrent commit leaves it to this one
    pending.committingId = await this.audit.record(pending.actor, pending.entry, manager);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const pending = auditContext.getStore();
    if (!pending || pending.committing !== queryRunner || queryRunner.isTransactionActive) return;
    pending.committedId = pending.committingId;
    pending.committing = undefined;
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const pending = auditContext.getStore();
    if (!pending || queryRunner.isTransactionActive) return;
    if (pending.committing !== queryRunner) return;
    pending.committing = undefined; // the event went with the change: a later commit writes it
    pending.committingId = undefined;
  }
}
