import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mongolia's 21 aimags and the capital, ISO 3166-2:MN. */
const REGIONS: [code: string, name: string, nameMn: string][] = [
  ['MN-1', 'Ulaanbaatar', 'Улаанбаатар'],
  ['MN-073', 'Arkhangai', 'Архангай'],
  ['MN-069', 'Bayankhongor', 'Баянхонгор'],
  ['MN-071', 'Bayan-Ölgii', 'Баян-Өлгий'],
  ['MN-067', 'Bulgan', 'Булган'],
  ['MN-037', 'Darkhan-Uul', 'Дархан-Уул'],
  ['MN-061', 'Dornod', 'Дорнод'],
  ['MN-063', 'Dornogovi', 'Дорноговь'],
  ['MN-059', 'Dundgovi', 'Дундговь'],
  ['MN-065', 'Govi-Altai', 'Говь-Алтай'],
  ['MN-064', 'Govisümber', 'Говьсүмбэр'],
  ['MN-039', 'Khentii', 'Хэнтий'],
  ['MN-043', 'Khovd', 'Ховд'],
  ['MN-041', 'Khövsgöl', 'Хөвсгөл'],
  ['MN-053', 'Ömnögovi', 'Өмнөговь'],
  ['MN-035', 'Orkhon', 'Орхон'],
  ['MN-055', 'Övörkhangai', 'Өвөрхангай'],
  ['MN-049', 'Selenge', 'Сэлэнгэ'],
  ['MN-051', 'Sükhbaatar', 'Сүхбаатар'],
  ['MN-047', 'Töv', 'Төв'],
  ['MN-046', 'Uvs', 'Увс'],
  ['MN-057', 'Zavkhan', 'Завхан'],
];

export class CreateFoundation1763900000000 implements MigrationInterface {
  name = 'CreateFoundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq_regions_code UNIQUE,
        name text NOT NULL,
        name_mn text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE institutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_mn text NOT NULL,
        region_id uuid NOT NULL CONSTRAINT fk_institutions_region REFERENCES regions(id),
        kind text NOT NULL CONSTRAINT ck_institutions_kind CHECK (kind IN ('university','college','institute','other')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_institutions_name UNIQUE (name)
      )`);
    await q.query(`CREATE INDEX ix_institutions_region ON institutions (region_id)`);
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name text NOT NULL,
        email text NOT NULL,
        institution_id uuid NOT NULL CONSTRAINT fk_people_institution REFERENCES institutions(id),
        discipline text,
        gender text CONSTRAINT ck_people_gender CHECK (gender IN ('female','male','other')),
        preferred_language text NOT NULL DEFAULT 'mn' CONSTRAINT ck_people_language CHECK (preferred_language IN ('mn','en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_people_email ON people (lower(email))`);
    await q.query(`CREATE INDEX ix_people_institution ON people (institution_id)`);
    await q.query(`CREATE INDEX ix_people_full_name ON people (lower(full_name) text_pattern_ops)`);
    await q.query(`
      CREATE TABLE courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT uq_courses_code UNIQUE,
        title text NOT NULL,
        title_mn text NOT NULL,
        workload_hours int NOT NULL CONSTRAINT ck_courses_workload CHECK (workload_hours > 0),
        ects numeric(5,1) CONSTRAINT ck_courses_ects CHECK (ects IS NULL OR ects > 0),
        learning_outcomes text[] NOT NULL DEFAULT '{}',
        language text NOT NULL DEFAULT 'mn' CONSTRAINT ck_courses_language CHECK (language IN ('mn','en')),
        delivery_modes text[] NOT NULL DEFAULT '{}'
          CONSTRAINT ck_courses_delivery_modes CHECK (delivery_modes <@ ARRAY['online','face_to_face','hybrid']),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CONSTRAINT ck_users_role CHECK (role IN ('admin','coordinator','master_teacher','viewer')),
        person_id uuid CONSTRAINT fk_users_person REFERENCES people(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_users_email ON users (lower(email))`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_email text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id text,
        request_id text,
        status_code int,
        changes jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_events_entity ON audit_events (entity, entity_id)`);
    await q.query(`CREATE INDEX ix_audit_events_actor ON audit_events (actor_user_id)`);

    const values = REGIONS.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ');
    await q.query(`INSERT INTO regions (code, name, name_mn) VALUES ${values}`, REGIONS.flat());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events, users, courses, people, institutions, regions`);
  }
}
