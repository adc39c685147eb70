/** The reports an administrator can hand to a ministry, and how they can be asked for. */
export const REPORT_KINDS = [
  'programme-summary',
  'cohort-roster',
  'mentoring-activity',
  'certified-list',
  'data-quality',
  'cascade-analytics',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LANGUAGES = ['mn', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What narrows a report, stored as the request's `params`. */
export interface ReportParams {
  cohortId?: string;
  roundId?: string;
  regionId?: string;
  /** Set for a master teacher's mentoring-activity: the report covers only themselves as mentor. */
  mentorId?: string;
}

/** Only the roster can be narrowed to a cohort, a round or a region. */
export const SCOPED_KINDS: ReadonlySet<ReportKind> = new Set(['cohort-roster']);

/**
 * A PDF is for reading, not for a million rows: a list report in PDF is refused above this many
 * rows (at request time), and capped at it if the data grew before the job ran.
 */
export const PDF_ROW_LIMIT = 5000;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
