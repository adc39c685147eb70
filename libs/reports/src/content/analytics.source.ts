import { Injectable } from '@nestjs/common';
import { AnalyticsService, RunQuery, TrainerFiguresView } from '@cascade/stats';
import { AnalyticsLabels, analyticsLabelsFor } from '../i18n/analytics-labels';
import {
  CellType,
  CellValue,
  Column,
  PreparedReport,
  ReportContext,
  ReportEvent,
  ReportSource,
} from './report-content';

/** Trainers and cohorts are read a page at a time. */
const PAGE = 500;

const column = (
  key: string,
  label: string,
  type: CellType,
  width: number,
  spreadsheetOnly = false,
): Column => ({
  key,
  label,
  type,
  width,
  ...(spreadsheetOnly ? { spreadsheetOnly } : {}),
});

/**
 * cascade-analytics: the funnel by generation, each trainer's reach and outcome, and plan against
 * actual (rounds, regions, cohorts) — all from the stats snapshot through AnalyticsService, read in
 * the report's one transaction, so the report says what the analytics API says.
 */
@Injectable()
export class AnalyticsSource implements ReportSource {
  constructor(private readonly analytics: AnalyticsService) {}

  async prepare(context: ReportContext): Promise<PreparedReport> {
    const { programmeId, rowLimit } = context;
    const run: RunQuery = async (sql, params) => (await context.client.query(sql, params)).rows as unknown[];
    const words = analyticsLabelsFor(context.language);
    const mn = context.language === 'mn';
    const funnel = await this.analytics.generations(programmeId, undefined, undefined, run);
    const rounds = await this.analytics.rounds(programmeId, run);
    const regions = await this.analytics.regions(programmeId, run);
    const trainersPage = (offset: number) =>
      this.analytics.trainers(
        programmeId,
        { sort: 'downstreamParticipants', order: 'desc', limit: PAGE, offset },
        run,
      );
    const cohortsPage = (offset: number) => this.analytics.cohorts(programmeId, { limit: PAGE, offset }, run);
    const [firstTrainers, firstCohorts] = [await trainersPage(0), await cohortsPage(0)];
    const capped = (total: number) => Math.min(total, rowLimit ?? total);
    const { labels } = context;
    const c = words.columns;

    async function* pages<T>(
      first: { items: T[]; total: number },
      next: (offset: number) => Promise<{ items: T[] }>,
    ): AsyncGenerator<T> {
      const limit = capped(first.total);
      let items = first.items;
      for (let offset = 0; offset < limit; offset += PAGE) {
        if (offset > 0) items = (await next(offset)).items;
        for (const item of items.slice(0, limit - offset)) yield item;
      }
    }

    async function* events(): AsyncGenerator<ReportEvent> {
      yield {
        type: 'note',
        text: `${labels.meta.figuresAsOf}: ${funnel.computedAt}${funnel.stale ? ` (${labels.meta.stale})` : ''}`,
      };
      const generationName = (g: string) => (g === 'unknown' ? words.unknownGeneration : g);
      yield {
        type: 'chart',
        chart: {
          title: words.funnelChart,
          series: [c.participants, c.completers],
          bars: funnel.items.map((g) => ({
            label: `${c.generation} ${generationName(g.generation)}`,
            values: [g.participants, g.completers],
          })),
        },
      };
      yield {
        type: 'section',
        title: words.sections.funnel,
        columns: [
          column('generation', c.generation, 'text', 10),
          column('participants', c.participants, 'integer', 11),
          column('completers', c.completers, 'integer', 11),
          column('certified', c.certified, 'integer', 11),
          column('aiAdopters', c.aiAdopters, 'integer', 11),
          column('completionRate', c.completionRate, 'percent', 11),
          column('certificationRate', c.certificationRate, 'percent', 11),
          column('aiAdoptionRate', c.aiAdoptionRate, 'percent', 11),
        ],
      };
      yield {
        type: 'rows',
        rows: funnel.items.map((g) => [
          generationName(g.generation),
          g.participants,
          g.completers,
          g.certified,
          g.aiAdopters,
          g.completionRate,
          g.certificationRate,
          g.aiAdoptionRate,
        ]),
      };
      yield { type: 'section', title: words.sections.trainers, columns: trainerColumns(words) };
      for await (const trainer of pages(firstTrainers, trainersPage))
        yield { type: 'rows', rows: [trainerRow(words, trainer)] };
      if (capped(firstTrainers.total) < firstTrainers.total)
        yield { type: 'note', text: labels.meta.truncated(rowLimit!) };
      yield { type: 'note', text: words.flagRule };
      yield {
        type: 'section',
        title: words.sections.rounds,
        columns: [
          column('round', c.round, 'text', 24),
          column('target', c.target, 'integer', 11),
          column('participants', c.participants, 'integer', 11),
          column('enrolled', c.enrolled, 'integer', 11),
          column('completers', c.completers, 'integer', 11),
          column('certified', c.certified, 'integer', 11),
          column('targetAttainment', c.targetAttainment, 'percent', 11),
        ],
      };
      yield {
        type: 'rows',
        rows: rounds.items.map((r): CellValue[] => [
          `${r.number}. ${r.name}`,
          r.targetParticipants,
          r.participants,
          r.enrolled,
          r.completers,
          r.certified,
          r.targetAttainment,
        ]),
      };
      yield {
        type: 'section',
        title: words.sections.regions,
        columns: [
          column('region', c.region, 'text', 24),
          column('institutions', c.institutions, 'integer', 12),
          column('institutionsReached', c.institutionsReached, 'integer', 12),
          column('reachRate', c.reachRate, 'percent', 12),
          column('participants', c.participants, 'integer', 12),
        ],
      };
      yield {
        type: 'rows',
        rows: regions.items.map((r) => [
          mn ? (r.nameMn ?? r.name) : r.name,
          r.institutions,
          r.institutionsReached,
          r.reachRate,
          r.participants,
        ]),
      };
      yield {
        type: 'section',
        title: words.sections.cohorts,
        columns: [
          column('cohort', c.cohort, 'text', 24),
          column('capacity', c.capacity, 'integer', 11),
          column('enrolled', c.enrolled, 'integer', 11),
          column('fillRate', c.fillRate, 'percent', 11),
          column('participants', c.participants, 'integer', 11),
          column('completers', c.completers, 'integer', 11),
          column('certified', c.certified, 'integer', 11),
        ],
      };
      for await (const x of pages(firstCohorts, cohortsPage)) {
        yield {
          type: 'rows',
          rows: [[x.name, x.capacity, x.enrolled, x.fillRate, x.participants, x.completers, x.certified]],
        };
      }
      if (capped(firstCohorts.total) < firstCohorts.total)
        yield { type: 'note', text: labels.meta.truncated(rowLimit!) };
    }

    const expectedRows =
      funnel.items.length +
      capped(firstTrainers.total) +
      rounds.items.length +
      regions.items.length +
      capped(firstCohorts.total);
    return { expectedRows, events: events() };
  }
}

function trainerColumns(words: AnalyticsLabels): Column[] {
  const c = words.columns;
  return [
    column('trainer', c.trainer, 'text', 22),
    column('masterTeacher', c.masterTeacher, 'text', 8, true),
    column('generation', c.generation, 'integer', 7),
    column('cohorts', c.cohorts, 'integer', 7, true),
    column('directParticipants', `${c.direct}: ${c.participants}`, 'integer', 10),
    column('directCompletionRate', `${c.direct}: ${c.completionRate}`, 'percent', 10),
    column('directCertificationRate', `${c.direct}: ${c.certificationRate}`, 'percent', 10),
    column('downstreamParticipants', `${c.downstream}: ${c.participants}`, 'integer', 10),
    column('downstreamCompletionRate', `${c.downstream}: ${c.completionRate}`, 'percent', 10),
    column('downstreamCertificationRate', `${c.downstream}: ${c.certificationRate}`, 'percent', 10),
    column('flags', c.flags, 'text', 14),
  ];
}

function trainerRow(words: AnalyticsLabels, t: TrainerFiguresView): CellValue[] {
  return [
    t.fullName,
    t.masterTeacher ? words.yes : '',
    t.generation,
    t.cohorts,
    t.direct.participants,
    t.direct.completionRate,
    t.direct.certificationRate,
    t.downstream.participants,
    t.downstream.completionRate,
    t.downstream.certificationRate,
    t.flags.map((flag) => words.flags[flag]).join(', '),
  ];
}
