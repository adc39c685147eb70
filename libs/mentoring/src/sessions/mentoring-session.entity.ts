import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SESSION_MODES = ['online', 'face_to_face', 'phone'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** One mentoring meeting; `clientRef` is the recording device's key, unique per mentor. */
@Entity('mentoring_sessions')
export class MentoringSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') assignmentId: string;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column('int') durationMinutes: number;
  @Column({ type: 'text' }) mode: SessionMode;
  @Column({ type: 'text', array: true }) topics: string[];
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'text' }) clientRef: string;
  /** The user who logged it. */
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
