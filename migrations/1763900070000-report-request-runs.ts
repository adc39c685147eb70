import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report run holds its request by run_id and beats heartbeat_at while it works: a running
 * request whose run stopped beating (a dead worker, a job BullMQ failed for stalling) can be
 * claimed again, and a run that was taken over writes nothing more.
 */
export class ReportRequestRuns1763900070000 implements MigrationInterface {
  name = 'ReportRequestRuns1763900070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_requests ADD COLUMN run_id uuid, ADD COLUMN heartbeat_at timestamptz`);
    await q.query(`
      CREATE INDEX ix_report_requests_open ON report_requests (created_at)
       WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_report_requests_open`);
    await q.query(`ALTER TABLE report_requests DROP COLUMN heartbeat_at, DROP COLUMN run_id`);
  }
}
