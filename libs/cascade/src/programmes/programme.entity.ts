import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '@cascade/reference';

export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export interface Credential {
  title: string;
  level: string;
  issuer: string;
}

/** A cascade programme: the core courses that make a completion and the mark that earns the credential. */
@Entity('programmes')
export class Programme {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ type: 'date' }) startsOn: string;
  @Column({ type: 'date' }) endsOn: string;
  @Column('uuid', { array: true }) coreCourseIds: string[];
  @Column({ type: 'numeric', transformer: numeric }) passMark: number;
  @Column({ type: 'jsonb' }) credential: Credential;
  @Column({ type: 'text' }) status: ProgrammeStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
