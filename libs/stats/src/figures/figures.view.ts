import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const SCOPE_KINDS = ['region', 'institution', 'round', 'cohort'] as const;
/** A kind of scope inside a programme; the programme itself is the scope when none is named. */
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** The figures of one scope, named as in DESIGN.md "The figures"; docs/FIGURES.md defines each. */
export class Figures {
  @ApiProperty({ example: 2054 })
  participants: number;

  @ApiProperty({ example: 38 })
  institutions: number;

  @ApiProperty({ example: 22 })
  masterTeachers: number;

  @ApiProperty({ example: 1698 })
  completers: number;

  @ApiProperty({ example: 580 })
  certified: number;

  @ApiProperty({ example: 509 })
  aiAdopters: number;

  @ApiProperty({
    example: 0.2998,
    description: 'aiAdopters / completers, 4 decimals, 0 when there is no completer',
  })
  aiAdoptionRate: number;

  @ApiProperty({ example: 0.8267, description: 'completers / participants, 4 decimals' })
  completionRate: number;

  @ApiProperty({ example: 0.3416, description: 'certified / completers, 4 decimals' })
  certificationRate: number;

  @ApiProperty({ example: 4120 })
  mentoringSessions: number;

  @ApiProperty({ example: 3090.5, description: 'sum of session durations in hours, 2 decimals' })
  mentoringHours: number;

  @ApiProperty({ example: 880 })
  menteesMentored: number;

  @ApiProperty({
    example: { '2': 1240, '3': 792 },
    description: 'participants per cascade generation; "unknown" when a generation cannot be derived',
    additionalProperties: { type: 'integer' },
  })
  byGeneration: Record<string, number>;
}

/** One scope's figures as of the latest snapshot. */
export class FiguresView extends Figures {
  @ApiProperty({
    example: '2025-06-30T08:00:00.000Z',
    description: 'when the snapshot was taken (one transaction)',
  })
  computedAt: string;

  @ApiProperty({ description: 'true while records changed after the snapshot and a rollup is due' })
  stale: boolean;
}

/** One scope of a kind (a region, an institution, a round or a cohort) with its figures. */
export class ScopeFiguresView extends Figures {
  @ApiProperty({ format: 'uuid' })
  scopeId: string;

  @ApiProperty({ example: 'Arkhangai' })
  name: string;

  @ApiPropertyOptional({ example: 'Архангай', description: 'regions and institutions only' })
  nameMn?: string;
}

/** Every scope of one kind, from one snapshot. */
export class BreakdownView {
  @ApiProperty()
  computedAt: string;

  @ApiProperty()
  stale: boolean;

  @ApiProperty({ type: [ScopeFiguresView] })
  items: ScopeFiguresView[];
}

/** The programme's figures as of the last snapshot of one day (UTC). */
export class HistoryPointView extends Figures {
  @ApiProperty({ example: '2025-06-30', description: 'the day (UTC)' })
  date: string;

  @ApiProperty()
  computedAt: string;
}

/** What a report prints, all from one snapshot (not an HTTP answer). */
export interface SnapshotReport {
  figures: FiguresView;
  regions: ScopeFiguresView[];
  institutions: ScopeFiguresView[];
  rounds: ScopeFiguresView[];
  history: HistoryPointView[];
}

/** A rollup job as the queue knows it, and whether the figures already include a version. */
export class RollupJobView {
  @ApiProperty({ description: 'The rollup job: poll GET /programmes/:id/stats/jobs/:jobId' })
  jobId: string;

  @ApiProperty({
    example: 'waiting',
    description: "BullMQ's state: waiting, active, completed, failed, delayed, unknown…",
  })
  state: string;

  @ApiPropertyOptional({ description: 'the reason of the last failure' })
  failedReason?: string;

  @ApiProperty({
    example: 42,
    description:
      "The programme's dirty version this answer is about. From POST /refresh: the version when the " +
      'refresh was asked, which counts every write committed before it; pass it back as ' +
      '`?dirtyVersion=` when polling. From GET /jobs/:jobId without it: the version now.',
  })
  dirtyVersion: number;

  @ApiProperty({
    example: 41,
    nullable: true,
    type: Number,
    description: 'the dirty version the latest snapshot covers (null before the first snapshot)',
  })
  snapshotVersion: number | null;

  @ApiProperty({
    example: false,
    description:
      'Whether the latest snapshot includes every write up to dirtyVersion: poll until this is true, ' +
      'not until state is completed. When a rollup is already running, the refresh answers that ' +
      "running job (BullMQ's de-duplication does not expose the one kept to run after it); it may " +
      'complete without the latest writes, which the rollup that follows it includes.',
  })
  coversVersion: boolean;
}
