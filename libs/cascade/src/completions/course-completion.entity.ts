import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '@cascade/reference';

/** One course completed through one enrolment, with its assessment score. */
@Entity('course_completions')
export class CourseCompletion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') enrolmentId: string;
  @Column('uuid') courseId: string;
  @Column({ type: 'date' }) completedOn: string;
  @Column({ type: 'numeric', nullable: true, transformer: numeric }) score: number | null;
  @Column({ type: 'text', nullable: true }) clientRef: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
