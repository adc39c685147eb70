import { PoolClient } from 'pg';
import { ReportHeading } from '../content/report-content';
import { formatDate, formatInstant, formatNumber, formatPercent } from '../i18n/report-format';
import { ReportLabels } from '../i18n/report-labels';
import { ReportKind } from '../report-requests/report-kinds';
import { ReportRequest } from '../report-requests/report-request.entity';

/** Kinds made of several tables; the others are one list, which a CSV holds as header and rows. */
const MULTI_SECTION_KINDS: ReadonlySet<ReportKind> = new Set([
  'programme-summary',
  'data-quality',
  'cascade-analytics',
]);

interface ScopeNames {
  programme: string;
  /** The credential's title in the report's language, its issuer, and the programme's dates. */
  credential?: string;
  issuer?: string;
  period?: { startsOn: string; endsOn: string };
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
  const { rows } = await client.query<{
    name: string;
    credential: string | null;
    issuer: string | null;
    startsOn: string;
    endsOn: string;
  }>(
    `SELECT name, CASE WHEN $2 THEN coalesce(credential->>'titleMn', credential->>'title') ELSE credential->>'title' END AS credential,
            credential->>'issuer' AS issuer, starts_on::text AS "startsOn", ends_on::text AS "endsOn"
       FROM programmes WHERE id = $1`,
    [request.programmeId, mn],
  );
  const programme = rows[0];
  const names: ScopeNames = {
    programme: programme?.name ?? request.programmeId,
    credential: programme?.credential ?? undefined,
    issuer: programme?.issuer ?? undefined,
    period: programme && { startsOn: programme.startsOn, endsOn: programme.endsOn },
  };
  // Round and cohort names in the report's language where a Mongolian name exists; slugs stay Latin-first.
  const named = mn ? 'coalesce(name_mn, name)' : 'name';
  if (cohortId) {
    const row = await one(`SELECT ${named} AS name, name AS slug FROM cohorts WHERE id = $1`, cohortId);
    names.scope = { label: labels.meta.cohort, ...row };
  } else if (roundId) {
    const row = await one(
      `SELECT number || '. ' || ${named} AS name, 'round-' || number AS slug FROM cascade_rounds WHERE id = $1`,
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

/** The headline figures of the title page, as the figures API answers them. */
export interface HeadlineFigures {
  participants: number;
  completers: number;
  certified: number;
  completionRate: number;
  certificationRate: number;
  aiAdoptionRate: number;
  computedAt: string;
}

export function reportHeading(
  request: ReportRequest,
  labels: ReportLabels,
  names: ScopeNames,
  now: Date,
  figures?: HeadlineFigures,
): ReportHeading {
  const { language } = request;
  const { meta, columns } = labels;
  const period = names.period
    ? `${formatDate(names.period.startsOn, language)} – ${formatDate(names.period.endsOn, language)}`
    : undefined;
  const lines = [
    `${meta.programme}: ${names.programme}`,
    names.credential && `${meta.credential}: ${names.credential}`,
    names.issuer && `${meta.issuer}: ${names.issuer}`,
    period && `${meta.period}: ${period}`,
    `${meta.scope}: ${names.scope ? `${names.scope.label} ${names.scope.name}` : meta.wholeProgramme}`,
    `${meta.generatedAt}: ${formatInstant(now, language)}`,
  ].filter((line): line is string => Boolean(line));
  return {
    title: labels.kinds[request.kind],
    lines,
    figures: figures && [
      { label: columns.participants, value: formatNumber(figures.participants, language) },
      { label: columns.completers, value: formatNumber(figures.completers, language) },
      { label: columns.certified, value: formatNumber(figures.certified, language) },
      { label: columns.completionRate, value: formatPercent(figures.completionRate, language) },
      { label: columns.certificationRate, value: formatPercent(figures.certificationRate, language) },
      { label: columns.aiAdoptionRate, value: formatPercent(figures.aiAdoptionRate, language) },
      { label: meta.figuresAsOf, value: formatInstant(figures.computedAt, language) },
    ],
    language,
    tabular: !MULTI_SECTION_KINDS.has(request.kind),
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
