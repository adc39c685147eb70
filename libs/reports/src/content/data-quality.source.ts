import {
  checkListSql,
  COUNTS_SQL,
  DATA_QUALITY_CHECKS,
  DataQualityCheck,
  DataQualityRow,
} from '@cascade/quality';
import { dataQualityLabels, DataQualityLabels } from '../i18n/data-quality-labels';
import { CellValue, Column, ReportContext, ReportEvent, ReportSource } from './report-content';
import { listSection } from './row-stream';

/**
 * data-quality: how many records of the programme each check finds, then one list per check.
 * It reads the checks' own SQL (libs/quality), so the report and the console never disagree.
 */
export const dataQualitySource: ReportSource = {
  async prepare(context: ReportContext) {
    const { rows } = await context.client.query<{ check: DataQualityCheck; count: number }>(COUNTS_SQL, [
      context.programmeId,
      context.overdueDays,
    ]);
    const counts = new Map(rows.map((row) => [row.check, row.count]));
    const listed = DATA_QUALITY_CHECKS.reduce((sum, check) => sum + (counts.get(check) ?? 0), 0);
    return {
      expectedRows: DATA_QUALITY_CHECKS.length + listed,
      events: dataQualityEvents(context, counts),
    };
  },
};

async function* dataQualityEvents(
  context: ReportContext,
  counts: Map<DataQualityCheck, number>,
): AsyncGenerator<ReportEvent> {
  const words = dataQualityLabels(context.language);
  yield {
    type: 'section',
    title: words.summary,
    columns: [
      { key: 'check', label: words.check, type: 'text', width: 50 },
      { key: 'count', label: words.count, type: 'integer', width: 10 },
    ],
  };
  yield {
    type: 'rows',
    rows: DATA_QUALITY_CHECKS.map((check) => [words.checks[check], counts.get(check) ?? 0]),
  };
  for (const check of DATA_QUALITY_CHECKS) {
    const { columns, toValues } = checkColumns(context, words, check);
    yield* listSection<DataQualityRow>(
      context,
      { title: words.checks[check], columns },
      { sql: checkListSql(check), params: [context.programmeId, context.overdueDays] },
      toValues,
    );
  }
}

function checkColumns(context: ReportContext, words: DataQualityLabels, check: DataQualityCheck) {
  const { columns: labels } = context.labels;
  const columns: Column[] = [
    { key: 'fullName', label: labels.fullName, type: 'text', width: 26 },
    { key: 'cohort', label: labels.cohort, type: 'text', width: 20 },
  ];
  const detail = words.detail[check];
  if (detail) columns.push({ key: 'detail', label: detail, type: 'text', width: 24 });
  columns.push({ key: 'since', label: words.since[check], type: 'date', width: 14 });
  const toValues = (row: DataQualityRow): CellValue[] => [
    row.fullName,
    row.cohortName ?? '',
    ...(detail ? [row.detail ?? ''] : []),
    row.since,
  ];
  return { columns, toValues };
}
