import { Injectable } from '@nestjs/common';
import { Figures, ScopeFiguresView, StatsService } from '@cascade/stats';
import { formatInstant } from '../i18n/report-format';
import { ColumnKey, ReportLabels } from '../i18n/report-labels';
import {
  CellType,
  Column,
  labelledColumn,
  PreparedReport,
  ReportContext,
  ReportEvent,
  ReportSource,
} from './report-content';

type ScopeRow = { name: string; figures: Figures };

const HEADLINE: [keyof Figures & ColumnKey, TypedCellType][] = [
  ['participants', 'integer'],
  ['institutions', 'integer'],
  ['masterTeachers', 'integer'],
  ['completers', 'integer'],
  ['certified', 'integer'],
  ['aiAdopters', 'integer'],
  ['completionRate', 'percent'],
  ['certificationRate', 'percent'],
  ['aiAdoptionRate', 'percent'],
];
type TypedCellType = 'integer' | 'decimal' | 'percent';

const MENTORING: [keyof Figures & ColumnKey, TypedCellType][] = [
  ['mentoringSessions', 'integer'],
  ['mentoringHours', 'decimal'],
  ['menteesMentored', 'integer'],
];

const SCOPE_COLUMNS: [keyof Figures & ColumnKey, CellType][] = [
  ['participants', 'integer'],
  ['institutions', 'integer'],
  ['completers', 'integer'],
  ['certified', 'integer'],
  ['aiAdopters', 'integer'],
  ['completionRate', 'percent'],
  ['certificationRate', 'percent'],
  ['aiAdoptionRate', 'percent'],
  ['mentoringSessions', 'integer'],
];

const TREND_COLUMNS: [keyof Figures & ColumnKey, CellType][] = [
  ['participants', 'integer'],
  ['completers', 'integer'],
  ['certified', 'integer'],
  ['aiAdopters', 'integer'],
  ['mentoringSessions', 'integer'],
];

/**
 * programme-summary: every figure comes from the stats snapshot (StatsService), never
 * recomputed here, so the report says exactly what the figures API says.
 */
@Injectable()
export class SummarySource implements ReportSource {
  constructor(private readonly stats: StatsService) {}

  async prepare(context: ReportContext): Promise<PreparedReport> {
    const { programmeId } = context;
    const { figures, regions, institutions, rounds, history } = await this.stats.report(programmeId);
    // Scopes by name in the language's collation (Mongolian Cyrillic order in mn); rounds keep their order.
    const collator = new Intl.Collator(context.language);
    const named = (items: ScopeFiguresView[], byName = true): ScopeRow[] =>
      items
        .map((item) => ({
          name: context.language === 'mn' ? (item.nameMn ?? item.name) : item.name,
          figures: item,
        }))
        .sort((a, b) => (byName ? collator.compare(a.name, b.name) : 0));
    const generations = Object.entries(figures.byGeneration).sort(
      ([a], [b]) => generationOrder(a) - generationOrder(b),
    );
    const { labels } = context;

    async function* events(): AsyncGenerator<ReportEvent> {
      const asOf = `${labels.meta.figuresAsOf}: ${formatInstant(figures.computedAt, context.language)}${figures.stale ? ` (${labels.meta.stale})` : ''}`;
      yield { type: 'note', text: asOf };
      yield* keyValueSection(labels, labels.sections.headline, HEADLINE, figures);
      const regionRows = named(regions);
      yield {
        type: 'chart',
        chart: {
          title: labels.meta.chartTitle,
          series: [labels.columns.participants, labels.columns.certified],
          bars: regionRows.map((row) => ({
            label: row.name,
            values: [row.figures.participants, row.figures.certified],
          })),
        },
      };
      yield* scopeSection(labels, labels.sections.byRegion, regionRows);
      yield* scopeSection(labels, labels.sections.byInstitution, named(institutions));
      yield* scopeSection(labels, labels.sections.byRound, named(rounds, false));
      yield {
        type: 'section',
        title: labels.sections.byGeneration,
        columns: [
          labelledColumn(labels, 'generation', 'text', 12),
          labelledColumn(labels, 'participants', 'integer', 12),
        ],
      };
      yield { type: 'rows', rows: generations.map(([generation, count]) => [generation, count]) };
      yield* keyValueSection(labels, labels.sections.mentoring, MENTORING, figures);
      yield {
        type: 'section',
        title: labels.sections.trend,
        columns: [
          labelledColumn(labels, 'date', 'date', 11),
          ...TREND_COLUMNS.map(([key, type]) => labelledColumn(labels, key, type, 12)),
        ],
      };
      yield {
        type: 'rows',
        rows: history.map((point) => [point.date, ...TREND_COLUMNS.map(([key]) => point[key] as number)]),
      };
    }

    const expectedRows =
      HEADLINE.length +
      MENTORING.length +
      regions.length +
      institutions.length +
      rounds.length +
      generations.length +
      history.length;
    return { expectedRows, events: events() };
  }
}

function* keyValueSection(
  labels: ReportLabels,
  title: string,
  keys: [keyof Figures & ColumnKey, TypedCellType][],
  figures: Figures,
): Generator<ReportEvent> {
  const columns: Column[] = [
    labelledColumn(labels, 'figure', 'text', 30),
    labelledColumn(labels, 'value', 'decimal', 14),
  ];
  yield { type: 'section', title, columns };
  yield {
    type: 'rows',
    rows: keys.map(([key, type]) => [labels.columns[key], { value: figures[key] as number, type }]),
  };
}

function* scopeSection(labels: ReportLabels, title: string, rows: ScopeRow[]): Generator<ReportEvent> {
  const columns = [
    labelledColumn(labels, 'name', 'text', 28),
    ...SCOPE_COLUMNS.map(([key, type]) => labelledColumn(labels, key, type, 11)),
  ];
  yield { type: 'section', title, columns };
  yield {
    type: 'rows',
    rows: rows.map((row) => [row.name, ...SCOPE_COLUMNS.map(([key]) => row.figures[key] as number)]),
  };
}

/** Generations sort numerically; a label that is not a number ("unknown") goes last. */
function generationOrder(generation: string): number {
  const n = Number(generation);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}
