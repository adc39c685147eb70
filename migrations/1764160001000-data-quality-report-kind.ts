import { MigrationInterface, QueryRunner } from 'typeorm';

const KIND = 'data-quality';

/**
 * Lets report_requests hold the data-quality kind. The kinds already allowed are read from the
 * constraint itself and kept, so this adds one kind whatever other migrations allowed before it.
 */
export class DataQualityReportKind1764160001000 implements MigrationInterface {
  name = 'DataQualityReportKind1764160001000';

  async up(q: QueryRunner): Promise<void> {
    const kinds = await allowedKinds(q);
    if (!kinds.includes(KIND)) await allowKinds(q, [...kinds, KIND]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM report_requests WHERE kind = $1`, [KIND]);
    await allowKinds(
      q,
      (await allowedKinds(q)).filter((kind) => kind !== KIND),
    );
  }
}

async function allowedKinds(q: QueryRunner): Promise<string[]> {
  const [{ definition }]: { definition: string }[] = await q.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'ck_report_requests_kind'`,
  );
  return [...definition.matchAll(/'([^']+)'/g)].map((match) => match[1]);
}

async function allowKinds(q: QueryRunner, kinds: string[]): Promise<void> {
  const list = kinds.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(',');
  await q.query(`
    ALTER TABLE report_requests DROP CONSTRAINT ck_report_requests_kind,
      ADD CONSTRAINT ck_report_requests_kind CHECK (kind IN (${list}))`);
}
