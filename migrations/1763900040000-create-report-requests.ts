import { MigrationInterface, QueryRunner } from 'typeorm';

/** A report request is the unit of work of the exports queue: PostgreSQL owns it, Redis only carries it. */
export class CreateReportRequests1763900040000 implements MigrationInterface {
  name = 'CreateReportRequests1763900040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL CONSTRAINT fk_report_requests_requested_by REFERENCES users(id),
        programme_id uuid NOT NULL CONSTRAINT fk_report_requests_programme REFERENCES programmes(id),
        kind text NOT NULL CONSTRAINT ck_report_requests_kind
          CHECK (kind IN ('programme-summary','cohort-roster','mentoring-activity','certified-list')),
        format text NOT NULL CONSTRAINT ck_report_requests_format CHECK (format IN ('csv','xlsx','pdf')),
        language text NOT NULL CONSTRAINT ck_report_requests_language CHECK (language IN ('mn','en')),
        params jsonb NOT NULL DEFAULT '{}' CONSTRAINT ck_report_requests_params CHECK (jsonb_typeof(params) = 'object'),
        status text NOT NULL DEFAULT 'queued' CONSTRAINT ck_report_requests_status
          CHECK (status IN ('queued','running','done','failed','expired')),
        progress int NOT NULL DEFAULT 0 CONSTRAINT ck_report_requests_progress CHECK (progress BETWEEN 0 AND 100),
        row_count bigint CONSTRAINT ck_report_requests_row_count CHECK (row_count IS NULL OR row_count >= 0),
        file_path text,
        file_name text,
        content_type text,
        size_bytes bigint CONSTRAINT ck_report_requests_size CHECK (size_bytes IS NULL OR size_bytes >= 0),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz,
        CONSTRAINT ck_report_requests_started CHECK (status = 'queued' OR started_at IS NOT NULL),
        CONSTRAINT ck_report_requests_done CHECK (status <> 'done' OR (
          progress = 100 AND row_count IS NOT NULL AND file_path IS NOT NULL AND file_name IS NOT NULL
          AND content_type IS NOT NULL AND size_bytes IS NOT NULL AND finished_at IS NOT NULL AND expires_at IS NOT NULL)),
        CONSTRAINT ck_report_requests_failed CHECK (status <> 'failed' OR (error IS NOT NULL AND finished_at IS NOT NULL)),
        CONSTRAINT ck_report_requests_dates CHECK (finished_at IS NULL OR finished_at >= started_at)
      )`);
    await q.query(
      `CREATE INDEX ix_report_requests_requested_by ON report_requests (requested_by, created_at DESC)`,
    );
    await q.query(`CREATE INDEX ix_report_requests_programme ON report_requests (programme_id)`);
    // What the periodic cleanup looks for: lost jobs and files past their time.
    await q.query(
      `CREATE INDEX ix_report_requests_pending ON report_requests (created_at) WHERE status IN ('queued','running')`,
    );
    await q.query(
      `CREATE INDEX ix_report_requests_expiring ON report_requests (expires_at) WHERE status = 'done'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_requests`);
  }
}
