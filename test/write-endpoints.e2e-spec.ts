import { randomUUID } from 'crypto';
import { writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { RollupService } from '@cascade/stats';
import { createTestApp, TestApp } from './support/app';
import { resetDatabase } from './support/database';
import { makeInstitution, makeMasterTeacher, makePerson, regionId } from './support/factories';

/**
 * Walks every write endpoint of the API, in an order that builds one programme, and proves for
 * each: (1) when its audit event cannot be written, the request fails and nothing is stored —
 * the event is in the change's transaction; (2) when it succeeds it leaves exactly one event;
 * (3) when it changed a figure (the rollup now computes different figures than just before),
 * the programme was marked dirty by the same write.
 */

interface Call {
  method: 'post' | 'patch' | 'delete';
  path: string;
  body?: object;
  file?: { field: string; content: string; name: string };
}

interface Step {
  /** The route as the OpenAPI document names it. */
  route: string;
  prepare: () => Promise<Call>;
  keep?: (body: Record<string, unknown>) => void;
}

const s: Record<string, string> = {};
const kept = (key: string) => (body: Record<string, unknown>) => void (s[key] = body.id as string);
const today = '2025-05-01';
const session = (clientRef: string) => ({
  clientRef,
  occurredAt: '2025-03-04T10:30:00+08:00',
  durationMinutes: 45,
  mode: 'online',
  topics: ['lesson planning'],
  notes: 'Reviewed a lesson plan',
});

describe('every write endpoint: its audit event commits with it, and a figure it changes is marked', () => {
  let t: TestApp;
  let admin: string;
  let rollups: RollupService;

  // Regions are reference data that resetDatabase keeps.
  const removeWalkRegions = () => t.db.query(`DELETE FROM regions WHERE code = 'MN-981'`);

  beforeAll(async () => {
    await resetDatabase();
    t = await createTestApp();
    await removeWalkRegions();
    rollups = new RollupService(t.db);
    admin = await t.tokenFor('admin');
    s.region = await regionId(t.db);
  });
  afterAll(async () => {
    await removeWalkRegions();
    await t.close();
  });

  const steps: Step[] = [
    {
      route: 'POST /api/v1/users',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/users',
        body: { email: `walk-${randomUUID()}@test.local`, password: 'a-long-password-1', role: 'viewer' },
      }),
      keep: kept('user'),
    },
    {
      route: 'PATCH /api/v1/users/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/users/${s.user}`,
        body: { role: 'coordinator' },
      }),
    },
    {
      route: 'POST /api/v1/users/{id}/password-reset',
      prepare: async () => ({ method: 'post', path: `/api/v1/users/${s.user}/password-reset` }),
    },
    {
      route: 'POST /api/v1/regions',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/regions',
        body: { code: 'MN-981', name: 'Walk aimag', nameMn: 'Аймаг' },
      }),
      keep: kept('newRegion'),
    },
    {
      route: 'PATCH /api/v1/regions/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/regions/${s.newRegion}`,
        body: { name: 'Walked' },
      }),
    },
    {
      route: 'POST /api/v1/institutions',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/institutions',
        body: { name: 'Walk College', nameMn: 'Коллеж', kind: 'college', regionId: s.region },
      }),
      keep: kept('institution'),
    },
    {
      route: 'POST /api/v1/courses',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/courses',
        body: {
          code: 'WALK-1',
          title: 'Walk',
          titleMn: 'Алхам',
          workloadHours: 5,
          learningOutcomes: [],
          language: 'en',
          deliveryModes: ['online'],
        },
      }),
      keep: kept('course'),
    },
    {
      route: 'PATCH /api/v1/courses/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/courses/${s.course}`,
        body: { workloadHours: 12 },
      }),
    },
    {
      route: 'POST /api/v1/people',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/people',
        body: {
          fullName: 'Walk Participant',
          email: 'walk.participant@test.local',
          institutionId: s.institution,
        },
      }),
      keep: kept('participant'),
    },
    {
      route: 'POST /api/v1/programmes',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/programmes',
        body: {
          name: 'Walk programme',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
          coreCourseIds: [s.course],
          passMark: 60,
          credential: { title: 'Walk', level: 'micro-credential', issuer: 'National Centre' },
        },
      }),
      keep: kept('programme'),
    },
    {
      route: 'PATCH /api/v1/programmes/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/programmes/${s.programme}`,
        body: { passMark: 70 },
      }),
    },
    {
      route: 'POST /api/v1/programmes/{id}/master-teachers',
      prepare: async () => {
        s.master = await makePerson(t.db, { institution_id: s.institution });
        return {
          method: 'post',
          path: `/api/v1/programmes/${s.programme}/master-teachers`,
          body: { personId: s.master, trainedOn: '2025-01-10', regionIds: [s.region] },
        };
      },
    },
    {
      route: 'POST /api/v1/programmes/{id}/rounds',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/programmes/${s.programme}/rounds`,
        body: {
          number: 1,
          name: 'Round 1',
          startsOn: '2025-02-01',
          endsOn: '2025-11-30',
          targetParticipants: 100,
          regionIds: [s.region],
        },
      }),
      keep: kept('round'),
    },
    {
      route: 'PATCH /api/v1/programmes/{id}/rounds/{roundId}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/programmes/${s.programme}/rounds/${s.round}`,
        body: { targetParticipants: 50 },
      }),
    },
    {
      route: 'POST /api/v1/cohorts',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/cohorts',
        body: {
          roundId: s.round,
          name: 'Walk cohort',
          regionId: s.region,
          leadTrainerId: s.master,
          courseIds: [s.course],
          deliveryMode: 'hybrid',
          capacity: 30,
          startsOn: '2025-03-01',
          endsOn: '2025-06-30',
        },
      }),
      keep: kept('cohort'),
    },
    {
      route: 'PATCH /api/v1/cohorts/{id}',
      prepare: async () => ({ method: 'patch', path: `/api/v1/cohorts/${s.cohort}`, body: { capacity: 25 } }),
    },
    {
      route: 'POST /api/v1/cohorts/{id}/enrolments',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/cohorts/${s.cohort}/enrolments`,
        body: { personId: s.participant, enrolledOn: '2025-03-01' },
      }),
      keep: kept('enrolment'),
    },
    {
      // After the enrolment: the participant's institution moves to another region, and so do they.
      route: 'PATCH /api/v1/institutions/{id}',
      prepare: async () => {
        const [{ id }] = await t.db.query(
          `SELECT id FROM regions WHERE id <> $1 AND code <> 'MN-981' LIMIT 1`,
          [s.region],
        );
        return { method: 'patch', path: `/api/v1/institutions/${s.institution}`, body: { regionId: id } };
      },
    },
    {
      route: 'POST /api/v1/enrolments/{id}/completions',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/enrolments/${s.enrolment}/completions`,
        body: { courseId: s.course, completedOn: today, score: 50 },
      }),
      keep: kept('completion'),
    },
    {
      route: 'PATCH /api/v1/enrolments/{id}/completions/{completionId}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/enrolments/${s.enrolment}/completions/${s.completion}`,
        body: { score: 90 },
      }),
    },
    {
      route: 'POST /api/v1/cohorts/{id}/completions/batch',
      prepare: async () => {
        const [{ id }] = await t.db.query(
          `INSERT INTO courses (code, title, title_mn, workload_hours, learning_outcomes, language, delivery_modes)
           VALUES ('WALK-2', 'Walk two', 'Алхам 2', 5, '{}', 'en', '{online}') RETURNING id`,
        );
        s.course2 = id;
        await t.db.query(`UPDATE cohorts SET course_ids = course_ids || $2::uuid WHERE id = $1`, [
          s.cohort,
          id,
        ]);
        return {
          method: 'post',
          path: `/api/v1/cohorts/${s.cohort}/completions/batch`,
          body: {
            completions: [
              {
                clientRef: 'walk-batch-1',
                personId: s.participant,
                courseId: id,
                completedOn: today,
                score: 80,
              },
            ],
          },
        };
      },
    },
    {
      route: 'DELETE /api/v1/enrolments/{id}/completions/{completionId}',
      prepare: async () => {
        const [{ id }] = await t.db.query(
          `SELECT id FROM course_completions WHERE enrolment_id = $1 AND course_id = $2`,
          [s.enrolment, s.course2],
        );
        return { method: 'delete', path: `/api/v1/enrolments/${s.enrolment}/completions/${id}` };
      },
    },
    {
      route: 'POST /api/v1/programmes/{id}/certifications',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/programmes/${s.programme}/certifications`,
        body: { personId: s.participant },
      }),
      keep: (body) => void (s.certification = (body.certification as { id: string }).id),
    },
    {
      route: 'POST /api/v1/certifications/{id}/revoke',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/certifications/${s.certification}/revoke`,
        body: { reason: 'walking every write' },
      }),
    },
    {
      route: 'POST /api/v1/certifications/revoke',
      prepare: async () => {
        // Asking for an evaluation lifts the manual revocation's block and issues again.
        const issued = await t.http
          .post(`/api/v1/programmes/${s.programme}/certifications`)
          .auth(admin, { type: 'bearer' })
          .send({ personId: s.participant });
        if (!issued.body.certification) throw new Error(`not issued again: ${JSON.stringify(issued.body)}`);
        return {
          method: 'post',
          path: '/api/v1/certifications/revoke',
          body: { certificationIds: [issued.body.certification.id], reason: 'walking a bulk revocation' },
        };
      },
    },
    {
      route: 'POST /api/v1/ai-adoptions',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/ai-adoptions',
        body: {
          personId: s.participant,
          programmeId: s.programme,
          observedOn: '2025-06-10',
          kind: 'assessment',
          description: 'Uses AI to draft quizzes',
        },
      }),
      keep: kept('adoption'),
    },
    {
      route: 'POST /api/v1/ai-adoptions/{id}/verify',
      prepare: async () => ({ method: 'post', path: `/api/v1/ai-adoptions/${s.adoption}/verify`, body: {} }),
    },
    {
      route: 'POST /api/v1/mentoring/assignments',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/mentoring/assignments',
        body: {
          programmeId: s.programme,
          mentorId: s.master,
          menteeId: s.participant,
          startsOn: '2025-01-01',
        },
      }),
      keep: kept('assignment'),
    },
    {
      route: 'PATCH /api/v1/mentoring/assignments/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/mentoring/assignments/${s.assignment}`,
        body: { goals: 'Plan lessons with AI' },
      }),
    },
    {
      route: 'POST /api/v1/mentoring/assignments/{id}/sessions',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/mentoring/assignments/${s.assignment}/sessions`,
        body: session('walk-1'),
      }),
      keep: kept('session'),
    },
    {
      route: 'POST /api/v1/mentoring/sessions/batch',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/mentoring/sessions/batch',
        body: { sessions: [{ assignmentId: s.assignment, ...session('walk-2') }] },
      }),
    },
    {
      route: 'PATCH /api/v1/mentoring/sessions/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/mentoring/sessions/${s.session}`,
        body: { durationMinutes: 60 },
      }),
    },
    {
      route: 'POST /api/v1/mentoring/assignments/{id}/reassign',
      prepare: async () => ({
        method: 'post',
        path: `/api/v1/mentoring/assignments/${s.assignment}/reassign`,
        body: { mentorId: await makeMasterTeacher(t.db, s.programme), startsOn: '2025-04-01' },
      }),
    },
    {
      route: 'PATCH /api/v1/people/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/people/${s.participant}`,
        body: { institutionId: await makeInstitution(t.db) },
      }),
    },
    {
      route: 'PATCH /api/v1/enrolments/{id}',
      prepare: async () => ({
        method: 'patch',
        path: `/api/v1/enrolments/${s.enrolment}`,
        body: { status: 'withdrawn' },
      }),
    },
    {
      route: 'DELETE /api/v1/programmes/{id}/master-teachers/{personId}',
      prepare: async () => {
        const person = await makePerson(t.db);
        await t.db.query(
          `INSERT INTO master_teachers (programme_id, person_id, trained_on, region_ids) VALUES ($1, $2, '2025-01-10', $3)`,
          [s.programme, person, [s.region]],
        );
        return { method: 'delete', path: `/api/v1/programmes/${s.programme}/master-teachers/${person}` };
      },
    },
    {
      route: 'POST /api/v1/programmes/{id}/stats/refresh',
      prepare: async () => ({ method: 'post', path: `/api/v1/programmes/${s.programme}/stats/refresh` }),
    },
    {
      route: 'POST /api/v1/reports',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/reports',
        body: { programmeId: s.programme, kind: 'programme-summary', format: 'csv', language: 'en' },
      }),
      keep: kept('report'),
    },
    {
      route: 'POST /api/v1/reports/{id}/link',
      prepare: async () => {
        // No worker here: the report is made done by hand, with a file where the worker would put it.
        const filePath = join(tmpdir(), `walk-report-${randomUUID()}.csv`);
        await writeFile(filePath, 'walk\n');
        await t.db.query(
          `UPDATE report_requests
              SET status = 'done', progress = 100, row_count = 1, file_path = $2, file_name = 'walk.csv',
                  content_type = 'text/csv', size_bytes = 5, started_at = now(), finished_at = now(),
                  expires_at = now() + interval '1 day'
            WHERE id = $1`,
          [s.report, filePath],
        );
        return { method: 'post', path: `/api/v1/reports/${s.report}/link` };
      },
    },
    {
      route: 'POST /api/v1/queue-board/session',
      prepare: async () => ({ method: 'post', path: '/api/v1/queue-board/session' }),
    },
    {
      route: 'POST /api/v1/imports/roster',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/imports/roster',
        body: { cohortId: s.cohort },
        file: {
          field: 'file',
          name: 'roster.csv',
          content: 'fullName,email,institution\nWalk Importee,walk.importee@test.local,Walk College\n',
        },
      }),
    },
    {
      route: 'POST /api/v1/imports/completions',
      prepare: async () => ({
        method: 'post',
        path: '/api/v1/imports/completions',
        body: { cohortId: s.cohort },
        file: {
          field: 'file',
          name: 'completions.csv',
          content: `email,courseCode,completedOn,score\nwalk.participant@test.local,WALK-2,${today},75\n`,
        },
      }),
    },
  ];

  /** Not audited: they have no signed-in actor, and store nothing. */
  const UNAUDITED = ['POST /api/v1/auth/login', 'POST /api/v1/public/verifications'];

  it('has a step for every write endpoint the API documents', async () => {
    const document = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect([...steps.map((step) => step.route), ...UNAUDITED].sort()).toEqual([...new Set(writes)].sort());
  });

  function send(call: Call, requestId: string): request.Test {
    const req = t.http[call.method](call.path).auth(admin, { type: 'bearer' }).set('x-request-id', requestId);
    if (!call.file) return call.body ? req.send(call.body) : req;
    const form = req.attach(call.file.field, Buffer.from(call.file.content), call.file.name);
    for (const [key, value] of Object.entries(call.body ?? {})) form.field(key, String(value));
    return form;
  }

  /** Every table's rows, hashed: equal fingerprints mean nothing was stored. */
  async function fingerprint(): Promise<string> {
    const tables: { name: string }[] = await t.db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    const hashes: string[] = [];
    for (const { name } of tables) {
      const [{ hash }] = await t.db.query(
        `SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS hash FROM "${name}" r`,
      );
      hashes.push(`${name}:${hash}`);
    }
    return hashes.join(',');
  }

  /** The figures the rollup computes now (a fresh snapshot), or null before the programme exists. */
  async function figuresNow(): Promise<string | null> {
    if (!s.programme) return null;
    const result = await rollups.rollup(s.programme);
    // Every figure of the snapshot: the scopes' and the trainers' (cascade analytics).
    const rows = await t.db.query(
      `SELECT to_jsonb(f) - 'snapshot_id' AS figures FROM stats_figures f WHERE snapshot_id = $1
       UNION ALL
       SELECT to_jsonb(f) - 'snapshot_id' FROM stats_trainer_figures f WHERE snapshot_id = $1
       ORDER BY 1`,
      [result!.snapshotId],
    );
    return JSON.stringify(rows);
  }

  async function dirtyVersion(): Promise<number> {
    const [row] = await t.db.query(`SELECT figures_dirty_version($1) AS dirty_version`, [
      s.programme ?? null,
    ]);
    return Number(row?.dirty_version ?? 0);
  }

  async function failAudit<T>(run: () => Promise<T>): Promise<T> {
    await t.db.query(`
      CREATE OR REPLACE FUNCTION walk_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
    await t.db.query(
      `CREATE TRIGGER walk_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION walk_fail_audit()`,
    );
    try {
      return await run();
    } finally {
      await t.db.query(`DROP TRIGGER walk_fail_audit ON audit_events`);
    }
  }

  const changedFigures: string[] = [];

  describe.each(steps.map((step) => [step.route, step] as const))('%s', (_route, step) => {
    it('stores nothing when its audit event cannot be written, then stores one event with the change, and marks a figure it changes', async () => {
      const call = await step.prepare();
      const before = await figuresNow();
      const stored = await fingerprint();
      const refused = await failAudit(() => send(call, `walk-${randomUUID()}`));
      expect(refused.status).toBe(500);
      await expect(fingerprint()).resolves.toBe(stored);

      const dirtyBefore = await dirtyVersion();
      const requestId = `walk-${randomUUID()}`;
      const res = await send(call, requestId);
      expect([200, 201, 202, 204]).toContain(res.status);
      step.keep?.(res.body as Record<string, unknown>);
      const events = await t.db.query(`SELECT action FROM audit_events WHERE request_id = $1`, [requestId]);
      expect(events).toEqual([{ action: step.route.replace(/\{(\w+)\}/g, ':$1') }]);
      const after = await figuresNow();
      if (before !== null && after !== before) {
        changedFigures.push(step.route);
        expect(await dirtyVersion()).toBeGreaterThan(dirtyBefore);
      }
    });
  });

  it('saw figures change where the issue found them unmarked (the check above is not empty)', () => {
    expect(changedFigures).toEqual(
      expect.arrayContaining([
        'PATCH /api/v1/people/{id}',
        'PATCH /api/v1/institutions/{id}',
        'POST /api/v1/programmes/{id}/rounds',
        'PATCH /api/v1/programmes/{id}/rounds/{roundId}',
        'POST /api/v1/cohorts/{id}/enrolments',
        'POST /api/v1/mentoring/sessions/batch',
      ]),
    );
  });
});
