import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log is filtered by date as well as by user and entity. */
export class AuditEventsOccurredAt1764160000000 implements MigrationInterface {
  name = 'AuditEventsOccurredAt1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_audit_events_occurred_at`);
  }
}
