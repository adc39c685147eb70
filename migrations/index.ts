// Every migration, in order. Listed here (not globbed) so the bundled apps carry them.
import { CreateFoundation1763900000000 } from './1763900000000-create-foundation';
import { CreateCascadeCore1763900001000 } from './1763900001000-create-cascade-core';
import { CreateMentoring1763900002000 } from './1763900002000-create-mentoring';
import { CertificationNumbers1763900010000 } from './1763900010000-certification-numbers';
import { CertificationEvaluationState1763900011000 } from './1763900011000-certification-evaluation-state';
import { MentoringSessionRules1763900020000 } from './1763900020000-mentoring-session-rules';
import { CreateStatsSnapshots1763900030000 } from './1763900030000-create-stats-snapshots';
import { CreateReportRequests1763900040000 } from './1763900040000-create-report-requests';
import { CreateImports1763900050000 } from './1763900050000-create-imports';
import { PeopleSearchTrigram1763900060000 } from './1763900060000-people-search-trigram';
import { ReportRequestRuns1763900070000 } from './1763900070000-report-request-runs';
import { AuthTokenVersionsAndEmails1764110000000 } from './1764110000000-auth-token-versions-and-emails';
import { SessionClientRefPerMentor1764110001000 } from './1764110001000-session-client-ref-per-mentor';
import { CompletionClientRefs1764135000000 } from './1764135000000-completion-client-refs';
import { RoundCohortMongolianNames1764135100000 } from './1764135100000-round-cohort-mongolian-names';
import { AuditEventsOccurredAt1764160000000 } from './1764160000000-audit-events-occurred-at';
import { DataQualityReportKind1764160001000 } from './1764160001000-data-quality-report-kind';
import { CreateCredentials1764170000000 } from './1764170000000-create-credentials';
import { CascadeAnalytics1764180000000 } from './1764180000000-cascade-analytics';
import { FiguresDirtyTriggers1764190000000 } from './1764190000000-figures-dirty-triggers';
import { ImportErrorsTable1764190100000 } from './1764190100000-import-errors-table';
import { FiguresDirtyDistinct1764190200000 } from './1764190200000-figures-dirty-distinct';
import { FiguresDirtyMarks1764200000000 } from './1764200000000-figures-dirty-marks';
import { FiguresMarksNotice1764203000000 } from './1764203000000-figures-marks-notice';
import { FiguresCells1764210000000 } from './1764210000000-figures-cells';
import { SnapshotFiguresWithoutForeignKeys1764220000000 } from './1764220000000-snapshot-figures-without-foreign-keys';
import { FiguresCellsOneIndex1764230000000 } from './1764230000000-figures-cells-one-index';
import { FiguresByGenerationAsJson1764240000000 } from './1764240000000-figures-by-generation-as-json';
import { CertificationMarksPeople1764250000000 } from './1764250000000-certification-marks-people';

export const migrations = [
  CreateFoundation1763900000000,
  CreateCascadeCore1763900001000,
  CreateMentoring1763900002000,
  CertificationNumbers1763900010000,
  CertificationEvaluationState1763900011000,
  MentoringSessionRules1763900020000,
  CreateStatsSnapshots1763900030000,
  CreateReportRequests1763900040000,
  CreateImports1763900050000,
  PeopleSearchTrigram1763900060000,
  ReportRequestRuns1763900070000,
  AuthTokenVersionsAndEmails1764110000000,
  SessionClientRefPerMentor1764110001000,
  CompletionClientRefs1764135000000,
  RoundCohortMongolianNames1764135100000,
  AuditEventsOccurredAt1764160000000,
  DataQualityReportKind1764160001000,
  CreateCredentials1764170000000,
  CascadeAnalytics1764180000000,
  FiguresDirtyTriggers1764190000000,
  ImportErrorsTable1764190100000,
  FiguresDirtyDistinct1764190200000,
  FiguresDirtyMarks1764200000000,
  FiguresMarksNotice1764203000000,
  FiguresCells1764210000000,
  SnapshotFiguresWithoutForeignKeys1764220000000,
  FiguresCellsOneIndex1764230000000,
  FiguresByGenerationAsJson1764240000000,
  CertificationMarksPeople1764250000000,
];
