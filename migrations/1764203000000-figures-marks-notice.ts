import { MigrationInterface, QueryRunner } from 'typeorm';
import { CONSUMERS, MARK } from './1764200000000-figures-dirty-marks';

/**
 * A transaction's first mark of a programme also tells the client, as a NOTICE carried by the
 * statement's own answer: the application learns which programmes to request rollups for
 * without a `current_setting` round trip before every commit (issue 19).
 */
export const MARK_WITH_NOTICE = `
  CREATE OR REPLACE FUNCTION mark_figures_dirty(programme_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    marked text := coalesce(current_setting('cascade.dirty_programmes', true), '');
    added text;
  BEGIN
    IF cardinality(programme_ids) = 0 THEN RETURN; END IF;
    INSERT INTO figures_dirty_marks (programme_id, consumer)
    SELECT p.id, c.consumer
      FROM (SELECT DISTINCT id FROM unnest(programme_ids) id WHERE id IS NOT NULL) p,
           unnest(ARRAY[${CONSUMERS}]) c(consumer);
    SELECT string_agg(DISTINCT id, ',') INTO added
      FROM unnest(programme_ids::text[]) id
     WHERE id IS NOT NULL AND NOT id = ANY (string_to_array(marked, ','));
    IF added IS NULL THEN RETURN; END IF;
    PERFORM set_config('cascade.dirty_programmes', concat_ws(',', nullif(marked, ''), added), true);
    RAISE NOTICE 'cascade.dirty_programmes %', added;
  END $$`;

export class FiguresMarksNotice1764203000000 implements MigrationInterface {
  name = 'FiguresMarksNotice1764203000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(MARK_WITH_NOTICE);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(MARK);
  }
}
