import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A mentor (master teacher or later-generation trainer) paired with a mentee in a programme. */
@Entity('mentoring_assignments')
export class MentoringAssignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') programmeId: string;
  @Column('uuid') mentorId: string;
  @Column('uuid') menteeId: string;
  @Column({ type: 'date' }) startsOn: string;
  /** Null while active; an ended assignment stays as history. */
  @Column({ type: 'date', nullable: true }) endsOn: string | null;
  @Column({ type: 'text', nullable: true }) goals: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
