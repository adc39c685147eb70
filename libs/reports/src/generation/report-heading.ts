import { PoolClient } from 'pg';
import { ReportHeading } from '../content/report-content';
import { ReportLabels } from '../i18n/report-labels';
import { ReportRequest } from '../report-requests/report-request.entity';

interface ScopeNames {
  programme: string;
  /** The name that narrows the report (cohort, round, region, mentor), when one does. */
  scope?: { label: string; name: string; slug: string };
}

/** Names of the programme and of the scope, in the report's language. */
export async function scopeNames(
  client: PoolClient,
  request: ReportRequest,
  labels: ReportLabels,
): Promise<ScopeNames> {
  const mn = request.language === 'mn';
  const { cohortId, roundId, regionId, mentorId } = request.params;
  const one = async (sql: string, id: string) =>
    (await client.query<{ name: string; slug: string }>(sql, [id])).rows[0];
  const { rows } = await client.query<{ name: string }>(`SELECT name FROM programmes WHERE id = $1`, [
    request.programmeId,
  ]);
  const names: ScopeNames = { programme: rows[0]?.name ?? request.programmeId };
  if (cohortId) {
    const row = await one(`SELECT name, name AS slug FROM cohorts WHERE id = $1`, cohortId);
    names.scope = { label: labels.meta.cohort, ...row };
  } else if (roundId) {
    const row = await one(
      `SELECT number || '. ' || name AS name, 'round-' || number AS slug FROM cascade_rounds WHERE id = $1`,
      roundId,
    );
    names.scope = { label: labels.meta.round, ...row };
  } else if (regionId) {
    const row = await one(
      `SELECT ${mn ? 'name_mn' : 'name'} AS name, name AS slug FROM regions WHERE id = $1`,
      regionId,
    );
    names.scope = { label: labels.meta.region, ...row };
  } else if (mentorId) {
    const row = await one(`SELECT full_name AS name, full_name AS slug FROM people WHERE id = $1`, mentorId);
    names.scope = { label: labels.meta.mentor, ...row };
  }
  return names;
}

export function reportHeading(
  request: ReportRequest,
  labels: ReportLabels,
  names: ScopeNames,
  now: Date,
): ReportHeading {
  return {
    title: labels.kinds[request.kind],
    lines: [
      `${labels.meta.programme}: ${names.programme}`,
      `${labels.meta.scope}: ${names.scope ? `${names.scope.label} ${names.scope.name}` : labels.meta.wholeProgramme}`,
      `${labels.meta.generatedAt}: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ],
    tabular: request.kind !== 'programme-summary',
  };
}

/** A readable name: `cohort-roster-darkhan-2-2026-11-23.xlsx` (letters of any script are kept). */
export function reportFileName(request: ReportRequest, names: ScopeNames, now: Date): string {
  const subject = names.scope?.slug ?? names.programme;
  return `${request.kind}-${slug(subject)}-${now.toISOString().slice(0, 10)}.${request.format}`;
}

function slug(text: string): string {
  const slugged = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slugged || 'report';
}
