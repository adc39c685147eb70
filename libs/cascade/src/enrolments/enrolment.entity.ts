import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ENROLMENT_STATUSES = ['enrolled', 'active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** A person's place in a cohort; a withdrawn enrolment frees its place. */
@Entity('enrolments')
export class Enrolment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') personId: string;
  @Column({ type: 'text' }) status: EnrolmentStatus;
  @Column({ type: 'date' }) enrolledOn: string;
  @Column({ type: 'date', nullable: true }) withdrawnOn: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
