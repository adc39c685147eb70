import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const IMPORT_KINDS = ['roster', 'completions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** An uploaded file to apply: the imports queue's unit of work, owned by PostgreSQL. */
@Entity('imports')
export class Import {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') requestedBy: string;
  @Column({ type: 'text' }) kind: ImportKind;
  @Column({ type: 'uuid', nullable: true }) cohortId: string | null;
  @Column({ type: 'text' }) fileName: string;
  @Column({ type: 'bigint', transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;
  @Column({ type: 'text' }) status: ImportStatus;
  @Column('int') progress: number;
  @Column('int') totalRows: number;
  @Column('int') createdRows: number;
  @Column('int') updatedRows: number;
  @Column('int') unchangedRows: number;
  @Column('int') enrolledRows: number;
  @Column('int') errorRows: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  /** The claim of the run that holds the import; internal. */
  @Column({ type: 'uuid', nullable: true }) runId: string | null;
  @Column('int') attempts: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) heartbeatAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
