import { DataSource } from 'typeorm';
import { TestApp } from './support/app';
import { waitFor } from './support/wait';
import {
  makeCohort,
  makeCourse,
  makeInstitution,
  makeMasterTeacher,
  makeProgramme,
  makeRound,
} from './support/factories';

export const HEADER = 'fullName,email,institution,discipline,gender,preferredLanguage';
export const BOM = '\uFEFF';

export interface ImportState {
  id: string;
  status: string;
  progress: number;
  totalRows: number;
  createdRows: number;
  updatedRows: number;
  unchangedRows: number;
  enrolledRows: number;
  errorRows: number;
  error: string | null;
}

export interface UploadOptions {
  cohortId?: string;
  fileName?: string;
  contentType?: string;
  field?: string;
}

/** POST /imports/roster with the file as multipart/form-data. */
export function upload(t: TestApp, token: string, content: string | Buffer, options: UploadOptions = {}) {
  const req = t.http
    .post('/api/v1/imports/roster')
    .set('Authorization', `Bearer ${token}`)
    .attach(options.field ?? 'file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), {
      filename: options.fileName ?? 'roster.csv',
      contentType: options.contentType ?? 'text/csv',
    });
  return options.cohortId ? req.field('cohortId', options.cohortId) : req;
}

/** Polls the import until it is done or failed; fails the test past the deadline. */
export async function waitForImport(
  t: TestApp,
  token: string,
  id: string,
  deadlineMs = 30_000,
): Promise<ImportState> {
  return waitFor(
    `import ${id} done or failed`,
    async () => {
      const res = await t.http
        .get(`/api/v1/imports/${id}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const state = res.body as ImportState;
      return state.status === 'done' || state.status === 'failed' ? state : undefined;
    },
    deadlineMs,
  );
}

/** Uploads, expects 202, and waits for the worker to finish. */
export async function importRoster(
  t: TestApp,
  token: string,
  content: string | Buffer,
  options: UploadOptions = {},
): Promise<ImportState> {
  const res = await upload(t, token, content, options);
  expect(res.status).toBe(202);
  expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
  return waitForImport(t, token, res.body.id);
}

export function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

export interface ImportFixture {
  programmeId: string;
  leadTrainerId: string;
  otherTrainerId: string;
  roundId: string;
  courseIds: string[];
  darkhanId: string;
  mnueId: string;
}

/** Two institutions named in both languages, a programme with two master teachers and a round. */
export async function buildImportFixture(db: DataSource): Promise<ImportFixture> {
  const darkhanId = await makeInstitution(db, {
    name: 'Darkhan Teachers College',
    name_mn: 'Дарханы багшийн коллеж',
  });
  const mnueId = await makeInstitution(db, {
    name: 'Mongolian National University of Education',
    name_mn: 'Монгол Улсын Боловсролын Их Сургууль',
  });
  const { programmeId } = await makeProgramme(db);
  const leadTrainerId = await makeMasterTeacher(db, programmeId);
  const otherTrainerId = await makeMasterTeacher(db, programmeId);
  const roundId = await makeRound(db, programmeId);
  const courseIds = [await makeCourse(db)];
  return { programmeId, leadTrainerId, otherTrainerId, roundId, courseIds, darkhanId, mnueId };
}

export function cohortOf(
  db: DataSource,
  f: ImportFixture,
  fields: Record<string, unknown> = {},
): Promise<string> {
  return makeCohort(db, {
    programmeId: f.programmeId,
    roundId: f.roundId,
    leadTrainerId: f.leadTrainerId,
    courseIds: f.courseIds,
    ...fields,
  });
}
