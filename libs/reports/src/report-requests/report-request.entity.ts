import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ReportFormat, ReportKind, ReportLanguage, ReportParams, ReportStatus } from './report-kinds';

/** A report asked for: the exports queue's unit of work, owned by PostgreSQL. */
@Entity('report_requests')
export class ReportRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') requestedBy: string;
  @Column('uuid') programmeId: string;
  @Column({ type: 'text' }) kind: ReportKind;
  @Column({ type: 'text' }) format: ReportFormat;
  @Column({ type: 'text' }) language: ReportLanguage;
  @Column({ type: 'jsonb' }) params: ReportParams;
  @Column({ type: 'text' }) status: ReportStatus;
  @Column('int') progress: number;
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  rowCount: number | null;
  /** Where the file lies on the worker's disk: internal, never shown to a client. */
  @Column({ type: 'text', nullable: true }) filePath: string | null;
  @Column({ type: 'text', nullable: true }) fileName: string | null;
  @Column({ type: 'text', nullable: true }) contentType: string | null;
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: unknown) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  sizeBytes: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) expiresAt: Date | null;
}
