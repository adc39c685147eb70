import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A roster's row errors go to their own table, batch by batch in the batch's transaction, so a
 * file of 550,000 bad rows never holds its report in the worker's memory; the jsonb column that
 * held the whole report goes.
 */
export class ImportErrorsTable1764190100000 implements MigrationInterface {
  name = 'ImportErrorsTable1764190100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_errors (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        import_id uuid NOT NULL CONSTRAINT fk_import_errors_import REFERENCES imports(id) ON DELETE CASCADE,
        row int NOT NULL,
        field text NOT NULL,
        message text NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_import_errors_import_row ON import_errors (import_id, row, id)`);
    await q.query(`
      INSERT INTO import_errors (import_id, row, field, message)
      SELECT i.id, (e->>'row')::int, e->>'field', e->>'message'
        FROM imports i, jsonb_array_elements(i.errors) WITH ORDINALITY AS x(e, n) ORDER BY i.id, x.n`);
    await q.query(`ALTER TABLE imports DROP COLUMN errors`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE imports ADD COLUMN errors jsonb NOT NULL DEFAULT '[]'
        CONSTRAINT ck_imports_errors CHECK (jsonb_typeof(errors) = 'array')`);
    await q.query(`
      UPDATE imports i SET errors = e.report
        FROM (SELECT import_id, jsonb_agg(jsonb_build_object('row', row, 'field', field, 'message', message)
                                          ORDER BY row, id) AS report
                FROM import_errors GROUP BY import_id) e
       WHERE e.import_id = i.id`);
    await q.query(`DROP TABLE import_errors`);
  }
}
