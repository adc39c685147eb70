import { DataSource } from 'typeorm';
import { Actor, DomainError, queryRows } from '@cascade/platform';
import { CascadeAccess } from '@cascade/cascade';
import { CERTIFIED_COUNT_SQL } from '../content/certified.source';
import { MENTORS_COUNT_SQL } from '../content/mentoring.source';
import { ROSTER_COUNT_SQL } from '../content/roster.source';
import { CreateReportDto } from './report-request.dto';
import { PDF_ROW_LIMIT, ReportParams, SCOPED_KINDS } from './report-kinds';

const SCOPE_FIELDS = ['cohortId', 'roundId', 'regionId'] as const;

/**
 * Checks a report request before anything is written or queued: 400 for parameters that do not
 * fit the kind or the programme, 404 for records that do not exist, 403 for what a master
 * teacher may not see. Returns the params to store.
 */
export async function checkReportRequest(
  db: DataSource,
  access: CascadeAccess,
  dto: CreateReportDto,
  actor: Actor,
): Promise<ReportParams> {
  const given = SCOPE_FIELDS.filter((field) => dto[field] !== undefined);
  if (given.length > 0 && !SCOPED_KINDS.has(dto.kind)) {
    throw DomainError.invalid(
      `${given[0]}: only cohort-roster can be narrowed to a cohort, a round or a region`,
    );
  }
  if (given.length > 1)
    throw DomainError.invalid(`${given[1]}: give at most one of cohortId, roundId, regionId`);

  const [programme] = await queryRows<{ id: string }>(db, `SELECT id FROM programmes WHERE id = $1`, [
    dto.programmeId,
  ]);
  if (!programme) throw DomainError.notFound('programme', dto.programmeId);
  const params: ReportParams = {};
  if (dto.cohortId) {
    const [cohort] = await queryRows<{ name: string; programme_id: string }>(
      db,
      `SELECT name, programme_id FROM cohorts WHERE id = $1`,
      [dto.cohortId],
    );
    if (!cohort) throw DomainError.notFound('cohort', dto.cohortId);
    if (cohort.programme_id !== dto.programmeId) {
      throw DomainError.invalid(`cohortId: cohort '${cohort.name}' belongs to another programme`);
    }
    if (actor.role === 'master_teacher' && !(await access.leadsCohortId(actor, dto.cohortId))) {
      throw DomainError.forbidden(`cohortId: you do not lead cohort '${cohort.name}'`);
    }
    params.cohortId = dto.cohortId;
  }
  if (dto.roundId) {
    const [round] = await queryRows<{ name: string; programme_id: string }>(
      db,
      `SELECT name, programme_id FROM cascade_rounds WHERE id = $1`,
      [dto.roundId],
    );
    if (!round) throw DomainError.notFound('round', dto.roundId);
    if (round.programme_id !== dto.programmeId) {
      throw DomainError.invalid(`roundId: round '${round.name}' belongs to another programme`);
    }
    params.roundId = dto.roundId;
  }
  if (dto.regionId) {
    const [region] = await queryRows<{ id: string }>(db, `SELECT id FROM regions WHERE id = $1`, [
      dto.regionId,
    ]);
    if (!region) throw DomainError.notFound('region', dto.regionId);
    params.regionId = dto.regionId;
  }

  if (actor.role === 'master_teacher') Object.assign(params, masterTeacherScope(dto, actor));
  if (dto.format === 'pdf') await checkPdfLength(db, dto, params);
  return params;
}

/** A master teacher gets the roster of a cohort they lead, or their own mentoring activity. */
function masterTeacherScope(dto: CreateReportDto, actor: Actor): ReportParams {
  if (!actor.personId) throw DomainError.forbidden('role: your user is not linked to a person');
  if (dto.kind === 'cohort-roster') {
    if (!dto.cohortId)
      throw DomainError.forbidden(
        'cohortId: a master teacher may export the roster of a cohort they lead only',
      );
    return {};
  }
  if (dto.kind === 'mentoring-activity') return { mentorId: actor.personId };
  throw DomainError.forbidden(`kind: a master teacher may not export ${dto.kind}`);
}

/** A PDF is for reading: a list longer than PDF_ROW_LIMIT rows is refused, CSV and XLSX have no limit. */
async function checkPdfLength(db: DataSource, dto: CreateReportDto, params: ReportParams): Promise<void> {
  const counts: Record<string, [string, unknown[]] | undefined> = {
    'cohort-roster': [
      ROSTER_COUNT_SQL,
      [dto.programmeId, params.cohortId ?? null, params.roundId ?? null, params.regionId ?? null],
    ],
    'mentoring-activity': [MENTORS_COUNT_SQL, [dto.programmeId, params.mentorId ?? null]],
    'certified-list': [CERTIFIED_COUNT_SQL, [dto.programmeId]],
  };
  const count = counts[dto.kind];
  if (!count) return;
  const [{ rows }] = await queryRows<{ rows: number }>(
    db,
    `SELECT count(*)::int AS rows FROM (${count[0]}) counted`,
    count[1],
  );
  if (rows > PDF_ROW_LIMIT) {
    throw DomainError.invalid(
      `format: a PDF holds at most ${PDF_ROW_LIMIT} rows and this ${dto.kind} has ${rows}; ask for csv or xlsx`,
    );
  }
}
